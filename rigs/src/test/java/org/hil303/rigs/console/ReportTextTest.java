package org.hil303.rigs.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextTest {
    @Test
    void escapes_escape_sequences_and_nul() {
        assertThat(ReportText.sanitize("\u001b[2J\u001b]0;pwned\u0007ok\u0000", 100)).isEqualTo("\\x1b[2J\\x1b]0;pwned\\x07ok\\x00");
    }

    @Test
    void keeps_newlines_and_tabs_and_drops_carriage_returns() {
        assertThat(ReportText.sanitize("a\r\nb\tc\rd", 100)).isEqualTo("a\nb\tcd");
    }

    @Test
    void escapes_c1_controls_del_and_soft_hyphen_but_keeps_latin1_text() {
        assertThat(ReportText.sanitize("\u009b31m\u007f\u00ad\u00a0caf\u00e9", 100)).isEqualTo("\\x9b31m\\x7f\\xad\\xa0caf\u00e9");
    }

    @Test
    void caps_length_and_says_how_much_was_cut() {
        String s = ReportText.sanitize("x".repeat(100), 10);
        assertThat(s).isEqualTo("x".repeat(10) + "... [90 more characters cut]");
        assertThat(ReportText.sanitize("short", 10)).isEqualTo("short");
        assertThat(ReportText.sanitize("exactly10!", 10)).isEqualTo("exactly10!");
    }

    @Test
    void cap_counts_escaped_output() {
        String s = ReportText.sanitize("\u0001".repeat(50), 8);
        assertThat(s).startsWith("\\x01\\x01").contains("[48 more characters cut]");
    }

    @Test
    void one_line_has_no_line_breaks() {
        String s = ReportText.oneLine("line one\r\nline two\tend\u001b", 100);
        assertThat(s).isEqualTo("line one\\nline two end\\x1b");
        assertThat(s).doesNotContain("\n", "\r", "\t");
    }

    @Test
    void one_line_is_capped_too() {
        assertThat(ReportText.oneLine("ab\n".repeat(100), 6)).startsWith("ab\\nab\\n").contains("more characters cut]");
    }
}
