package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;
import org.hil303.steps.run.Provisions;
import org.hil303.steps.run.Provisions.Provision;
import org.junit.jupiter.api.Test;

/** conceptual-questions.yaml: every provision has its questions, and every IXIT field it names exists. */
class ConceptualQuestionsTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void every_provision_of_the_catalogue_has_one_to_four_questions() {
        ConceptualQuestions q = ConceptualQuestions.builtIn();
        assertThat(q.source()).contains("paraphrase").contains("TS 103 701");
        for (Provision p : Provisions.all()) {
            ConceptualQuestions.Entry e = q.forProvision(p.id()).orElseThrow(() -> new AssertionError(p.id()));
            assertThat(e.questions()).as(p.id()).hasSizeBetween(1, 4).allSatisfy(s -> assertThat(s).endsWith("?"));
            assertThat(e.ixitTables()).as(p.id()).isNotEmpty();
        }
        assertThat(q.forProvision("5.1-1").orElseThrow().dutFile()).containsExactly("ixit.auth-mechanisms");
    }

    /** Each dotted path must lead to a field of the reference DUT file, which uses every IXIT field hil303 knows. */
    @Test
    void every_dut_file_field_it_names_is_in_the_reference_dut_file() {
        ConfigNode dut = YamlFile.read(HOME.resolve("fixtures/duts/refdev-compliant.yaml"));
        ConceptualQuestions q = ConceptualQuestions.builtIn();
        for (Provision p : Provisions.all()) {
            for (String path : q.forProvision(p.id()).orElseThrow().dutFile()) {
                ConfigNode n = dut;
                for (String key : path.split("\\.")) {
                    assertThat(n.isScalar() ? false : n.has(key)).as(p.id() + ": " + path).isTrue();
                    n = n.get(key);
                }
            }
        }
    }

    private static final String GOOD = """
            source: "test"
            ixit-tables: [1-AuthMech]
            provisions:
              5.1-1:
                questions: ["Is it?"]
                dut-file: []
                ixit-tables: [1-AuthMech]
            """;

    @Test
    void mistakes_name_file_line_and_field() {
        Path name = Path.of("questions.yaml");
        assertThatThrownBy(() -> ConceptualQuestions.parse(name, GOOD.replace("5.1-1:", "5.99-1:"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("questions.yaml:5").hasMessageContaining("5.99-1 is not in EN 303 645");
        assertThatThrownBy(() -> ConceptualQuestions.parse(name, GOOD.replace("[\"Is it?\"]", "[a, b, c, d, e]")))
                .hasMessageContaining("questions.yaml:5: provisions.5.1-1.questions: give 1 to 4 questions, found 5");
        assertThatThrownBy(() -> ConceptualQuestions.parse(name, GOOD.replace("    ixit-tables: [1-AuthMech]", "    ixit-tables: [99-Nothing]"))).hasMessageContaining("questions.yaml:7")
                .hasMessageContaining("'99-Nothing' is not one of the ixit-tables");
        assertThatThrownBy(() -> ConceptualQuestions.parse(name, GOOD.replace("dut-file: []", "dut-file: [auth-mechanisms]")))
                .hasMessageContaining("questions.yaml:6").hasMessageContaining("expected a DUT file field such as ixit.auth-mechanisms");
        assertThatThrownBy(() -> ConceptualQuestions.parse(name, GOOD.replace("    dut-file: []\n", "    dut-fiel: []\n")))
                .hasMessageContaining("questions.yaml:5").hasMessageContaining("dut-file").hasMessageContaining("missing required field");
        // the file is whole or refused: one provision only is not the catalogue
        assertThatThrownBy(() -> ConceptualQuestions.parse(name, GOOD)).hasMessageContaining("questions.yaml:4")
                .hasMessageContaining("has no questions; every provision of the catalogue needs them");
    }
}
