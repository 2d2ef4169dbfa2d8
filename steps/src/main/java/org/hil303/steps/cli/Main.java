package org.hil303.steps.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hil303}: the command line of the harness. */
@Command(name = "hil303", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Hardware-in-the-loop conformance tests for ETSI EN 303 645.",
        subcommands = {RunCommand.class, BenchCommand.class, KeysCommand.class, VerifyCommand.class, ReproduceCommand.class, AssessCommand.class,
                UnitRunCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAIL = 1;
    public static final int USAGE = 2;
    public static final int INCONCLUSIVE = 3;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    private static volatile java.util.List<String> arguments = java.util.List.of();

    /** The user's arguments, as given: the virtual rig re-runs the same command inside its network namespace. */
    static java.util.List<String> arguments() {
        return arguments;
    }

    public static int execute(String... args) {
        arguments = java.util.List.of(args);
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((e, a) -> {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: hil303 run [--rig FILE] [--dut FILE] [--tags EXPRESSION]   (hil303 --help for more)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // a harness bug must still end with one clear line, not a stack trace; details go to the log
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("unexpected error", e);
            System.err.println("error: " + e);
            return INCONCLUSIVE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
