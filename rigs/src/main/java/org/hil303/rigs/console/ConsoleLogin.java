package org.hil303.rigs.console;

import java.util.Optional;
import java.util.regex.Pattern;
import org.hil303.rigs.base.Timeout;

/**
 * Logs in on the console the way a person at the UART would, and says what happened. A prompt that
 * looks like a shell is only believed once {@link ShellProbe} gets its answer.
 */
public final class ConsoleLogin {
    public enum Outcome { ACCEPTED, REJECTED, NO_AUTHENTICATION, NO_PROMPT }

    public record Result(Outcome outcome, String detail) {}

    private static final java.time.Duration SETTLE = java.time.Duration.ofMillis(300);

    private final Console console;
    private final ConsolePrompts prompts;
    private final Timeout timeout;

    public ConsoleLogin(Console console, ConsolePrompts prompts, Timeout timeout) {
        this.console = console;
        this.prompts = prompts;
        this.timeout = timeout;
    }

    /** Whether a login or shell prompt has shown since {@code from}: no waiting, and a shell not yet believed. */
    public boolean promptSince(long from) {
        return console.find(prompts.login(), from).isPresent() || console.find(prompts.shell(), from).isPresent();
    }

    /** What the console offers right now: a login prompt, a shell, or nothing. */
    public Result probe() {
        long from = console.mark();
        console.sendLine("");
        Pattern either = Pattern.compile("(?<login>" + prompts.login().pattern() + ")|(?<shell>" + prompts.shell().pattern() + ")",
                Pattern.MULTILINE);
        Optional<ConsoleMatch> m = console.await(either, from, timeout);
        if (m.isEmpty()) {
            return new Result(Outcome.NO_PROMPT, "no login prompt and no shell within " + timeout.describe());
        }
        if (prompts.login().matcher(m.get().text()).find()) {
            return new Result(Outcome.REJECTED, "login prompt shown");
        }
        return isShell() ? new Result(Outcome.NO_AUTHENTICATION, "a shell answered without any credentials")
                : new Result(Outcome.NO_PROMPT, "a prompt that looked like a shell did not evaluate a command");
    }

    public Result attempt(String user, String password) {
        return attempt(user, password, false);
    }

    /** Logs in; with {@code stay} the shell is left open for commands (end it with {@link #logout()}). */
    public Result attempt(String user, String password, boolean stay) {
        Result now = probe();
        if (now.outcome() != Outcome.REJECTED) {
            return now; // no login prompt: either a shell without login, or silence
        }
        // A getty that has just (re)started may still be setting up the line: type once it is quiet.
        console.awaitQuiet(SETTLE, timeout);
        long from = console.mark();
        console.sendLine(user);
        if (console.await(prompts.password(), from, timeout).isEmpty()) {
            if (isShell()) {
                return new Result(Outcome.ACCEPTED, "shell after the user name alone, no password asked");
            }
            return new Result(Outcome.NO_PROMPT, "no password prompt after the user name within " + timeout.describe());
        }
        console.awaitQuiet(SETTLE, timeout);
        from = console.mark();
        console.sendLine(password);
        Pattern verdict = Pattern.compile("(?<fail>" + prompts.failure().pattern() + ")|(?<login>" + prompts.login().pattern()
                + ")|(?<shell>" + prompts.shell().pattern() + ")", Pattern.MULTILINE);
        Optional<ConsoleMatch> m = console.await(verdict, from, timeout);
        if (m.isEmpty()) {
            return new Result(Outcome.NO_PROMPT, "no answer to the password within " + timeout.describe());
        }
        String text = m.get().text();
        if (prompts.failure().matcher(text).find() || prompts.login().matcher(text).find()) {
            return new Result(Outcome.REJECTED, "refused");
        }
        if (isShell()) {
            if (!stay) {
                logout();
            }
            return new Result(Outcome.ACCEPTED, "shell after login");
        }
        return new Result(Outcome.REJECTED, "no working shell after the password");
    }

    /** Sends a line in an open shell and waits for the pattern; empty when it does not come in time. */
    public Optional<String> sendAndAwait(String line, Pattern expected) {
        long from = console.mark();
        console.sendLine(line);
        return console.await(expected, from, timeout).map(m -> console.textSince(from));
    }

    public boolean isShell() {
        long from = console.mark();
        console.sendLine(ShellProbe.COMMAND);
        return console.await(ShellProbe.ANSWER, from, timeout).isPresent();
    }

    public void logout() {
        long from = console.mark();
        console.sendLine("exit");
        console.await(prompts.login(), from, timeout);
    }
}
