package org.hil303.rigs.console;

import java.util.regex.Pattern;

/**
 * Tells a real shell from a prompt that merely looks like one: the echo of what we type holds
 * the expression, only a shell that evaluates it prints the result.
 */
public final class ShellProbe {
    public static final String COMMAND = "echo $((6*7))HIL303";
    public static final Pattern ANSWER = Pattern.compile("42HIL303");

    private ShellProbe() {}
}
