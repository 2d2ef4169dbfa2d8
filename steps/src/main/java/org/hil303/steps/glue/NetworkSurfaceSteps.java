package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.hil303.fixtures.network.AttackSurface;
import org.hil303.fixtures.network.PortScanner;
import org.hil303.fixtures.network.TcpScan;
import org.hil303.fixtures.network.UdpProbe;
import org.hil303.rigs.Timeout;
import org.hil303.rigs.network.NetworkPath;
import org.hil303.steps.report.NonConformity;

/** 5.6-1 and 5.6-5: what the DUT exposes on the network, against what the IXIT declares. */
public final class NetworkSurfaceSteps {
    private static final Timeout UDP_ANSWER = Timeout.of("UDP answer", Duration.ofSeconds(3));

    private final DutWorld world;
    private AttackSurface surface;

    public NetworkSurfaceSteps(DutWorld world) {
        this.world = world;
    }

    @When("all 65,535 TCP ports and the common UDP services of the DUT are scanned")
    public void scan() {
        NetworkPath path = world.rig().network();
        TcpScan tcp = new PortScanner(path, PortScanner.Settings.defaults()).scanAll(path.dutAddress());
        List<UdpProbe.Answer> udp = new UdpProbe(path, UDP_ANSWER).probe(path.dutAddress(), UdpProbe.commonServices());
        surface = new AttackSurface(tcp, udp, world.run().dut().services());
        world.evidence("port scan", surface.evidence());
    }

    @Then("every open port is declared in the IXIT as a software service")
    public void everyOpenPortDeclared() {
        List<AttackSurface.Finding> undeclared = surface.undeclared();
        NonConformity.require(undeclared.isEmpty(), "open ports the IXIT (13-SoftServ) does not declare: "
                + undeclared.stream().map(f -> f.protocol() + "/" + f.port()).collect(Collectors.joining(", ")));
    }
}
