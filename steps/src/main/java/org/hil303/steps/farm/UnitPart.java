package org.hil303.steps.farm;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hil303.steps.report.TestCaseResult;
import org.hil303.steps.report.Verdict;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What one rig's worker hands back to the run: where it ran (its rig's environment, the unit's
 * serial number) and every test case it finished. Written again after each test case, so a worker
 * that dies mid-run still leaves what it finished.
 */
public record UnitPart(String rigId, String unit, Map<String, String> environment, List<TestCaseResult> results, boolean finished) {
    public static final String FILE = "part.yaml";

    public UnitPart {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        results = List.copyOf(results);
    }

    public void write(Path dir) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rig", rigId);
        root.put("unit", unit);
        root.put("finished", finished);
        root.put("environment", new LinkedHashMap<>(environment));
        List<Map<String, Object>> list = new ArrayList<>();
        for (TestCaseResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provision", r.provision());
            m.put("testCase", r.testCase());
            m.put("name", r.name());
            m.put("verdict", r.verdict().name());
            m.put("durationMs", r.duration().toMillis());
            m.put("message", r.message());
            list.add(m);
        }
        root.put("results", list);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(200);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            new Yaml(o).dump(root, w);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The part a worker left in {@code dir}; an IOException names what is wrong with it. */
    public static UnitPart read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE + " in " + dir);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new LoaderOptions()).load(r);
            if (!(loaded instanceof Map<?, ?> root)) {
                throw new IOException(file + ": not a worker's part");
            }
            List<TestCaseResult> results = new ArrayList<>();
            String rig = text(root.get("rig"));
            String unit = text(root.get("unit"));
            if (root.get("results") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        results.add(new TestCaseResult(text(m.get("provision")), text(m.get("testCase")), text(m.get("name")),
                                Verdict.valueOf(text(m.get("verdict"))), Duration.ofMillis(((Number) m.get("durationMs")).longValue()),
                                text(m.get("message")), rig, unit));
                    }
                }
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (root.get("environment") instanceof Map<?, ?> e) {
                e.forEach((k, v) -> env.put(text(k), text(v)));
            }
            return new UnitPart(rig, unit, env, results, Boolean.TRUE.equals(root.get("finished")));
        } catch (YAMLException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + ": not a readable worker's part: " + e.getMessage(), e);
        }
    }

    private static String text(Object o) {
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8); // YAML writes text with control characters as !!binary
        }
        return o == null ? "" : o.toString();
    }
}
