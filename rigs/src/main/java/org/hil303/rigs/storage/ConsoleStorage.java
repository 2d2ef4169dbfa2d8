package org.hil303.rigs.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;

/**
 * The DUT's raw storage read through its own console as root, for rigs with no reader beside it:
 * {@code dd} of the block device, base64 on the line and the device's SHA-256 of every piece to
 * check what arrived. Pieces whose hash is that of zeros (blank or trimmed flash) are not sent.
 * Slow on a real UART (about 9 KiB/s at 115200 baud), hence the size limit and the progress lines.
 * It trusts the DUT's kernel to show its own storage as it is; a reader beside the DUT does not.
 */
public final class ConsoleStorage implements RawStorage {
    static final int CHUNK = 64 * 1024;
    /** Pieces hashed together first: blank regions cost one hash line. */
    static final int CHUNKS_PER_REGION = 16;
    /** Hashes per command: a few kilobytes of output, however slow the line. */
    static final int HASHES_PER_COMMAND = 64;
    private static final int HASH_LINE_BYTES = 67;

    /** A logged-in root shell on the DUT's console; {@link #run} returns what a command printed, failing on a non-zero status. */
    public interface Session extends AutoCloseable {
        String run(String commandLine, Timeout timeout);

        @Override
        void close();
    }

    private final StorageConfig.DutConsole config;
    private final int baud;
    private final Timeout command;
    private final Supplier<Session> login;
    private final Consumer<String> progress;
    private final java.util.Map<Long, String> zeroHashes = new java.util.HashMap<>();
    private long size = -1;

    /**
     * @param baud the console's speed, from which the time a dump takes on the line is allowed
     * @param command the DUT file's wait for one console command, to which that time is added
     */
    public ConsoleStorage(StorageConfig.DutConsole config, int baud, Timeout command, Supplier<Session> login, Consumer<String> progress) {
        this.config = config;
        this.baud = baud;
        this.command = command;
        this.login = login;
        this.progress = progress;
    }

    @Override
    public Access access() {
        return Access.DUT_RUNNING;
    }

    @Override
    public String describe() {
        return config.device() + " read by the DUT itself through its console (dd, base64, SHA-256 per " + CHUNK / 1024 + " KiB)";
    }

    @Override
    public long size() {
        if (size >= 0) {
            return size;
        }
        try (Session s = login.get()) {
            return size(s);
        }
    }

    @Override
    public List<Long> find(byte[] needle) {
        return findEach(List.of(needle)).get(0);
    }

    /**
     * One pass: the DUT hashes 1 MiB regions, then the 64 KiB pieces of each region that is not
     * blank, and sends only the pieces that are not blank.
     */
    @Override
    public void readAll(Consumer<byte[]> pieces) {
        try (Session s = login.get()) {
            long total = size(s);
            if (total > config.maxBytes()) {
                throw new RigFault(config.device() + " holds " + total + " bytes, more than storage.dut-console.max-size (" + config.maxBytes()
                        + "): reading it over the console would take about " + minutes(total) + " min; raise the limit or wire an SD mux");
            }
            long chunks = (total + CHUNK - 1) / CHUNK;
            long regions = (chunks + CHUNKS_PER_REGION - 1) / CHUNKS_PER_REGION;
            long started = System.nanoTime();
            progress.accept("reading " + config.device() + " (" + total / 1024 + " KiB) through the DUT's console");
            int sent = 0;
            int lastTenth = 0;
            for (long firstRegion = 0; firstRegion < regions; firstRegion += HASHES_PER_COMMAND) {
                int n = (int) Math.min(HASHES_PER_COMMAND, regions - firstRegion);
                List<String> regionHashes = hashes(s, firstRegion * CHUNKS_PER_REGION, n, CHUNKS_PER_REGION);
                for (int r = 0; r < n; r++) {
                    long firstChunk = (firstRegion + r) * CHUNKS_PER_REGION;
                    int inRegion = (int) Math.min(CHUNKS_PER_REGION, chunks - firstChunk);
                    long regionBytes = Math.min((long) inRegion * CHUNK, total - firstChunk * CHUNK);
                    if (regionHashes.get(r).equals(zeroHash(regionBytes))) {
                        pieces.accept(new byte[(int) regionBytes]);
                        continue;
                    }
                    List<String> chunkHashes = hashes(s, firstChunk, inRegion, 1);
                    for (int c = 0; c < inRegion; c++) {
                        long index = firstChunk + c;
                        int length = (int) Math.min(CHUNK, total - index * CHUNK);
                        boolean blank = chunkHashes.get(c).equals(zeroHash(length));
                        pieces.accept(blank ? new byte[length] : chunk(s, index, length));
                        sent += blank ? 0 : 1;
                    }
                }
                int tenth = (int) ((firstRegion + n) * 10 / regions);
                if (tenth > lastTenth && firstRegion + n < regions) {
                    lastTenth = tenth;
                    progress.accept(String.format("%d%% of %s read (%d pieces sent, the rest blank), %d s", tenth * 10, config.device(),
                            sent, Duration.ofNanos(System.nanoTime() - started).toSeconds()));
                }
            }
            progress.accept(String.format("%s read: %d of %d pieces sent, the rest blank, in %d s", config.device(), sent, chunks,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        }
    }

    @Override
    public byte read(long offset) {
        try (Session s = login.get()) {
            return readByte(s, offset);
        }
    }

    /** Writes through the block device, flushes it and reads the byte back: a write-protected device must not pass unnoticed. */
    @Override
    public void write(long offset, byte value) {
        requireOffset(offset);
        try (Session s = login.get()) {
            s.run(writeCommand(offset, value), command);
            byte back = readByte(s, offset);
            if (back != value) {
                throw new RigFault(String.format("wrote 0x%02x at byte %d of %s but 0x%02x reads back: the device does not take the write",
                        value & 0xff, offset, config.device(), back & 0xff));
            }
        }
    }

    String sizeCommand() {
        return "[ -b " + config.device() + " ] && blockdev --getsize64 " + config.device();
    }

    String hashCommand(long first, int n, int per) {
        return "i=" + first + "; while [ $i -lt " + (first + (long) n * per) + " ]; do dd if=" + config.device() + " bs=" + CHUNK
                + " skip=$i count=" + per + " 2>/dev/null | sha256sum; i=$((i+" + per + ")); done";
    }

    String dumpCommand(String ddRange) {
        String dd = "dd if=" + config.device() + " " + ddRange + " 2>/dev/null";
        return dd + " | base64; " + dd + " | sha256sum";
    }

    String writeCommand(long offset, byte value) {
        return String.format("printf '\\%03o' | dd of=%s bs=1 seek=%d count=1 conv=notrunc 2>/dev/null && sync", value & 0xff,
                config.device(), offset);
    }

    private long size(Session s) {
        if (size < 0) {
            String out = s.run(sizeCommand(), command).strip();
            if (!out.matches("\\d{1,19}")) {
                throw new RigFault("the DUT did not tell the size of " + config.device() + " (storage.dut-console.device): '"
                        + org.hil303.rigs.console.ReportText.oneLine(out, 100) + "'");
            }
            size = Long.parseLong(out);
        }
        return size;
    }

    /** The SHA-256 of {@code n} runs of {@code per} pieces each, from piece {@code first} on. */
    private List<String> hashes(Session s, long first, int n, int per) {
        Timeout t = onTheLine("hashing " + n * per + " pieces", (long) n * HASH_LINE_BYTES, Duration.ofMillis(20L * n * per));
        return new ArrayList<>(ChunkDump.hashes(s.run(hashCommand(first, n, per), t), n,
                "SHA-256 of pieces " + first + "-" + (first + (long) n * per - 1) + " of " + config.device()));
    }

    private String zeroHash(long length) {
        return zeroHashes.computeIfAbsent(length, l -> ChunkDump.sha256Hex(new byte[(int) (long) l]));
    }

    private byte[] chunk(Session s, long index, int length) {
        String what = "bytes " + index * CHUNK + "-" + (index * CHUNK + length - 1) + " of " + config.device();
        Timeout t = onTheLine("a " + CHUNK / 1024 + " KiB piece", (long) length * 4 / 3 + 100, Duration.ZERO);
        String cmd = dumpCommand("bs=" + CHUNK + " skip=" + index + " count=1");
        try {
            return ChunkDump.decode(s.run(cmd, t), length, what);
        } catch (RigFault first) {
            // a kernel message or line noise in the middle of a dump spoils that piece only: ask once more
            return ChunkDump.decode(s.run(cmd, t), length, what + " (asked twice; first: " + first.getMessage() + ")");
        }
    }

    private byte readByte(Session s, long offset) {
        requireOffset(offset);
        if (offset >= size(s)) {
            throw new RigFault("offset " + offset + " is beyond the end of " + config.device());
        }
        return ChunkDump.decode(s.run(dumpCommand("bs=1 skip=" + offset + " count=1"), command), 1,
                "byte " + offset + " of " + config.device())[0];
    }

    /** The DUT file's command wait plus twice the time the output takes at the console's speed. */
    private Timeout onTheLine(String what, long bytesOut, Duration deviceWork) {
        long millis = bytesOut * 10 * 1000 / Math.max(baud, 300);
        return Timeout.of(command.name() + " + " + what + " at " + baud + " baud",
                command.duration().plus(deviceWork).plusMillis(2 * millis));
    }

    private long minutes(long bytes) {
        return bytes * 4 / 3 * 10 / Math.max(baud, 300) / 60;
    }

    private static void requireOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
    }
}
