package org.hil303.steps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteTagsTest {
    private static final Path FEATURES = Path.of(System.getProperty("user.dir")).resolve("../features").normalize();

    @Test
    void known_tags_pass() {
        assertThat(SuiteTags.check("@provision=5.1-1 or @testcase=5.6-4-2", FEATURES)).isNull();
    }

    @Test
    void an_unknown_tag_is_named() {
        assertThat(SuiteTags.check("@provision=5.1-9", FEATURES)).contains("unknown tag @provision=5.1-9").contains("@provision=5.1-1");
    }

    @Test
    void a_broken_expression_is_reported() {
        assertThat(SuiteTags.check("@provision=5.1-1 and (", FEATURES)).contains("not a valid tag expression");
    }
}
