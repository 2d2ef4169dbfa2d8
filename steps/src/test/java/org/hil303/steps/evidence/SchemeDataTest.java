package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.hil303.rigs.config.ConfigException;
import org.hil303.steps.run.Provisions;
import org.hil303.steps.run.SuiteTestCases;
import org.junit.jupiter.api.Test;

/** The scheme views' data: every EN 303 645 id they name is in the catalogue, every test case id is one the suite or an assessor gives. */
class SchemeDataTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void every_id_the_built_in_views_name_exists() throws Exception {
        Set<String> automated = SuiteTestCases.testCasesIn(HOME.resolve("features"));
        assertThat(Scheme.builtIn()).extracting(Scheme::name).containsExactly("UK PSTI", "EN 18031-1");
        for (Scheme s : Scheme.builtIn()) {
            assertThat(s.source()).isNotBlank();
            for (Scheme.Requirement r : s.requirements()) {
                for (String p : r.provisions()) {
                    assertThat(Provisions.find(p)).as(s.name() + " " + r.id() + ": " + p).isPresent();
                }
                for (String t : r.testCases()) {
                    assertThat(TestCaseId.provisionInCatalogue(t)).as(s.name() + " " + r.id() + ": " + t).isPresent();
                    // a functional test case must be one the suite runs; a conceptual one is the assessor's, for any provision
                    assertThat(TestCaseId.conceptual(t) || automated.contains(t)).as(s.name() + " " + r.id() + ": " + t + " is in no feature file").isTrue();
                }
            }
        }
    }

    @Test
    void psti_has_its_three_requirements_and_the_deemed_compliance_provisions() {
        Scheme psti = Scheme.builtIn().get(0);
        assertThat(psti.informative()).isFalse();
        assertThat(psti.requirements()).extracting(Scheme.Requirement::title)
                .containsExactly("Passwords", "Information on how to report security issues", "Information on minimum security update periods");
        assertThat(psti.requirements()).extracting(Scheme.Requirement::provisions)
                .containsExactly(java.util.List.of("5.1-1", "5.1-2"), java.util.List.of("5.2-1"), java.util.List.of("5.3-13"));
    }

    @Test
    void en_18031_is_informative_and_at_mechanism_level() {
        Scheme en = Scheme.builtIn().get(1);
        assertThat(en.informative()).isTrue();
        assertThat(en.title()).contains("informative").contains("not a conformity verdict");
        assertThat(en.requirements()).extracting(Scheme.Requirement::id)
                .containsExactly("ACM", "AUM", "SUM", "SSM", "SCM", "RLM", "NMM", "TCM", "CCK", "GEC", "CRY", "LGM", "DLM", "UNM");
        assertThat(en.requirements()).allSatisfy(r -> assertThat(r.seen()).allSatisfy(id -> assertThat(id).startsWith(r.id() + "-")));
    }

    private static final String GOOD = """
            scheme: X
            title: "x"
            source: "s"
            requirements:
              - id: A
                title: a
                provisions: [5.1-1]
                test-cases: [5.1-1-2]
            """;

    @Test
    void mistakes_name_file_line_and_field() {
        Path name = Path.of("scheme.yaml");
        assertThat(Scheme.parse(name, GOOD).requirements()).singleElement().satisfies(r -> assertThat(r.testCases()).containsExactly("5.1-1-2"));
        assertThatThrownBy(() -> Scheme.parse(name, GOOD.replace("[5.1-1]", "[5.1-99]"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("scheme.yaml:7: requirements[0].provisions[0]: provision 5.1-99 is not in EN 303 645");
        assertThatThrownBy(() -> Scheme.parse(name, GOOD.replace("[5.1-1-2]", "[5.1-1.2]")))
                .hasMessageStartingWith("scheme.yaml:8: requirements[0].test-cases[0]: '5.1-1.2' is not a TS 103 701 test case");
        assertThatThrownBy(() -> Scheme.parse(name, GOOD.replace("    provisions: [5.1-1]\n    test-cases: [5.1-1-2]\n", "")))
                .hasMessageContaining("scheme.yaml:5").hasMessageContaining("name the provisions or test cases");
        assertThatThrownBy(() -> Scheme.parse(name, GOOD + "    notes: typo\n")).hasMessageContaining("scheme.yaml:9")
                .hasMessageContaining("unknown field");
        assertThatThrownBy(() -> Scheme.parse(name, GOOD + "  - id: A\n    title: again\n    provisions: [5.2-1]\n"))
                .hasMessageContaining("scheme.yaml:9").hasMessageContaining("A appears twice");
    }
}
