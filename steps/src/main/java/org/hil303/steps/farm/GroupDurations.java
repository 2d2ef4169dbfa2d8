package org.hil303.steps.farm;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each test group (provision) took the last time this DUT was run, kept per DUT file beside
 * the reports, so the next run can spread its groups over its rigs longest first. A DUT never run
 * before is planned with the durations measured on the reference device (typical-durations.properties).
 */
public final class GroupDurations {
    private static final Logger LOG = LoggerFactory.getLogger(GroupDurations.class);
    /** For a group nobody has timed: about what a scenario with a boot and a few checks takes. */
    static final Duration UNKNOWN_SCENARIO = Duration.ofSeconds(60);

    private final Map<String, Long> recorded;
    private final Map<String, Long> typical;

    GroupDurations(Map<String, Long> recorded, Map<String, Long> typical) {
        this.recorded = new TreeMap<>(recorded);
        this.typical = new TreeMap<>(typical);
    }

    /** The history file of one DUT under a reports folder. */
    public static Path file(Path reports, String dutName) {
        return reports.resolve("history").resolve("durations").resolve(dutName + ".properties");
    }

    public static GroupDurations load(Path file) {
        return new GroupDurations(read(file), typicalTable());
    }

    /** The reference device's measured durations alone. */
    public static GroupDurations typical() {
        return new GroupDurations(Map.of(), typicalTable());
    }

    /** What a group of {@code scenarios} scenarios is expected to take, and where that figure comes from. */
    public Duration expected(String provision, int scenarios) {
        Long ms = recorded.get(provision);
        if (ms == null) {
            ms = typical.get(provision);
        }
        return ms != null ? Duration.ofMillis(ms) : UNKNOWN_SCENARIO.multipliedBy(Math.max(1, scenarios));
    }

    public boolean recordedFor(String provision) {
        return recorded.containsKey(provision);
    }

    /** Records the groups this run measured (a test case's scenarios added up), keeping the others' earlier figures. */
    public static void record(Path file, Map<String, Duration> measured) {
        Map<String, Long> all = new TreeMap<>(read(file));
        measured.forEach((p, d) -> all.put(p, d.toMillis()));
        Properties props = new Properties();
        all.forEach((k, v) -> props.setProperty(k, Long.toString(v)));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "milliseconds per test group, as last measured; read to plan the next run over several rigs");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot record the test groups' durations in {}: {}", file, e.toString());
        }
    }

    private static Map<String, Long> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (IOException e) {
            LOG.warn("cannot read the test groups' durations in {}: {}", file, e.toString());
            return Map.of();
        }
    }

    private static Map<String, Long> typicalTable() {
        try (InputStream in = GroupDurations.class.getResourceAsStream("typical-durations.properties")) {
            return in == null ? Map.of() : parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Map<String, Long> parse(Reader r) throws IOException {
        Properties p = new Properties();
        p.load(r);
        Map<String, Long> out = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            try {
                out.put(k, Long.parseLong(p.getProperty(k).trim()));
            } catch (NumberFormatException e) {
                // a hand-edited line that is not a number plans like an unknown group
            }
        }
        return out;
    }

    /** The measured duration of each group: its test cases' durations added up. */
    public static Map<String, Duration> measured(List<org.hil303.steps.report.TestCaseResult> results) {
        Map<String, Duration> out = new TreeMap<>();
        results.forEach(r -> out.merge(r.provision(), r.duration(), Duration::plus));
        return out;
    }

    Optional<Long> typicalFor(String provision) {
        return Optional.ofNullable(typical.get(provision));
    }
}
