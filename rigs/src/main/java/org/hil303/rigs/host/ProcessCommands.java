package org.hil303.rigs.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.virtual.Tools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HostCommands} as processes of this host. */
public final class ProcessCommands implements HostCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessCommands.class);
    private static final int MAX_OUTPUT = 64 * 1024;

    @Override
    public String run(List<String> command, String input, Timeout timeout) {
        String shown = String.join(" ", command);
        LOG.debug("running `{}`", shown);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new RigFault("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        // read while it runs: a program filling the pipe would otherwise never finish
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                byte[] out = p.getInputStream().readNBytes(MAX_OUTPUT);
                p.getInputStream().transferTo(OutputStream.nullOutputStream());
                return out;
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(timeout.duration().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new RigFault("`" + shown + "` did not finish within " + timeout.describe());
            }
            String text = new String(output.join(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new RigFault("`" + shown + "` failed (status " + p.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new RigFault("cannot talk to `" + shown + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new RigFault("interrupted while running `" + shown + "`");
        }
    }

    @Override
    public boolean available(String program) {
        return Tools.onPath(program);
    }
}
