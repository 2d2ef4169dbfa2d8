package org.hil303.rigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hil303.rigs.config.ConfigException;

/** Copies of the shipped rig files, whole or with one edit, and the error reading one gives: how the rig-file tests provoke one fault at a time. */
final class RigFiles {
    private RigFiles() {}

    /** The rig file copied into {@code dir} under {@code name}, with the label file it names beside it. */
    static Path copy(Path dir, Path source, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.copy(source, f, StandardCopyOption.REPLACE_EXISTING);
        Path label = source.toAbsolutePath().getParent().resolve("pi-example-label.yaml");
        if (!Files.exists(dir.resolve(label.getFileName()))) {
            Files.copy(label, dir.resolve(label.getFileName()));
        }
        return f;
    }

    /** A copy with {@code from}, which must occur exactly once, replaced by {@code to}. */
    static Path broken(Path dir, Path source, String from, String to) throws Exception {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertThat(text.indexOf(from)).as("'" + from + "' in " + source).isNotNegative();
        assertThat(text.indexOf(from)).as("'" + from + "' once in " + source).isEqualTo(text.lastIndexOf(from));
        Path f = copy(dir, source, "broken-" + source.getFileName());
        Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
        return f;
    }

    static int lineOf(Path f, String text) throws Exception {
        var lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + f);
    }

    static ConfigException error(Path f) {
        ConfigException e = catchThrowableOfType(() -> RigConfig.read(f), ConfigException.class);
        assertThat(e).as("RigConfig.read(" + f + ") must fail").isNotNull();
        assertThat(e.file()).isEqualTo(f);
        return e;
    }
}
