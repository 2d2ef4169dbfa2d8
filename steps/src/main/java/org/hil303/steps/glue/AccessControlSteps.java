package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hil303.fixtures.access.AccessMatrix;
import org.hil303.fixtures.dut.LocalApi;
import org.hil303.fixtures.network.HttpProbe;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.ReportText;
import org.hil303.steps.report.NonConformity;
import org.hil303.steps.run.ApiAccounts;

/** 5.5-4 and 5.5-5: who the local API lets in, endpoint by endpoint, against what the IXIT declares. */
public final class AccessControlSteps {
    private static final Timeout REQUEST = Timeout.of("API request", Duration.ofSeconds(10));

    private final DutWorld world;
    private List<LocalApi.Endpoint> endpoints = List.of();
    private AccessMatrix.Result result;

    public AccessControlSteps(DutWorld world) {
        this.world = world;
    }

    private LocalApi api() {
        return world.run().dut().localApi().orElseThrow(() -> new RigFault(
                "the IXIT declares no local API (ixit.local-api): there is nothing to request; declare it, or mark the provision N/A in the ICS"));
    }

    @When("every endpoint of the local API that the IXIT restricts is requested with no, a wrong, a less privileged and the right credential")
    public void everyRestrictedEndpoint() {
        endpoints = api().endpoints();
        request();
    }

    @When("every endpoint of the local API that changes security-relevant configuration is requested with no, a wrong, a less privileged and the right credential")
    public void everySecurityRelevantEndpoint() {
        endpoints = api().endpoints().stream().filter(LocalApi.Endpoint::securityRelevant).toList();
        world.evidence("security-relevant endpoints", endpoints.stream().map(e -> e.describe() + " (access: " + e.access() + ")\n")
                .reduce("", String::concat));
        request();
    }

    @Then("the IXIT declares none of them open to anyone")
    public void noneDeclaredPublic() {
        List<String> open = endpoints.stream().filter(LocalApi.Endpoint::isPublic).map(LocalApi.Endpoint::describe).toList();
        NonConformity.require(open.isEmpty(), "security-relevant configuration changes without authentication, as the IXIT declares: "
                + String.join(", ", open));
    }

    @Then("only the right credential is accepted")
    public void onlyTheRightCredential() {
        NonConformity.require(result.findings().isEmpty(), ReportText.oneLine(String.join("; ", result.findings()), 2000));
        if (!result.unchecked().isEmpty()) {
            throw new RigFault(String.join("; ", result.unchecked()));
        }
    }

    private void request() {
        LocalApi api = api();
        Map<String, String> passwords = ApiAccounts.passwords(api, world.rig().label());
        InetSocketAddress target = world.rig().network().dutPort(api.service().port());
        HttpProbe http = new HttpProbe(REQUEST);
        try {
            result = new AccessMatrix(api, passwords).run(endpoints, a -> {
                Optional<String> auth = a.user().map(u -> u + ":" + a.password().orElse(""));
                try {
                    return http.request(target, api.service().tls(), a.endpoint().method(), a.endpoint().path(), auth, a.endpoint().body())
                            .map(r -> new AccessMatrix.Answer(r.status())).orElse(AccessMatrix.Answer.DROPPED);
                } catch (java.net.ConnectException e) {
                    throw e; // not reached at all: the rig's problem, not an answer
                } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                    return AccessMatrix.Answer.DROPPED; // connected, then no answer: not a refusal
                }
            });
        } catch (IOException e) {
            throw new RigFault("the local API at " + target + " could not be reached: " + e.getMessage(), e);
        }
        world.evidence("access matrix", result.evidence());
    }
}
