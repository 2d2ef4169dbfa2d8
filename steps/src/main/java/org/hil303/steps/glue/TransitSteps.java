package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hil303.fixtures.capture.CleartextSearch;
import org.hil303.fixtures.capture.Marker;
import org.hil303.fixtures.dut.IxitIncomplete;
import org.hil303.rigs.base.RigFault;
import org.hil303.steps.report.NonConformity;
import org.hil303.steps.run.TransitCapture;

/** 5.5-6, 5.5-7, 5.8-1, 5.8-2: known secrets and personal data must not cross the network in clear. */
public final class TransitSteps {
    private final DutWorld world;
    private TransitCapture capture;

    public TransitSteps(DutWorld world) {
        this.world = world;
    }

    @When("the DUT's traffic to its cloud is captured with known secrets and personal data planted in it")
    public void capture() {
        world.progress("planting markers and capturing the DUT's traffic");
        world.rig();
        capture = world.run().transit(() -> TransitCapture.take(world.run(), world.run().runDir().resolve("captures/traffic.pcap")));
        Path kept = world.run().runDir().resolve("captures").resolve(world.testCase() + ".pcap");
        try {
            Files.copy(capture.pcap(), kept, StandardCopyOption.REPLACE_EXISTING);
            try (InputStream in = Files.newInputStream(kept)) {
                Allure.addAttachment("capture " + world.testCase() + ".pcap", "application/vnd.tcpdump.pcap", in, ".pcap");
            }
        } catch (IOException e) {
            throw new RigFault("cannot keep the capture as " + kept + ": " + e.getMessage(), e);
        }
        world.evidence("traffic capture", capture.evidence());
    }

    @Then("no critical security parameter appears in clear")
    public void noSecretInClear() {
        require(m -> m.kind().equals(TransitCapture.SECRET), "critical security parameter");
    }

    @Then("no personal data appears in clear")
    public void noPersonalDataInClear() {
        require(m -> !m.kind().equals(TransitCapture.SECRET), "personal data");
    }

    @Then("no sensitive personal data appears in clear")
    public void noSensitiveDataInClear() {
        require(m -> m.kind().equals(TransitCapture.SENSITIVE), "sensitive personal data");
    }

    private void require(Predicate<Marker> which, String what) {
        List<Marker> markers = capture.markers(which);
        if (markers.isEmpty()) {
            throw new IxitIncomplete("no " + what + " known to the harness to look for: declare it in the IXIT (cloud: trust-anchor "
                    + "provisioned; personal-data items, with sensitive: true where it is)");
        }
        List<CleartextSearch.Sighting> seen = capture.inClear(which);
        NonConformity.require(seen.isEmpty(), seen.stream().map(CleartextSearch.Sighting::describe).distinct()
                .collect(Collectors.joining("; ")));
    }
}
