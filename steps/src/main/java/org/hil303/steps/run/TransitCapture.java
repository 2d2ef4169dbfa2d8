package org.hil303.steps.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hil303.fixtures.capture.CleartextSearch;
import org.hil303.fixtures.capture.Marker;
import org.hil303.fixtures.capture.PacketCapture;
import org.hil303.fixtures.capture.Pcap;
import org.hil303.fixtures.cloud.CloudRequest;
import org.hil303.fixtures.cloud.FakeCloud;
import org.hil303.fixtures.dut.CloudSpec;
import org.hil303.fixtures.dut.CredentialSource;
import org.hil303.fixtures.dut.PersonalDataSpec;
import org.hil303.fixtures.dut.ServiceSpec;
import org.hil303.fixtures.network.HttpProbe;
import org.hil303.rigs.Rig;
import org.hil303.rigs.UnitLabel;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;

/**
 * The DUT's traffic while it talks to its cloud, with known values planted in it: the secrets the
 * lab holds for the unit (its cloud token, its passwords) and a marker in every item of personal
 * data the IXIT declares, set through the local API. Made once per run and shared by 5.5-6, 5.5-7,
 * 5.8-1 and 5.8-2, which each look in it for their own kind of marker.
 */
public record TransitCapture(Path pcap, List<Marker> markers, Pcap.Flows flows, List<CloudRequest> requests, Duration took) {
    public static final String SECRET = "critical security parameter";
    public static final String PERSONAL = "personal data";
    public static final String SENSITIVE = "sensitive personal data";
    /** Passwords shorter than this would be found by chance in any traffic, so they are not searched for. */
    private static final int MIN_MARKER = 8;
    private static final int TELEMETRY_ROUNDS = 2;

    public static TransitCapture take(HarnessRun run, Path pcapFile) {
        Rig rig = run.rig();
        FakeCloud cloud = run.cloud();
        CloudSpec spec = run.dut().cloud().orElseThrow();
        List<Marker> markers = new ArrayList<>(secrets(run, rig));
        run.dut().personalData().ifPresent(p -> markers.addAll(plant(run, rig, p)));

        String iface = run.rigConfig().virtual().map(v -> v.tap()).or(() -> run.rigConfig().network().iface())
                .orElseThrow(() -> new RigFault("the rig file names no interface of the DUT's link to capture on (network.interface)"));
        long start = System.nanoTime();
        int before = cloud.requests().size();
        Timeout wait = Timeout.of("ixit.cloud.contact-within x" + (TELEMETRY_ROUNDS + 1),
                spec.contactWithin().multipliedBy(TELEMETRY_ROUNDS + 1));
        Path file;
        try (PacketCapture capture = PacketCapture.start(iface, pcapFile)) {
            boolean heard;
            try {
                heard = cloud.awaitRequests(r -> r.size() >= before + TELEMETRY_ROUNDS, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RigFault("interrupted while capturing the DUT's traffic", e);
            }
            // the requests the cloud answered must be in the file before it is judged
            String dut = rig.network().dutAddress().getHostAddress() + ":";
            int received = cloud.requests().size() - before;
            boolean written = heard && capture.awaitWritten(f -> f.payloads().entrySet().stream()
                    .filter(e -> e.getKey().split(" ")[1].startsWith(dut) && e.getValue().length > 0).count() >= received,
                    Timeout.of("capture written (5 s, fixed)", Duration.ofSeconds(5)));
            file = capture.stop();
            if (heard && !written) {
                throw new RigFault("tcpdump did not write the " + received + " connections the fake cloud received into " + pcapFile);
            }
            if (!heard) {
                throw new RigFault("the DUT sent its cloud " + (cloud.requests().size() - before) + " request(s) within " + wait.describe()
                        + ", fewer than " + TELEMETRY_ROUNDS + ": there is no traffic to judge (is the cloud client running and "
                        + "does it trust the provisioned CA?)");
            }
        }
        List<CloudRequest> during = cloud.requests().subList(before, cloud.requests().size());
        try {
            return new TransitCapture(file, List.copyOf(markers), Pcap.read(file), List.copyOf(during), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new RigFault("cannot read the capture " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Marker> secrets(HarnessRun run, Rig rig) {
        List<Marker> out = new ArrayList<>();
        if (run.dut().cloud().map(c -> c.trustAnchor() == CloudSpec.TrustAnchorDelivery.PROVISIONED).orElse(false)) {
            out.add(new Marker(SECRET, "cloud token", run.cloud().pki().token()));
        }
        rig.label().map(UnitLabel::password).filter(p -> p.length() >= MIN_MARKER)
                .ifPresent(p -> out.add(new Marker(SECRET, "password on the unit's label", p)));
        return out;
    }

    private static List<Marker> plant(HarnessRun run, Rig rig, PersonalDataSpec spec) {
        Optional<String> login = Optional.empty();
        if (spec.credential() instanceof CredentialSource.Fixed f) {
            login = Optional.of(spec.apiUser() + ":" + f.password());
        } else if (spec.credential() instanceof CredentialSource.Label) {
            login = Optional.of(spec.apiUser() + ":" + rig.label().map(UnitLabel::password)
                    .orElseThrow(() -> new RigFault("the API user's password is on the unit's label, but the rig has no label")));
        }
        ServiceSpec service = run.dut().localApi().orElseThrow().service();
        InetSocketAddress api = rig.network().dutPort(service.port());
        HttpProbe http = new HttpProbe(run.dut().timeouts().command());
        SecureRandom random = new SecureRandom();
        List<Marker> out = new ArrayList<>();
        for (PersonalDataSpec.Item item : spec.items()) {
            byte[] r = new byte[6];
            random.nextBytes(r);
            String value = "hil303" + item.name().replaceAll("[^A-Za-z0-9]", "") + HexFormat.of().formatHex(r);
            Optional<HttpProbe.Response> res;
            try {
                res = http.request(api, service.tls(), item.endpoint().method(), item.endpoint().path(),
                        login, Optional.of(item.bodyWith(value)));
            } catch (IOException e) {
                throw new RigFault("cannot set " + item.name() + " through " + item.endpoint().describe() + ": " + e.getMessage(), e);
            }
            if (res.isEmpty() || res.get().status() / 100 != 2) {
                throw new RigFault("setting " + item.name() + " through " + item.endpoint().describe() + " was refused ("
                        + res.map(x -> "HTTP " + x.status()).orElse("no HTTP answer") + "): the marker could not be planted");
            }
            out.add(new Marker(item.sensitive() ? SENSITIVE : PERSONAL, item.name(), value));
        }
        return out;
    }

    public List<Marker> markers(Predicate<Marker> which) {
        return markers.stream().filter(which).toList();
    }

    public List<CleartextSearch.Sighting> inClear(Predicate<Marker> which) {
        return CleartextSearch.find(flows, markers(which));
    }

    public String evidence() {
        StringBuilder b = new StringBuilder("captured ").append(flows.packets()).append(" packets in ").append(took.toMillis()).append(" ms")
                .append(flows.truncated() ? " (file truncated)" : "").append("\nflows:\n");
        flows.payloads().forEach((k, v) -> b.append("  ").append(k).append(": ").append(v.length).append(" payload bytes\n"));
        b.append("requests the fake cloud received meanwhile:\n");
        requests.forEach(r -> b.append("  ").append(r.describe()).append('\n'));
        b.append("markers searched for (as is, URL-encoded, base64):\n");
        markers.forEach(m -> b.append("  ").append(m.describe()).append('\n'));
        return b.toString();
    }
}
