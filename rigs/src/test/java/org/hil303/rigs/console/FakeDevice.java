package org.hil303.rigs.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device behind the fake UART that behaves like busybox getty/login and ash on a tty: typed
 * characters are echoed (except at the password prompt), a carriage return ends a line.
 */
final class FakeDevice implements AutoCloseable {
    enum Kind {
        /** getty + login + a real (evaluating) shell. */
        GETTY,
        /** login asks only for the user name, then opens a shell. */
        GETTY_NO_PASSWORD,
        /** a root shell on the console, no login at all. */
        ROOT_SHELL,
        /** prints a shell-like prompt and echoes, but never evaluates anything. */
        ECHO_ONLY,
        /** nothing at all. */
        SILENT
    }

    private enum State { LOGIN, PASSWORD, SHELL }

    private static final Pattern ARITH = Pattern.compile("\\$\\(\\((\\d+)\\s*\\*\\s*(\\d+)\\)\\)");

    private final FakeSerialLine line;
    private final Kind kind;
    private final String user;
    private final String password;
    private final Thread thread;
    final List<String> linesReceived = new CopyOnWriteArrayList<>();
    private State state;
    private String typedUser;

    FakeDevice(FakeSerialLine line, Kind kind, String user, String password) {
        this.line = line;
        this.kind = kind;
        this.user = user;
        this.password = password;
        this.state = kind == Kind.ROOT_SHELL || kind == Kind.ECHO_ONLY ? State.SHELL : State.LOGIN;
        this.thread = new Thread(this::run, "fake-device-" + kind);
        thread.setDaemon(true);
    }

    FakeDevice start() {
        switch (kind) {
            case GETTY, GETTY_NO_PASSWORD -> out("\r\nWelcome to refdev\r\nrefdev login: ");
            case ROOT_SHELL, ECHO_ONLY -> out("\r\n~ # ");
            case SILENT -> { }
        }
        thread.start();
        return this;
    }

    private void out(String s) {
        line.deviceWrite(s);
    }

    private void run() {
        InputStream in = line.deviceIn();
        StringBuilder typed = new StringBuilder();
        try {
            for (int c; (c = in.read()) >= 0; ) {
                if (kind == Kind.SILENT) {
                    continue;
                }
                boolean eol = c == '\r' || c == '\n';
                if (state != State.PASSWORD) {
                    out(eol ? "\r\n" : String.valueOf((char) c)); // the tty's echo
                }
                if (eol) {
                    String l = typed.toString();
                    typed.setLength(0);
                    linesReceived.add(l);
                    handle(l);
                } else {
                    typed.append((char) c);
                }
            }
        } catch (IOException e) {
            // line gone
        }
    }

    private void handle(String l) {
        switch (state) {
            case LOGIN -> {
                if (l.isEmpty()) {
                    out("refdev login: ");
                } else if (kind == Kind.GETTY_NO_PASSWORD) {
                    state = State.SHELL;
                    out("~ # ");
                } else {
                    typedUser = l;
                    state = State.PASSWORD;
                    out("Password: ");
                }
            }
            case PASSWORD -> {
                out("\r\n");
                if (typedUser.equals(user) && l.equals(password)) {
                    state = State.SHELL;
                    out("~ # ");
                } else {
                    state = State.LOGIN;
                    out("Login incorrect\r\nrefdev login: ");
                }
            }
            case SHELL -> shell(l);
        }
    }

    private void shell(String l) {
        if (kind == Kind.ECHO_ONLY) {
            out("~ # ");
            return;
        }
        String cmd = l.trim();
        if (cmd.equals("exit")) {
            if (kind == Kind.ROOT_SHELL) {
                out("\r\n~ # "); // the console shell respawns
            } else {
                state = State.LOGIN;
                out("\r\nrefdev login: ");
            }
        } else if (cmd.isEmpty()) {
            out("~ # ");
        } else if (cmd.startsWith("echo ")) {
            Matcher m = ARITH.matcher(cmd.substring(5));
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, String.valueOf(Long.parseLong(m.group(1)) * Long.parseLong(m.group(2))));
            }
            m.appendTail(sb);
            out(sb + "\r\n~ # ");
        } else {
            out("-sh: " + cmd.split(" ")[0] + ": not found\r\n~ # ");
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
