package org.hil303.steps.glue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.hil303.fixtures.dut.SupplierImages;
import org.hil303.fixtures.dut.UpdateSpec;
import org.hil303.fixtures.lifecycle.ConsoleShell;
import org.hil303.fixtures.tls.ClientHello;
import org.hil303.fixtures.tls.LegacyTlsServer;
import org.hil303.fixtures.tls.TlsPolicy;
import org.hil303.fixtures.update.UpdateCrypto;
import org.hil303.fixtures.update.UpdateOffer;
import org.hil303.fixtures.update.UpdatePki;
import org.hil303.fixtures.update.UpdateServer;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.steps.report.NonConformity;

/**
 * 5.3-7: the update path's cryptography against the best-practice profile 5.5-1 uses: the TLS the
 * DUT's update client offers (its ClientHello, as the played update server receives it) and accepts
 * (a server speaking legacy TLS only), and the scheme and size of the key its images are signed with.
 */
public final class UpdateCryptoSteps {
    /** How long the server may take to log a connection the DUT has already finished. */
    private static final Timeout LOGGED = Timeout.of("update server log (2 s, fixed)", Duration.ofSeconds(2));

    private final DutWorld world;
    private final TlsPolicy policy = TlsPolicy.builtIn();
    private List<UpdateServer.Connection> legacy = List.of();
    private List<UpdateServer.Connection> usual = List.of();
    private UpdateCrypto.SigningKey signingKey;

    public UpdateCryptoSteps(DutWorld world) {
        this.world = world;
    }

    @When("the DUT is asked to check for updates at an update server that speaks only legacy TLS")
    public void checkAtLegacyServer() {
        legacy = check(server -> {
            try (ConsoleShell shell = LifecycleShell.open(world)) {
                int running = UpdateOffer.runningVersion(shell, spec());
                server.offerOverLegacyTls(UpdateContext.images(world).newer(running).bytes());
            }
        }).stream().filter(UpdateServer.Connection::legacyTls).toList();
        if (legacy.isEmpty()) {
            throw new RigFault("the DUT did not contact the update server (" + LegacyTlsServer.describe() + ") when asked to check");
        }
    }

    @When("the DUT is asked to check for updates at the update server with nothing on offer")
    public void checkAsUsual() {
        usual = check(UpdateServer::withdraw).stream().filter(c -> !c.legacyTls() && c.hello().isPresent()).toList();
        if (usual.isEmpty()) {
            throw new RigFault("the update server received no ClientHello from the DUT when it was asked to check");
        }
    }

    @Then("the DUT fetched nothing over legacy TLS")
    public void nothingOverLegacyTls() {
        List<UpdateServer.Connection> accepted = legacy.stream().filter(UpdateServer.Connection::handshake).toList();
        NonConformity.require(accepted.isEmpty(), "the update client completed a handshake with a server speaking " + LegacyTlsServer.describe()
                + ": " + accepted.stream().map(UpdateServer.Connection::describe).collect(Collectors.joining("; ")));
    }

    @Then("its update client offered only protocol versions and cipher suites of the best-practice profile")
    public void offeredBestPractice() {
        Set<String> findings = new LinkedHashSet<>();
        for (UpdateServer.Connection c : usual) {
            findings.addAll(UpdateCrypto.offerFindings(c.hello().orElseThrow(), policy));
        }
        NonConformity.require(findings.isEmpty(), String.join("; ", findings));
    }

    @When("the update-signing key the DUT trusts is read, with the signature of an image")
    public void readSigningKey() {
        UpdateSpec spec = spec();
        String pem = spec.supplied().map(SupplierImages::vendorKeyPem).orElseGet(() -> pki().vendorKey().publicPem());
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            signingKey = UpdateCrypto.signingKey(SubjectPublicKeyInfo.getInstance(p.readObject()));
        } catch (IOException | IllegalArgumentException e) {
            throw new RigFault("cannot read the update-signing key the unit was given: " + e.getMessage(), e);
        }
        world.evidence("update signing", "the unit trusts " + signingKey.describe() + " (update-vendor-key.pem, "
                + spec.supplied().map(x -> "the supplier's").orElse("made for this run") + "), images in " + spec.format() + "\n" + pem);
    }

    @Then("the signature scheme and key size are best practice")
    public void signingBestPractice() {
        List<String> findings = UpdateCrypto.signingKeyFindings(signingKey, policy);
        NonConformity.require(findings.isEmpty(), String.join("; ", findings));
    }

    /** Publishes (or withdraws) with the DUT ready, asks it to check, and returns the connections the server logged meanwhile. */
    private List<UpdateServer.Connection> check(java.util.function.Consumer<UpdateServer> publish) {
        UpdateSpec spec = spec();
        UpdateServer server = world.run().updateServer();
        world.boot().ensure(BootStrategy.State.NETWORK_UP);
        int from = server.connections().size();
        publish.accept(server);
        ConsoleShell.Output o;
        try (ConsoleShell shell = LifecycleShell.open(world, spec.within())) {
            o = shell.run(spec.check());
        }
        try {
            server.awaitConnections(from + 1, LOGGED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while reading the update server's log");
        } finally {
            server.withdraw();
        }
        List<UpdateServer.Connection> seen = new ArrayList<>(server.connections());
        List<UpdateServer.Connection> since = seen.subList(from, seen.size());
        world.evidence("update check", "'" + spec.check() + "' exited " + o.status() + "\n" + since.stream()
                .map(c -> c.at() + " " + c.describe() + c.hello().map(h -> "\n  " + h.describe()).orElse("")).collect(Collectors.joining("\n")));
        return List.copyOf(since);
    }

    private UpdatePki pki() {
        return UpdateContext.pki(world);
    }

    private UpdateSpec spec() {
        return UpdateContext.spec(world);
    }
}
