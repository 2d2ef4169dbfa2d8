package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.hil303.fixtures.auth.BruteForceMeasurement;
import org.hil303.fixtures.auth.DefaultCredentialSweep;
import org.hil303.fixtures.auth.DutLogins;
import org.hil303.fixtures.auth.SweepResult;
import org.hil303.fixtures.dut.CredentialSource;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.fixtures.dut.SurfaceKind;
import org.hil303.fixtures.login.Credential;
import org.hil303.fixtures.login.CredentialList;
import org.hil303.fixtures.login.LoginOutcome;
import org.hil303.fixtures.login.LoginSurface;
import org.hil303.rigs.base.RigFault;
import org.hil303.steps.report.NonConformity;

/** 5.1-1 and 5.1-5: what the login surfaces accept. */
public final class AuthenticationSteps {
    private final DutWorld world;
    private final List<SweepResult> sweeps = new ArrayList<>();
    private final List<String> undeclared = new ArrayList<>();
    private final Map<LoginSurfaceSpec, BruteForceMeasurement.Result> bruteForce = new java.util.LinkedHashMap<>();

    public AuthenticationSteps(DutWorld world) {
        this.world = world;
    }

    @When("the credentials of the {string} list are tried on every login surface of the DUT")
    public void sweep(String listName) {
        CredentialList list = CredentialList.load(listName);
        DutLogins logins = new DutLogins(world.rig(), world.run().dut());
        List<java.util.concurrent.Callable<SweepResult>> jobs = new ArrayList<>();
        for (LoginSurfaceSpec spec : world.run().dut().loginSurfaces()) {
            LoginSurface surface = logins.open(spec);
            Optional<Credential> legit = legitimate(spec);
            boolean unique = !(spec.credential() instanceof CredentialSource.Fixed);
            jobs.add(() -> new DefaultCredentialSweep(surface, legit, unique, spec.bruteForce()).reportingTo(world::progress)
                    .run(list.credentials()));
        }
        for (Map.Entry<Integer, SurfaceKind> e : logins.undeclared()) {
            undeclared.add(e.getValue().name().toLowerCase() + " on port " + e.getKey());
            LoginSurface surface = logins.open(e.getValue(), e.getKey());
            jobs.add(() -> new DefaultCredentialSweep(surface, Optional.empty(), false, Optional.empty()).reportingTo(world::progress)
                    .run(list.credentials()));
        }
        sweeps.addAll(runAll(jobs)); // surfaces are independent: try them side by side
        world.evidence("credential list", list.name() + ": " + list.credentials().size() + " credentials; source: " + list.source());
        sweeps.forEach(s -> world.evidence("sweep " + s.surface(), s.evidence()));
    }

    @Then("no login surface accepts any of them")
    public void noneAccepted() {
        String accepted = sweeps.stream().filter(s -> !s.accepted().isEmpty()).map(AuthenticationSteps::acceptedOn)
                .collect(Collectors.joining("; "));
        NonConformity.require(accepted.isEmpty(), "universal default credentials work: " + accepted);
    }

    @Then("every login surface found on the DUT is declared in the IXIT")
    public void allDeclared() {
        NonConformity.require(undeclared.isEmpty(), "login surfaces found on the DUT but missing from the IXIT (1-AuthMech): "
                + String.join(", ", undeclared));
    }

    @When("wrong passwords are guessed in quick succession on every network login surface")
    public void guess() {
        DutLogins logins = new DutLogins(world.rig(), world.run().dut());
        List<LoginSurfaceSpec> specs = world.run().dut().loginSurfaces().stream().filter(LoginSurfaceSpec::overNetwork).toList();
        List<java.util.concurrent.Callable<BruteForceMeasurement.Result>> jobs = new ArrayList<>();
        for (LoginSurfaceSpec spec : specs) {
            Credential right = legitimate(spec).orElseThrow(() -> new RigFault("no known credential for " + spec.describe()
                    + ": the brute-force test needs the right password to tell a lockout from a refusal"));
            LoginSurface surface = logins.open(spec);
            jobs.add(() -> new BruteForceMeasurement(surface, right, spec.bruteForce()).run());
        }
        if (jobs.isEmpty()) {
            throw new IxitIncomplete("the IXIT declares no network login surface to test");
        }
        List<BruteForceMeasurement.Result> results = runAll(jobs); // surfaces side by side: each has its own lockout
        for (int i = 0; i < specs.size(); i++) {
            bruteForce.put(specs.get(i), results.get(i));
            world.evidence("brute force " + specs.get(i).describe(), results.get(i).evidence());
        }
    }

    @Then("every network login surface locks out or slows down the guessing")
    public void protectedSurfaces() {
        String open = bruteForce.values().stream().filter(r -> !r.protects())
                .map(r -> String.format(java.util.Locale.ROOT, "%s took %d wrong passwords at %.0f guesses/min and then let the right one in at once",
                        r.surface(), r.wrongAttempts(), r.guessesPerMinute()))
                .collect(Collectors.joining("; "));
        NonConformity.require(open.isEmpty(), "no brute-force protection: " + open);
    }

    @Then("no surface locks out later than the IXIT declares")
    public void asDeclared() {
        List<String> late = new ArrayList<>();
        bruteForce.forEach((spec, r) -> {
            spec.bruteForce().ifPresent(p -> {
                boolean onTime = r.lockoutOnset().map(n -> n <= p.failuresBeforeLockout() + 1).orElse(false) || r.delayGrew();
                if (!onTime) {
                    late.add(spec.describe() + " declares a lockout after " + p.failuresBeforeLockout() + " failures, observed "
                            + r.lockoutOnset().map(n -> "from attempt " + n).orElse("none during the wrong attempts"));
                }
            });
        });
        NonConformity.require(late.isEmpty(), "lockout later than declared in the IXIT: " + String.join("; ", late));
    }

    private static String acceptedOn(SweepResult s) {
        if (s.accepted().stream().anyMatch(a -> a.outcome() == LoginOutcome.NO_AUTHENTICATION)) {
            return s.surface() + " gives a shell without asking for any credential";
        }
        return s.surface() + " accepts " + s.accepted().stream().map(a -> a.credential().toString()).collect(Collectors.joining(", "));
    }

    private Optional<Credential> legitimate(LoginSurfaceSpec spec) {
        if (spec.credential() instanceof CredentialSource.None) {
            return Optional.empty();
        }
        return world.run().accounts().password(spec.user()).map(p -> new Credential(spec.user(), p));
    }

    static <T> List<T> runAll(List<java.util.concurrent.Callable<T>> jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs.size()));
        try {
            List<Future<T>> futures = pool.invokeAll(jobs);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new RigFault("login probe failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
