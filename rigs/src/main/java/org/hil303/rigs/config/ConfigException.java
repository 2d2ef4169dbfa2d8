package org.hil303.rigs.config;

import java.nio.file.Path;

/** A rig or DUT file that cannot be used as written; names the file, line and field. */
public final class ConfigException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    public ConfigException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() { return file; }
    public int line() { return line; }
    public String field() { return field; }
}
