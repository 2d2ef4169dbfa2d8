package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hil303.fixtures.dut.ServiceSpec;
import org.hil303.fixtures.network.AttackSurface;
import org.hil303.fixtures.network.DisclosureRules;
import org.hil303.fixtures.network.PortScanner;
import org.hil303.fixtures.network.TcpScan;
import org.hil303.fixtures.network.TcpScanners;
import org.hil303.fixtures.network.UdpProbe;
import org.hil303.fixtures.network.UnauthenticatedResponses;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.ReportText;
import org.hil303.rigs.network.NetworkPath;
import org.hil303.steps.report.NonConformity;

/** 5.6-1, 5.6-2 and 5.6-5: what the DUT exposes on the network, against what the IXIT declares. */
public final class NetworkSurfaceSteps {
    private static final Timeout UDP_ANSWER = Timeout.of("UDP answer", Duration.ofSeconds(3));
    private static final Timeout GREETING = Timeout.of("service greeting", Duration.ofMillis(1500));
    private static final Timeout REQUEST = Timeout.of("unauthenticated request", Duration.ofSeconds(10));

    private final DutWorld world;
    private AttackSurface surface;
    private List<UnauthenticatedResponses.Response> responses = List.of();

    public NetworkSurfaceSteps(DutWorld world) {
        this.world = world;
    }

    @When("all 65,535 TCP ports and the common UDP services of the DUT are scanned")
    public void scan() {
        NetworkPath path = world.rig().network();
        TcpScan tcp = TcpScanners.best(path, PortScanner.Settings.defaults()).scanAll(path.dutAddress());
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

    @When("what every open port says before authentication is collected")
    public void collectUnauthenticated() {
        responses = new UnauthenticatedResponses(world.rig().network(), GREETING, REQUEST)
                .collect(surface.tcp().open(), world.run().dut().services(), world.run().dut().localApi());
        StringBuilder b = new StringBuilder();
        for (UnauthenticatedResponses.Response r : responses) {
            b.append("=== tcp/").append(r.port()).append(r.service().map(s -> " (" + s.name() + ")").orElse(" (undeclared)"))
                    .append(", ").append(r.what()).append(":\n").append(r.text()).append("\n\n");
        }
        world.evidence("unauthenticated responses", b.toString());
    }

    @Then("none of it discloses versions, keys, internal paths or identifiers the IXIT does not declare")
    public void noDisclosure() {
        List<String> findings = new ArrayList<>();
        for (UnauthenticatedResponses.Response r : responses) {
            List<DisclosureRules.Disclosure> d = DisclosureRules.find(r.text(), r.service().flatMap(ServiceSpec::banner));
            if (!d.isEmpty()) {
                findings.add("tcp/" + r.port() + " " + r.what() + ": "
                        + d.stream().map(DisclosureRules.Disclosure::describe).collect(Collectors.joining(", ")));
            }
        }
        NonConformity.require(findings.isEmpty(), "disclosed before authentication: " + ReportText.oneLine(String.join("; ", findings), 2000));
    }
}
