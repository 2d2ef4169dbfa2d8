package org.hil303.steps.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hil303.fixtures.dut.IcsEntry;
import org.hil303.fixtures.dut.Support;
import org.hil303.rigs.config.ConfigException;
import org.hil303.steps.run.Provisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hil303 assess's file: an entry to fill per conceptual test case, appended, never touching what is there. */
class AssessorTemplateTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void a_new_file_gets_an_entry_for_every_provision_the_ics_does_not_mark_not_applicable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("unit.assessor.yaml");
        var added = AssessorTemplate.extend(f, Map.of("5.10-1", new IcsEntry("5.10-1", Support.N_A, "no telemetry"),
                "5.1-1", new IcsEntry("5.1-1", Support.Y, "random per unit\n# not a comment")));
        assertThat(added.created()).isTrue();
        assertThat(added.testCases()).hasSize(Provisions.all().size() - 1).contains("4-1-1", "5.1-1-1", "6-5-1").doesNotContain("5.10-1-1");
        assertThat(added.notApplicable()).isEqualTo(1);
        // pre-filled entries are no statements: the summary still shows every provision open
        assertThat(AssessorStatements.read(f)).isEmpty();
        assertThat(AssessorStatements.testCasesIn(f)).hasSize(67);
        String text = Files.readString(f);
        assertThat(text).contains("  # 5.1-1-1, conceptual: Unique per-device or user-defined passwords\n")
                .contains("  #   EN 303 645 5.1-1 (V3.1.3: 5.1-1), mandatory, conditional (M C(1)): applies when passwords are used; ICS: Y, random per unit # not a comment\n")
                .contains("  #   a) Does the IXIT declare every password used in any state other than the factory default")
                .contains("  #   answered by: ixit.auth-mechanisms, IXIT 1-AuthMech\n")
                .contains("  - test-case: 5.1-1-1\n    verdict:")
                .contains("ICS: no entry: ask the supplier whether it applies");
    }

    @Test
    void the_reference_device_file_is_extended_and_its_statements_kept_byte_for_byte(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("assessor"));
        Files.copy(HOME.resolve("fixtures/duts/assessor/refdev-label-photo.txt"), dir.resolve("assessor/refdev-label-photo.txt"));
        Path f = dir.resolve("refdev-compliant.assessor.yaml");
        Files.copy(HOME.resolve("fixtures/duts/refdev-compliant.assessor.yaml"), f);
        String before = Files.readString(f);
        var statements = AssessorStatements.read(f);

        var added = AssessorTemplate.extend(f, Map.of());
        assertThat(added.created()).isFalse();
        assertThat(added.alreadyThere()).isEqualTo(2);
        assertThat(added.testCases()).hasSize(66).doesNotContain("5.3-16-1", "5.8-3-1");
        assertThat(Files.readString(f)).startsWith(before);
        assertThat(AssessorStatements.read(f)).isEqualTo(statements);

        // a second run finds nothing to add and writes nothing
        String once = Files.readString(f);
        var again = AssessorTemplate.extend(f, Map.of());
        assertThat(again.written()).isFalse();
        assertThat(again.alreadyThere()).isEqualTo(68);
        assertThat(Files.readString(f)).isEqualTo(once);

        // the assessor fills one entry: it becomes a statement
        Files.writeString(f, once.replace("""
                  - test-case: 5.1-1-1
                    verdict:          # PASS | FAIL | NOT_APPLICABLE
                    reasoning:        # what you read, and why it meets the provision or not
                    assessor:         # your name and lab
                    date:             # the day you decided, e.g. 2026-12-08
                """, """
                  - test-case: 5.1-1-1
                    verdict: PASS
                    reasoning: "Every login surface has the label's unique password."
                    assessor: "A. Assessor"
                    date: 2026-12-01
                """));
        assertThat(AssessorStatements.read(f)).containsKeys("5.3-16-1", "5.8-3-1", "5.1-1-1").hasSize(3);
    }

    @Test
    void list_items_keep_the_files_own_indentation(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("u.assessor.yaml");
        Files.writeString(f, "statements:\n- test-case: 5.3-16-1\n  verdict: PASS\n  reasoning: on the label\n  assessor: A\n  date: 2026-11-01");
        AssessorTemplate.extend(f, Map.of());
        assertThat(Files.readString(f)).contains("\n- test-case: 5.1-1-1\n  verdict:").contains("\n# 5.1-1-1, conceptual");
        assertThat(AssessorStatements.read(f)).containsOnlyKeys("5.3-16-1");

        Path comments = dir.resolve("c.assessor.yaml");
        Files.writeString(comments, "# our lab's notes\n");
        AssessorTemplate.extend(comments, Map.of());
        assertThat(Files.readString(comments)).startsWith("# our lab's notes\nstatements:\n");
        assertThat(AssessorStatements.testCasesIn(comments)).hasSize(68);
    }

    @Test
    void a_file_it_cannot_extend_safely_is_refused_naming_where(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("u.assessor.yaml");
        Files.writeString(f, "statements: []\n");
        assertThatThrownBy(() -> AssessorTemplate.extend(f, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("u.assessor.yaml:1: statements").hasMessageContaining("not in [brackets]");
        Files.writeString(f, "statements:\n  - test-case: 5.3-16-1\n    verdict: MAYBE\n");
        assertThatThrownBy(() -> AssessorTemplate.extend(f, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("u.assessor.yaml:3: statements[0].verdict");
        assertThat(Files.readString(f)).isEqualTo("statements:\n  - test-case: 5.3-16-1\n    verdict: MAYBE\n");
    }
}
