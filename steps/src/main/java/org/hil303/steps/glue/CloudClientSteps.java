package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.stream.Collectors;
import org.hil303.fixtures.cloud.CertificateTrial;
import org.hil303.fixtures.cloud.CloudAttempt;
import org.hil303.fixtures.cloud.CloudCertificate;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.steps.report.NonConformity;

/** 5.5-1, the DUT as a TLS client: the fake cloud shows it a good certificate and four bad ones in turn. */
public final class CloudClientSteps {
    private static final List<CloudCertificate> ORDER = List.of(CloudCertificate.values());

    private final DutWorld world;
    private CertificateTrial trial;

    public CloudClientSteps(DutWorld world) {
        this.world = world;
    }

    @When("the fake cloud shows the DUT a valid, a self-signed, an expired, a wrong-host and an untrusted certificate in turn")
    public void showInTurn() throws InterruptedException {
        FakeCloud cloud = world.run().cloud();
        CloudSpec spec = world.run().dut().cloud().orElseThrow();
        int before = cloud.attempts().size();
        cloud.showInTurn(ORDER);
        // the DUT needs one attempt per certificate, each within contact-within of the last
        Timeout timeout = Timeout.of("ixit.cloud.contact-within x" + (ORDER.size() + 1), spec.contactWithin().multipliedBy(ORDER.size() + 1));
        world.progress("showing the DUT " + ORDER.size() + " certificates, one per connection to " + spec.primaryHost() + ":" + spec.port());
        boolean done = cloud.awaitAttempts(a -> a.subList(Math.min(before, a.size()), a.size()).stream()
                .map(CloudAttempt::shown).collect(Collectors.toSet()).containsAll(ORDER), timeout);
        cloud.showInTurn(List.of());
        List<CloudAttempt> attempts = cloud.attempts();
        trial = new CertificateTrial(attempts.subList(before, attempts.size()));
        world.evidence("fake cloud connections", attempts.subList(before, attempts.size()).stream().map(CloudAttempt::describe)
                .collect(Collectors.joining("\n")) + "\n\nrequests received so far:\n"
                + cloud.requests().stream().map(r -> r.describe()).collect(Collectors.joining("\n")));
        if (!done || !trial.complete()) {
            throw new RigFault("the DUT made " + (attempts.size() - before) + " connection(s) to the fake cloud within " + timeout.describe()
                    + ", not one for each of the " + ORDER.size() + " certificates: its cloud client could not be tested");
        }
    }

    @Then("it completes the handshake with the valid chain and sends its data")
    public void acceptsTheValidChain() {
        // the control: a DUT that refuses even the good chain is not working (or does not trust the provisioned CA)
        trial.controlFailure().ifPresent(why -> {
            throw new RigFault(why + ": its refusals of the bad certificates prove nothing");
        });
    }

    @Then("it refuses every other certificate before sending any application data")
    public void refusesTheBadOnes() {
        List<String> accepted = trial.acceptedBadCertificates();
        NonConformity.require(accepted.isEmpty(), "the DUT's TLS client accepted " + String.join("; ", accepted));
    }
}
