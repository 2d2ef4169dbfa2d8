package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.fixtures.dut.ServiceSpec;
import org.hil303.fixtures.tls.TlsJudgement;
import org.hil303.fixtures.tls.TlsPolicy;
import org.hil303.fixtures.tls.TlsProber;
import org.hil303.fixtures.tls.TlsReport;
import org.hil303.steps.report.NonConformity;

/** 5.5-1, the DUT as a TLS server: what each TLS service accepts, against the best-practice profile. */
public final class TlsSteps {
    private final DutWorld world;
    private final TlsPolicy policy = TlsPolicy.builtIn();
    private final Map<ServiceSpec, TlsReport> reports = new LinkedHashMap<>();

    public TlsSteps(DutWorld world) {
        this.world = world;
    }

    @When("every TLS service the IXIT declares is enumerated")
    public void enumerate() {
        List<ServiceSpec> tls = world.run().dut().services().stream().filter(ServiceSpec::tls).toList();
        if (tls.isEmpty()) {
            throw new IxitIncomplete("the IXIT (13-SoftServ) declares no service with 'tls: true': nothing to enumerate; "
                    + "if the DUT has no TLS service, say how it communicates securely in the ICS");
        }
        TlsProber prober = new TlsProber(TlsProber.Settings.defaults());
        world.evidence("TLS policy", String.join("\n", policy.describe()));
        for (ServiceSpec s : tls) {
            world.progress("enumerating TLS on " + s.describe());
            TlsReport r = prober.enumerate(world.rig().network().dutPort(s.port()));
            reports.put(s, r);
            world.evidence("TLS " + s.describe(), r.evidence());
        }
    }

    @Then("each offers only the protocol versions and cipher suites of the best-practice profile")
    public void protocolsAndSuites() {
        List<String> findings = new ArrayList<>();
        reports.forEach((s, r) -> TlsJudgement.findings(r, policy, Instant.now()).stream()
                .filter(f -> !f.startsWith("certificate"))
                .forEach(f -> findings.add(s.name() + ": " + f)));
        NonConformity.require(findings.isEmpty(), "TLS outside " + policy.name() + ": " + String.join("; ", findings));
    }

    @Then("each presents a certificate with a key size, signature algorithm and validity the profile accepts")
    public void certificates() {
        List<String> findings = new ArrayList<>();
        reports.forEach((s, r) -> TlsJudgement.findings(r, policy, Instant.now()).stream()
                .filter(f -> f.startsWith("certificate") || f.startsWith("no server certificate"))
                .forEach(f -> findings.add(s.name() + ": " + f)));
        NonConformity.require(findings.isEmpty(), "server certificate outside " + policy.name() + ": " + String.join("; ", findings));
    }
}
