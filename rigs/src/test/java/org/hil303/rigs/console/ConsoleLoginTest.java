package org.hil303.rigs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.console.ConsoleLogin.Outcome;
import org.hil303.rigs.console.FakeDevice.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLoginTest {
    private static final Timeout RESPONSIVE = Timeout.of("console.login", Duration.ofSeconds(10));
    private static final Timeout SHORT = Timeout.of("console.login", Duration.ofMillis(400));

    @TempDir
    Path dir;
    FakeSerialLine line;
    Console console;
    FakeDevice device;

    private ConsoleLogin rig(Kind kind, Timeout timeout) throws Exception {
        line = new FakeSerialLine();
        console = new Console(line, dir.resolve("console.log"));
        device = new FakeDevice(line, kind, "root", "s3cret-Label-PW").start();
        return new ConsoleLogin(console, ConsolePrompts.defaults(), timeout);
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void right_password_is_accepted_and_the_shell_is_left_again() throws Exception {
        ConsoleLogin login = rig(Kind.GETTY, RESPONSIVE);
        ConsoleLogin.Result r = login.attempt("root", "s3cret-Label-PW");
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(device.linesReceived).containsSubsequence("root", "s3cret-Label-PW", ShellProbe.COMMAND, "exit");
        assertThat(console.textSince(0)).contains("42HIL303");
        assertThat(login.probe().outcome()).as("logged out: back at the login prompt").isEqualTo(Outcome.REJECTED);
    }

    @Test
    void password_is_not_echoed_by_the_fake() throws Exception {
        ConsoleLogin login = rig(Kind.GETTY, RESPONSIVE);
        login.attempt("root", "s3cret-Label-PW");
        assertThat(console.textSince(0)).contains("root").doesNotContain("s3cret-Label-PW");
    }

    @Test
    void wrong_password_is_rejected_and_a_second_attempt_still_works() throws Exception {
        ConsoleLogin login = rig(Kind.GETTY, RESPONSIVE);
        ConsoleLogin.Result r = login.attempt("root", "admin");
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(console.textSince(0)).contains("Login incorrect").doesNotContain("42HIL303");
        assertThat(login.attempt("admin", "s3cret-Label-PW").outcome()).as("wrong user").isEqualTo(Outcome.REJECTED);
        assertThat(login.attempt("root", "s3cret-Label-PW").outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void staying_logged_in_allows_commands_until_logout() throws Exception {
        ConsoleLogin login = rig(Kind.GETTY, RESPONSIVE);
        assertThat(login.attempt("root", "s3cret-Label-PW", true).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(login.sendAndAwait("echo $((3*5))X", Pattern.compile("^15X", Pattern.MULTILINE))).hasValueSatisfying(
                t -> assertThat(t).contains("15X"));
        assertThat(login.isShell()).isTrue();
        login.logout();
        assertThat(console.textSince(0)).endsWith("exit\r\n\r\nrefdev login: ");
        assertThat(login.probe().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void probe_at_a_login_prompt_says_rejected() throws Exception {
        ConsoleLogin login = rig(Kind.GETTY, RESPONSIVE);
        ConsoleLogin.Result r = login.probe();
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.detail()).contains("login prompt");
    }

    @Test
    void root_shell_without_login_is_no_authentication() throws Exception {
        ConsoleLogin login = rig(Kind.ROOT_SHELL, RESPONSIVE);
        assertThat(login.probe().outcome()).isEqualTo(Outcome.NO_AUTHENTICATION);
        ConsoleLogin.Result r = login.attempt("root", "whatever");
        assertThat(r.outcome()).isEqualTo(Outcome.NO_AUTHENTICATION);
        assertThat(device.linesReceived).as("no credentials were typed into the shell").doesNotContain("root", "whatever");
    }

    @Test
    void login_without_password_prompt_but_a_shell_counts_as_accepted() throws Exception {
        ConsoleLogin login = rig(Kind.GETTY_NO_PASSWORD, Timeout.of("console.login", Duration.ofSeconds(1)));
        ConsoleLogin.Result r = login.attempt("root", "ignored");
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(r.detail()).contains("no password");
    }

    @Test
    void echo_only_prompt_is_not_taken_for_a_shell() throws Exception {
        ConsoleLogin login = rig(Kind.ECHO_ONLY, SHORT);
        assertThat(login.isShell()).isFalse();
        assertThat(console.textSince(0)).as("the echo carries the probe text").contains(ShellProbe.COMMAND);
        ConsoleLogin.Result r = login.probe();
        assertThat(r.outcome()).isEqualTo(Outcome.NO_PROMPT);
        assertThat(r.detail()).contains("did not evaluate");
        assertThat(login.attempt("root", "x").outcome()).isNotIn(Outcome.ACCEPTED, Outcome.NO_AUTHENTICATION);
    }

    @Test
    void silent_console_is_no_prompt() throws Exception {
        ConsoleLogin login = rig(Kind.SILENT, SHORT);
        long t0 = System.nanoTime();
        ConsoleLogin.Result r = login.attempt("root", "s3cret-Label-PW");
        assertThat(r.outcome()).isEqualTo(Outcome.NO_PROMPT);
        assertThat(r.detail()).contains("'console.login'");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
