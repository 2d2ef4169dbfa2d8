package org.hil303.steps.glue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.hil303.fixtures.cloud.CloudCertificate;
import org.hil303.fixtures.cloud.CloudRequest;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CloudRequestSpec;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.fixtures.dut.FactoryResetSpec;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.steps.report.NonConformity;

/** 5.11-2: the factory reset reaches the associated cloud service, which the rig plays. */
public final class CloudDeletionSteps {
    private static final String VERIFIED = "tls/" + CloudCertificate.VALID.label();

    private final DutWorld world;
    private Instant since;

    public CloudDeletionSteps(DutWorld world) {
        this.world = world;
    }

    @Given("the DUT is in contact with its cloud service")
    public void inContact() throws InterruptedException {
        FakeCloud cloud = world.run().cloud();
        CloudSpec spec = world.run().dut().cloud().orElseThrow();
        Instant from = Instant.now();
        // the control: a DUT that never reaches its cloud cannot show that it asks it to delete anything
        Timeout timeout = Timeout.of("ixit.cloud.contact-within x2", spec.contactWithin().multipliedBy(2));
        if (!cloud.awaitRequests(r -> r.stream().anyMatch(q -> !q.at().isBefore(from) && q.channel().equals(VERIFIED)), timeout)) {
            throw new RigFault("the DUT sent its cloud service nothing over a verified channel within " + timeout.describe()
                    + ": whether a reset asks it to delete data cannot be tested");
        }
        since = Instant.now();
    }

    @Then("its cloud service has received the deletion request the IXIT declares, over a verified channel")
    public void deletionReceived() throws InterruptedException {
        CloudRequestSpec declared = world.run().dut().factoryReset().flatMap(FactoryResetSpec::cloudDeletion)
                .orElseThrow(() -> new IxitIncomplete("the IXIT (25-DelFunc) declares no 'cloud-deletion' request to look for"));
        FakeCloud cloud = world.run().cloud();
        // the reset has completed by now; a request still in flight gets one contact interval more
        Timeout timeout = Timeout.of("ixit.cloud.contact-within", world.run().dut().cloud().orElseThrow().contactWithin());
        cloud.awaitRequests(r -> after(r).stream().anyMatch(q -> declared.matches(q.method(), q.path())), timeout);
        List<CloudRequest> received = after(cloud.requests());
        world.evidence("requests the cloud received from the reset on", received.isEmpty() ? "none"
                : received.stream().map(CloudRequest::describe).collect(Collectors.joining("\n")));
        List<CloudRequest> deletions = received.stream().filter(q -> declared.matches(q.method(), q.path())).toList();
        NonConformity.require(!deletions.isEmpty(), "the cloud service received no deletion request (" + declared.describe()
                + ") after the factory reset: the user's data stays with the associated service");
        NonConformity.require(deletions.stream().anyMatch(q -> q.channel().equals(VERIFIED)),
                "the deletion request reached the cloud only over " + deletions.get(0).channel() + ", not over a verified TLS channel");
    }

    private List<CloudRequest> after(List<CloudRequest> requests) {
        return requests.stream().filter(q -> !q.at().isBefore(since)).toList();
    }
}
