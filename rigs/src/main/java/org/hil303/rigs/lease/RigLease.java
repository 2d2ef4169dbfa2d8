package org.hil303.rigs.lease;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hil303.rigs.base.RigFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's hold on a rig: a lock file on the rig host naming the holder, its process and when it
 * started. The lock is the kernel's (a POSIX record lock), so it ends with the holding process
 * however that process ends, even by SIGKILL; the file's text then tells the next run whose lease it
 * takes over.
 */
public final class RigLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RigLease.class);
    public static final String DIR_VARIABLE = "HIL303_LEASES";

    /** Who holds (or held) a lease, as its file says. */
    public record Holder(String holder, long pid, String started, String run) {
        String describe() {
            return holder + " (process " + pid + ", run " + run + ", since " + started + ")";
        }
    }

    private final String rig;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Holder> takenOver;

    private RigLease(String rig, Path file, FileChannel channel, FileLock lock, Optional<Holder> takenOver) {
        this.rig = rig;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.takenOver = takenOver;
    }

    /**
     * Takes the lease on {@code rig}, or refuses naming who holds it. A lease whose holder is gone
     * is taken over, and that is logged.
     */
    public static RigLease take(String rig, Path dir, String run) {
        if (!rig.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a rig name for a lease must be letters, digits, '.', '_' or '-': " + rig);
        }
        Path file = dir.resolve(rig + ".lease");
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RigFault("cannot open the lease file " + file + " of rig '" + rig + "': " + e.getMessage()
                    + " (set " + DIR_VARIABLE + " to a folder the user may write)", e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process: the same rig named twice in one run
            }
            Optional<Holder> previous = read(channel);
            if (lock == null) {
                channel.close();
                throw new RigFault("rig '" + rig + "' is in use by " + previous.map(Holder::describe).orElse("another run")
                        + "; lease file " + file);
            }
            if (previous.isPresent()) {
                LOG.info("rig '{}': taking over the lease left by {}: that process is gone", rig, previous.get().describe());
            }
            write(channel, new Holder(holderName(), ProcessHandle.current().pid(),
                    OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), run));
            return new RigLease(rig, file, channel, lock, previous);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new RigFault("cannot take the lease of rig '" + rig + "' in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where leases live: $HIL303_LEASES, else /run/lock/hil303 (a tmpfs shared by every user of the host,
     * emptied at boot), else the user's cache folder.
     */
    public static Path defaultDir() {
        String env = System.getenv(DIR_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path runLock = Path.of("/run/lock");
        if (Files.isDirectory(runLock) && Files.isWritable(runLock)) {
            return runLock.resolve("hil303");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "hil303", "leases");
    }

    public String rig() {
        return rig;
    }

    /** The holder whose lease this one replaced, when its process had ended without giving it back. */
    public Optional<Holder> takenOver() {
        return takenOver;
    }

    /** Gives the lease back: the file is emptied, so the next run finds nothing to take over. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            LOG.debug("giving back the lease {}: {}", file, e.toString());
        } finally {
            closeQuietly(channel);
        }
    }

    private static Optional<Holder> read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (!values.containsKey("holder")) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(values.getOrDefault("pid", "-1"));
        } catch (NumberFormatException e) {
            pid = -1;
        }
        return Optional.of(new Holder(values.get("holder"), pid, values.getOrDefault("started", "?"), values.getOrDefault("run", "?")));
    }

    private static void write(FileChannel channel, Holder h) throws IOException {
        byte[] text = ("holder=" + h.holder() + "\npid=" + h.pid() + "\nstarted=" + h.started() + "\nrun=" + h.run() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "?") + "@" + host;
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to give back
        }
    }
}
