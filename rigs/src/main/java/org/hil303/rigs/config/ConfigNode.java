package org.hil303.rigs.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a YAML rig or DUT file that remembers where it came from, so every error can name
 * file, line and field. Mappings are strict: a key nobody read is reported by {@link #finish()},
 * because a misspelt key silently ignored is how a lab ends up testing the wrong thing.
 */
public final class ConfigNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h)");

    private final Path file;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<ConfigNode> children = new ArrayList<>();

    ConfigNode(Path file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new ConfigException(file, line(t.getKeyNode()), path, "keys must be plain words");
                }
                if (entries.put(key.getValue(), t) != null) {
                    throw new ConfigException(file, line(key), child(key.getValue()), "appears twice");
                }
            }
        }
    }

    public Path file() { return file; }
    public String path() { return path; }
    public int line() { return line(node); }

    /** A single value rather than a mapping or a list: for fields that take either a word or a section. */
    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean has(String key) {
        mapping();
        return entries.containsKey(key);
    }

    public ConfigNode get(String key) {
        // named by its own path (power.relay), at the line of the section that lacks it
        return optional(key).orElseThrow(() -> new ConfigException(file, line(), child(key), "missing required field"));
    }

    public Optional<ConfigNode> optional(String key) {
        mapping();
        read.add(key);
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        ConfigNode c = new ConfigNode(file, child(key), t.getValueNode());
        children.add(c);
        return Optional.of(c);
    }

    public String string(String key) { return get(key).asString(); }

    public Optional<String> optString(String key) { return optional(key).map(ConfigNode::asString); }

    public String string(String key, String fallback) { return optString(key).orElse(fallback); }

    public int integer(String key, int fallback) { return optional(key).map(ConfigNode::asInt).orElse(fallback); }

    public int integer(String key) { return get(key).asInt(); }

    public boolean bool(String key, boolean fallback) { return optional(key).map(ConfigNode::asBool).orElse(fallback); }

    public Duration duration(String key, Duration fallback) { return optional(key).map(ConfigNode::asDuration).orElse(fallback); }

    public Duration duration(String key) { return get(key).asDuration(); }

    public Pattern pattern(String key, String fallback) {
        return optional(key).map(ConfigNode::asPattern).orElseGet(() -> Pattern.compile(fallback, Pattern.MULTILINE));
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        return optional(key).map(n -> n.asChoice(type)).orElse(fallback);
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return get(key).asChoice(type);
    }

    public List<ConfigNode> list(String key) {
        return optional(key).map(ConfigNode::asList).orElse(List.of());
    }

    /** Entries of a mapping whose keys are names chosen by the author (e.g. services by name). */
    public Map<String, ConfigNode> namedChildren(String key) {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        optional(key).ifPresent(m -> {
            for (String k : m.mapping().keySet()) {
                out.put(k, m.get(k));
            }
        });
        return out;
    }

    public String asString() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, found " + kind());
        }
        return s.getValue();
    }

    public int asInt() {
        String v = asString();
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + v + "'");
        }
    }

    public boolean asBool() {
        String v = asString().trim().toLowerCase();
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, found '" + v + "'");
        };
    }

    /** Durations are written with a unit (250ms, 5s, 2min, 1h): a bare number is ambiguous. */
    public Duration asDuration() {
        String v = asString().trim();
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw error("expected a duration such as 500ms, 30s or 2min, found '" + v + "'");
        }
        double n = Double.parseDouble(m.group(1));
        long millis = switch (m.group(2)) {
            case "ms" -> Math.round(n);
            case "s" -> Math.round(n * 1000);
            case "min" -> Math.round(n * 60_000);
            default -> Math.round(n * 3_600_000);
        };
        return Duration.ofMillis(millis);
    }

    public Pattern asPattern() {
        String v = asString();
        try {
            return Pattern.compile(v, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw error("not a valid regular expression: " + e.getDescription());
        }
    }

    public <E extends Enum<E>> E asChoice(Class<E> type) {
        String v = asString().trim();
        for (E e : type.getEnumConstants()) {
            if (label(e).equals(v)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(label(e));
        }
        throw error("'" + v + "' is not one of " + String.join(", ", allowed));
    }

    public List<ConfigNode> asList() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list, found " + kind());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            ConfigNode c = new ConfigNode(file, path + "[" + i + "]", seq.getValue().get(i));
            children.add(c);
            out.add(c);
        }
        return out;
    }

    /**
     * A file named in this file: relative to this file's folder, absolute as written, so that a rig or
     * DUT file means the same whichever directory hil303 is started in.
     */
    public Path asPath() {
        try {
            return file.toAbsolutePath().getParent().resolve(asString()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw error("not a file path: " + e.getReason());
        }
    }

    public List<String> asStrings() {
        return asList().stream().map(ConfigNode::asString).toList();
    }

    public ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    /** Reports the first key nobody asked for, here or below: most often a typo. */
    public void finish() {
        if (node instanceof MappingNode) {
            for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
                if (!read.contains(e.getKey())) {
                    throw new ConfigException(file, line(e.getValue().getKeyNode()), child(e.getKey()),
                            "unknown field" + suggestion(e.getKey()));
                }
            }
        }
        for (ConfigNode c : children) {
            c.finish();
        }
    }

    private String suggestion(String key) {
        for (String known : read) {
            if (known.equalsIgnoreCase(key) || known.replace("-", "").equalsIgnoreCase(key.replace("_", "").replace("-", ""))) {
                return " (did you mean '" + known + "'?)";
            }
        }
        return read.isEmpty() ? "" : " (known here: " + String.join(", ", read) + ")";
    }

    private Map<String, NodeTuple> mapping() {
        if (!(node instanceof MappingNode)) {
            throw error("expected a mapping of fields, found " + kind());
        }
        return entries;
    }

    private String kind() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String label(Enum<?> e) {
        return e.name().toLowerCase().replace('_', '-');
    }
}
