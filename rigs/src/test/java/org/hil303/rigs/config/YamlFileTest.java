package org.hil303.rigs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static ConfigException configError(Runnable r) {
        ConfigException e = catchThrowableOfType(r::run, ConfigException.class);
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e;
    }

    @Test
    void malformed_yaml_names_file_and_line() throws Exception {
        Path f = write("rig.yaml", "rig: lab\nkind: pi\n  oops: indented wrongly\npower: {}\n");
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f + ":3:").contains("not valid YAML");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file()).isEqualTo(f);
    }

    @Test
    void unclosed_flow_mapping_names_a_line() throws Exception {
        Path f = write("rig.yaml", "rig: lab\npower:\n  relay: {pin: 17, active: low\nconsole: x\n");
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f + ":").contains("not valid YAML");
        assertThat(e.line()).isBetween(3, 5);
    }

    @Test
    void missing_field_names_its_path_and_line() throws Exception {
        Path f = write("rig.yaml", "rig: lab\npower:\n  off-time: 2s\n");
        ConfigNode root = YamlFile.read(f);
        ConfigException e = configError(() -> root.get("power").get("relay"));
        assertThat(e.getMessage()).startsWith(f + ":3:").contains("power.relay").contains("missing");
        assertThat(e.field()).isEqualTo("power.relay");
    }

    @Test
    void missing_top_level_field_names_it() throws Exception {
        Path f = write("rig.yaml", "kind: pi\n");
        ConfigException e = configError(() -> YamlFile.read(f).string("rig"));
        assertThat(e.getMessage()).startsWith(f + ":1:").contains("rig").contains("missing");
        assertThat(e.field()).isEqualTo("rig");
    }

    @Test
    void null_value_counts_as_missing() throws Exception {
        Path f = write("rig.yaml", "rig:\nkind: pi\n");
        ConfigNode root = YamlFile.read(f);
        assertThat(root.optString("rig")).isEmpty();
        assertThatThrownBy(() -> root.string("rig")).isInstanceOf(ConfigException.class).hasMessageContaining("missing");
    }

    @Test
    void unknown_field_is_reported_by_finish_with_line_and_suggestion() throws Exception {
        Path f = write("rig.yaml", "rig: lab\npower:\n  relay: x\n  off_time: 2s\n");
        ConfigNode root = YamlFile.read(f);
        root.string("rig");
        ConfigNode power = root.get("power");
        power.string("relay");
        power.duration("off-time", Duration.ofSeconds(1));
        ConfigException e = configError(root::finish);
        assertThat(e.getMessage()).startsWith(f + ":4:").contains("power.off_time").contains("unknown field")
                .contains("did you mean 'off-time'");
    }

    @Test
    void unknown_field_without_near_miss_lists_the_known_ones() throws Exception {
        Path f = write("rig.yaml", "rig: lab\nrelay: {pin: 17, activ: low}\n");
        ConfigNode root = YamlFile.read(f);
        root.string("rig");
        ConfigNode relay = root.get("relay");
        relay.integer("pin");
        relay.string("active", "high");
        ConfigException e = configError(root::finish);
        assertThat(e.getMessage()).startsWith(f + ":2:").contains("relay.activ").contains("unknown field")
                .contains("known here: pin, active");
    }

    @Test
    void finish_passes_when_every_field_was_read() throws Exception {
        Path f = write("rig.yaml", "rig: lab\nrelay: {pin: 17}\n");
        ConfigNode root = YamlFile.read(f);
        root.string("rig");
        assertThat(root.get("relay").integer("pin")).isEqualTo(17);
        root.finish(); // must not throw
        assertThat(root.has("rig")).isTrue();
    }

    @Test
    void duplicate_key_names_the_second_occurrence() throws Exception {
        Path f = write("rig.yaml", "rig: lab\nkind: pi\nrig: other\n");
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f + ":3:").contains("rig").contains("appears twice");
    }

    @Test
    void nested_duplicate_key_is_reported_when_the_section_is_read() throws Exception {
        Path f = write("rig.yaml", "rig: lab\npower:\n  relay: 1\n  relay: 2\n");
        ConfigNode root = YamlFile.read(f);
        ConfigException e = configError(() -> root.get("power"));
        assertThat(e.getMessage()).startsWith(f + ":4:").contains("power.relay").contains("appears twice");
    }

    @Test
    void list_where_a_value_is_expected() throws Exception {
        Path f = write("rig.yaml", "rig:\n  - a\n  - b\n");
        ConfigException e = configError(() -> YamlFile.read(f).string("rig"));
        assertThat(e.getMessage()).startsWith(f + ":2:").contains("rig").contains("expected a single value, found a list");
    }

    @Test
    void value_where_a_mapping_is_expected() throws Exception {
        Path f = write("rig.yaml", "rig: lab\npower: 5\n");
        ConfigException e = configError(() -> YamlFile.read(f).get("power").get("relay"));
        assertThat(e.getMessage()).startsWith(f + ":2:").contains("power").contains("expected a mapping of fields, found '5'");
    }

    @Test
    void mapping_where_a_list_is_expected() throws Exception {
        Path f = write("rig.yaml", "ports: {a: 1}\n");
        ConfigException e = configError(() -> YamlFile.read(f).get("ports").asList());
        assertThat(e.getMessage()).contains("ports").contains("expected a list, found a mapping");
    }

    @Test
    void list_elements_carry_their_index_in_the_path() throws Exception {
        Path f = write("rig.yaml", "ports:\n  - 22\n  - twenty-three\n");
        ConfigNode root = YamlFile.read(f);
        List<ConfigNode> ports = root.list("ports");
        assertThat(ports.get(0).asInt()).isEqualTo(22);
        ConfigException e = configError(() -> ports.get(1).asInt());
        assertThat(e.getMessage()).startsWith(f + ":3:").contains("ports[1]").contains("expected a whole number");
    }

    @Test
    void durations_need_a_unit() throws Exception {
        Path f = write("t.yaml", "a: 500ms\nb: 2s\nc: 1.5min\nd: 1h\ne: 5\nf: 2 s\ng: 3 days\n");
        ConfigNode root = YamlFile.read(f);
        assertThat(root.duration("a")).isEqualTo(Duration.ofMillis(500));
        assertThat(root.duration("b")).isEqualTo(Duration.ofSeconds(2));
        assertThat(root.duration("c")).isEqualTo(Duration.ofSeconds(90));
        assertThat(root.duration("d")).isEqualTo(Duration.ofHours(1));
        assertThat(root.duration("f")).isEqualTo(Duration.ofSeconds(2));
        assertThat(root.duration("missing", Duration.ofMillis(7))).isEqualTo(Duration.ofMillis(7));
        ConfigException bare = configError(() -> root.duration("e"));
        assertThat(bare.getMessage()).startsWith(f + ":5:").contains("e: expected a duration").contains("found '5'");
        assertThatThrownBy(() -> root.duration("g")).isInstanceOf(ConfigException.class).hasMessageContaining("'3 days'");
    }

    enum Colour { DEEP_RED, GREEN }

    @Test
    void enum_choice_error_lists_the_allowed_values() throws Exception {
        Path f = write("t.yaml", "a: green\nb: deep-red\nc: blue\n");
        ConfigNode root = YamlFile.read(f);
        assertThat(root.choice("a", Colour.class)).isEqualTo(Colour.GREEN);
        assertThat(root.choice("b", Colour.class)).isEqualTo(Colour.DEEP_RED);
        assertThat(root.choice("z", Colour.class, Colour.GREEN)).isEqualTo(Colour.GREEN);
        ConfigException e = configError(() -> root.choice("c", Colour.class));
        assertThat(e.getMessage()).startsWith(f + ":3:").contains("'blue' is not one of deep-red, green");
    }

    @Test
    void booleans_integers_and_patterns() throws Exception {
        Path f = write("t.yaml", "a: yes\nb: off\nc: maybe\nd: 42\ne: '[unclosed'\n");
        ConfigNode root = YamlFile.read(f);
        assertThat(root.bool("a", false)).isTrue();
        assertThat(root.bool("b", true)).isFalse();
        assertThatThrownBy(() -> root.bool("c", false)).hasMessageContaining("expected true or false, found 'maybe'");
        assertThat(root.integer("d")).isEqualTo(42);
        assertThat(root.integer("zz", 7)).isEqualTo(7);
        ConfigException e = configError(() -> root.pattern("e", "x"));
        assertThat(e.getMessage()).startsWith(f + ":5:").contains("not a valid regular expression");
        assertThat(root.pattern("nope", "^ok$").matcher("a\nok\n").find()).as("fallback is MULTILINE").isTrue();
    }

    @Test
    void empty_file() throws Exception {
        Path f = write("rig.yaml", "");
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f.toString()).contains("empty");
    }

    @Test
    void comments_only_file_is_empty_too() throws Exception {
        Path f = write("rig.yaml", "# nothing here yet\n\n");
        assertThatThrownBy(() -> YamlFile.read(f)).isInstanceOf(ConfigException.class).hasMessageContaining("empty");
    }

    @Test
    void top_level_must_be_a_mapping() throws Exception {
        Path f = write("rig.yaml", "# a list\n- a\n- b\n");
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f + ":2:").contains("expected a mapping");
    }

    @Test
    void non_utf8_file() throws Exception {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "rig: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f.toString()).contains("not UTF-8");
    }

    @Test
    void missing_file() {
        Path f = dir.resolve("nope.yaml");
        ConfigException e = configError(() -> YamlFile.read(f));
        assertThat(e.getMessage()).startsWith(f.toString()).contains("file not found");
    }

    @Test
    void alias_bomb_is_refused_not_expanded() throws Exception {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        Path f = write("bomb.yaml", y.toString());
        assertThatThrownBy(() -> YamlFile.read(f)).isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void non_scalar_keys_are_refused() throws Exception {
        Path f = write("t.yaml", "rig: lab\n? [a, b]\n: c\n");
        assertThatThrownBy(() -> YamlFile.read(f)).isInstanceOf(ConfigException.class).hasMessageContaining("keys must be plain words");
    }
}
