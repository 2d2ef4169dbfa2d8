package org.hil303.steps.farm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hil303.rigs.virtual.Tools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rig's worker process: its output goes to the user line by line (named after the rig when the
 * run has several) and, whole, to worker.log in its part folder. It is started under
 * {@code setpriv --pdeathsig TERM}, so a run that is killed takes its workers, and with them the
 * units' power, along.
 */
final class RigWorker {
    private static final Logger LOG = LoggerFactory.getLogger(RigWorker.class);
    static final String LOG_FILE = "worker.log";
    /** A progress line of a finished test case: provision, test case, verdict. */
    private static final java.util.regex.Pattern RESULT_LINE = java.util.regex.Pattern.compile(
            "^\\s+\\S+\\s+\\S+\\s+(PASS|FAIL|INCONCLUSIVE|NOT_APPLICABLE)\\s");

    private final String rigId;
    private final Path part;
    private final PrintStream out;
    private final String prefix;
    private final Runnable onResult;
    private Process process;
    private Thread relay;

    /** @param onResult called after each line that reports a finished test case (its part on disk has it by then) */
    RigWorker(String rigId, Path part, PrintStream out, boolean named, Runnable onResult) {
        this.onResult = onResult;
        this.rigId = rigId;
        this.part = part;
        this.out = out;
        this.prefix = named ? "[" + rigId + "] " : "";
    }

    /** Starts the worker; must be called on a thread that lives as long as the run (the parent-death signal follows the thread). */
    void start(List<String> command, Map<String, String> environment) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Tools.onPath("setpriv")) {
            cmd.addAll(List.of("setpriv", "--pdeathsig", "TERM", "--"));
        }
        cmd.addAll(command);
        Files.createDirectories(part);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment);
        process = pb.start();
        LOG.debug("rig {}: worker pid {}: {}", rigId, process.pid(), cmd);
        relay = new Thread(this::relay, "relay-" + rigId);
        relay.setDaemon(true);
        relay.start();
    }

    private void relay() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(part.resolve(LOG_FILE), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (out) {
                    out.println(prefix + line);
                }
                log.write(line);
                log.write('\n');
                log.flush();
                if (RESULT_LINE.matcher(line).find()) {
                    onResult.run();
                }
            }
        } catch (IOException e) {
            LOG.debug("rig {}: relaying the worker's output: {}", rigId, e.toString());
        }
    }

    /** Waits for the worker and its last line of output; its exit status. */
    int waitFor() throws InterruptedException {
        int status = process.waitFor();
        relay.join(10_000);
        return status;
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: the worker switches its unit off and leaves its part
        }
    }

    /** Waits for a stopped worker to be gone, at most {@code seconds}. */
    void awaitGone(int seconds) {
        if (process != null) {
            try {
                process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String rigId() {
        return rigId;
    }

    Path part() {
        return part;
    }
}
