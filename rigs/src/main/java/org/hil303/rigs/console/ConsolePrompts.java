package org.hil303.rigs.console;

import java.util.regex.Pattern;

/** What the DUT's console prints when it asks for a user, a password, says no, or offers a shell. */
public record ConsolePrompts(Pattern login, Pattern password, Pattern failure, Pattern shell) {
    public static final String DEFAULT_LOGIN = "(?i)(login|username)\\s*:\\s*$";
    public static final String DEFAULT_PASSWORD = "(?i)password\\s*:\\s*$";
    public static final String DEFAULT_FAILURE = "(?i)(login incorrect|incorrect|denied|failed|invalid)";
    public static final String DEFAULT_SHELL = "[#$>]\\s*$";

    public static ConsolePrompts defaults() {
        return new ConsolePrompts(Pattern.compile(DEFAULT_LOGIN, Pattern.MULTILINE),
                Pattern.compile(DEFAULT_PASSWORD, Pattern.MULTILINE),
                Pattern.compile(DEFAULT_FAILURE, Pattern.MULTILINE),
                Pattern.compile(DEFAULT_SHELL, Pattern.MULTILINE));
    }
}
