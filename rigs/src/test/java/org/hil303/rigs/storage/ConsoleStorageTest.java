package org.hil303.rigs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console reader's commands run for real, by this machine's sh, dd, base64 and sha256sum
 * against an image file standing in for the DUT's block device, and compared with what
 * {@link ImageFileStorage} reads from the same file.
 */
class ConsoleStorageTest {
    private static final Timeout COMMAND = Timeout.of("timeouts.command", Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private final List<String> commands = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private int logins;

    @Test
    void finds_and_reads_what_the_image_file_holds_and_skips_blank_pieces() throws Exception {
        Path image = image(3 * ConsoleStorage.CHUNK + 1000);
        byte[] marker = "hil303wifikey0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        int straddling = 3 * ConsoleStorage.CHUNK - 10; // across the boundary of two pieces
        write(image, 100, marker);
        write(image, straddling, marker);
        write(image, 3 * ConsoleStorage.CHUNK + 900, marker); // in the short last piece
        ConsoleStorage storage = storage(image, 64L << 20, UnaryOperator.identity());
        ImageFileStorage file = new ImageFileStorage(image, () -> true);

        assertThat(storage.size()).isEqualTo(file.size());
        assertThat(storage.find(marker)).containsExactlyElementsOf(file.find(marker))
                .containsExactly(100L, (long) straddling, 3L * ConsoleStorage.CHUNK + 900);
        assertThat(storage.find("not there".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(storage.read(straddling + 3)).isEqualTo(file.read(straddling + 3)).isEqualTo(marker[3]);
        assertThat(commands.stream().filter(c -> c.contains("| base64")).filter(c -> c.contains("skip=1 count=1")).toList())
                .as("the blank second piece is known by its hash and not sent").isEmpty();
        assertThat(progress).anyMatch(p -> p.contains("read: 3 of 4 pieces sent, the rest blank"));
        int before = logins;
        assertThat(storage.size()).isEqualTo(file.size());
        assertThat(logins).as("the size, once told, needs no new login").isEqualTo(before);
        assertThat(storage.access()).isEqualTo(RawStorage.Access.DUT_RUNNING);
    }

    @Test
    void blank_regions_cost_one_hash_and_several_needles_one_pass() throws Exception {
        int chunk = ConsoleStorage.CHUNK;
        int size = 40 * chunk + 123; // three regions, the last one short
        byte[] content = new byte[size];
        byte[] a = "hil303logentry".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "hil303cloudpairing".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, content, 5 * chunk, a.length); // region 0
        System.arraycopy(b, 0, content, 40 * chunk + 100, b.length); // the short last region; region 1 stays blank
        System.arraycopy(a, 0, content, 16 * chunk - 3, a.length); // straddles regions 0 and 1
        Path image = dir.resolve("flash.img");
        Files.write(image, content);
        ConsoleStorage storage = storage(image, 64L << 20, UnaryOperator.identity());
        ImageFileStorage file = new ImageFileStorage(image, () -> true);

        assertThat(storage.findEach(List.of(a, b))).containsExactly(file.find(a), file.find(b));
        assertThat(file.find(a)).containsExactly(5L * chunk, 16L * chunk - 3);
        assertThat(commands.stream().filter(c -> c.contains("| sha256sum; i=$((i+16))")).count()).as("one command hashes the regions").isEqualTo(1);
        assertThat(commands.stream().filter(c -> c.contains("| base64")).count()).as("only the pieces holding data are sent").isEqualTo(4);
    }

    @Test
    void writes_one_byte_and_reads_it_back() throws Exception {
        Path image = image(ConsoleStorage.CHUNK);
        ConsoleStorage storage = storage(image, 64L << 20, UnaryOperator.identity());
        for (int v : new int[] {0x00, 0x27, 0x5c, 0xff, '%'}) {
            storage.write(4242, (byte) v);
            assertThat(new ImageFileStorage(image, () -> true).read(4242)).isEqualTo((byte) v);
        }
        assertThat(Files.size(image)).as("notrunc: the device keeps its size").isEqualTo(ConsoleStorage.CHUNK);
        assertThat(logins).as("one login per operation, logged out after").isPositive();
    }

    @Test
    void a_write_that_does_not_stick_is_a_rig_fault() throws Exception {
        Path image = image(ConsoleStorage.CHUNK);
        ConsoleStorage readOnly = new ConsoleStorage(new StorageConfig.DutConsole(image.toString(), 64L << 20), 115200, COMMAND,
                () -> session(image, out -> out, cmd -> cmd.startsWith("printf")), progress::add);
        assertThatThrownBy(() -> readOnly.write(10, (byte) 0x41)).isInstanceOf(RigFault.class).hasMessageContaining("does not take the write");
    }

    @Test
    void a_device_larger_than_the_limit_is_refused_before_reading() throws Exception {
        Path image = image(4 * ConsoleStorage.CHUNK);
        ConsoleStorage storage = storage(image, ConsoleStorage.CHUNK, UnaryOperator.identity());
        assertThatThrownBy(() -> storage.find(new byte[] {1})).isInstanceOf(RigFault.class)
                .hasMessageContaining("more than storage.dut-console.max-size").hasMessageContaining("SD mux");
        assertThat(commands).noneMatch(c -> c.contains("base64"));
    }

    @Test
    void a_piece_garbled_once_is_asked_again_and_twice_is_a_rig_fault() throws Exception {
        Path image = image(ConsoleStorage.CHUNK);
        write(image, 0, "data".getBytes(StandardCharsets.US_ASCII));
        int[] garble = {1};
        UnaryOperator<String> line = out -> out.contains("  -") && out.length() > 200 && garble[0]-- > 0 ? "\u001b[2J" + out : out;
        assertThat(storage(image, 64L << 20, line).find("data".getBytes(StandardCharsets.US_ASCII))).containsExactly(0L);

        UnaryOperator<String> always = out -> out.length() > 200 ? out.substring(0, 100) + out.substring(104) : out;
        assertThatThrownBy(() -> storage(image, 64L << 20, always).find("data".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RigFault.class).hasMessageContaining("bytes 0-65535 of").hasMessageContaining("asked twice");
    }

    @Test
    void a_size_that_is_not_a_number_is_a_rig_fault() throws Exception {
        Path image = image(1000);
        ConsoleStorage storage = new ConsoleStorage(new StorageConfig.DutConsole("/dev/mmcblk9", 64L << 20), 115200, COMMAND,
                () -> new ConsoleStorage.Session() {
                    @Override
                    public String run(String commandLine, Timeout timeout) {
                        return "blockdev: /dev/mmcblk9: No such file\u001b[31m";
                    }

                    @Override
                    public void close() {}
                }, progress::add);
        assertThatThrownBy(storage::size).isInstanceOf(RigFault.class).hasMessageContaining("did not tell the size of /dev/mmcblk9")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
        assertThat(image).exists();
    }

    @Test
    void the_commands_name_the_device_and_a_wait_that_grows_with_a_slow_line() {
        List<Timeout> waits = new ArrayList<>();
        ConsoleStorage storage = new ConsoleStorage(new StorageConfig.DutConsole("/dev/mmcblk0", 64L << 20), 9600, COMMAND,
                () -> new ConsoleStorage.Session() {
                    @Override
                    public String run(String commandLine, Timeout timeout) {
                        waits.add(timeout);
                        return "67108864";
                    }

                    @Override
                    public void close() {}
                }, progress::add);
        assertThat(storage.sizeCommand()).isEqualTo("[ -b /dev/mmcblk0 ] && blockdev --getsize64 /dev/mmcblk0");
        assertThat(storage.dumpCommand("bs=65536 skip=3 count=1")).isEqualTo(
                "dd if=/dev/mmcblk0 bs=65536 skip=3 count=1 2>/dev/null | base64; dd if=/dev/mmcblk0 bs=65536 skip=3 count=1 2>/dev/null | sha256sum");
        assertThat(storage.writeCommand(77, (byte) 0xfe)).isEqualTo("printf '\\376' | dd of=/dev/mmcblk0 bs=1 seek=77 count=1 conv=notrunc 2>/dev/null && sync");
        assertThat(storage.hashCommand(64, 2, 16)).isEqualTo(
                "i=64; while [ $i -lt 96 ]; do dd if=/dev/mmcblk0 bs=65536 skip=$i count=16 2>/dev/null | sha256sum; i=$((i+16)); done");
        assertThatThrownBy(() -> storage.find(new byte[] {1})).isInstanceOf(RigFault.class);
        assertThat(waits.get(waits.size() - 1).duration()).as("64 hash lines at 9600 baud").isGreaterThan(Duration.ofSeconds(20));
        assertThat(waits.get(waits.size() - 1).name()).contains("timeouts.command").contains("9600 baud");
    }

    // --- helpers

    private ConsoleStorage storage(Path image, long max, UnaryOperator<String> line) {
        return new ConsoleStorage(new StorageConfig.DutConsole(image.toString(), max), 115200, COMMAND,
                () -> session(image, line, c -> false), progress::add);
    }

    /** A shell on "the DUT": this machine's sh; the image file is no block device, so its size is told as blockdev would. */
    private ConsoleStorage.Session session(Path image, UnaryOperator<String> line, java.util.function.Predicate<String> ignored) {
        logins++;
        return new ConsoleStorage.Session() {
            @Override
            public String run(String commandLine, Timeout timeout) {
                commands.add(commandLine);
                if (ignored.test(commandLine)) {
                    return "";
                }
                if (commandLine.startsWith("[ -b ")) {
                    try {
                        return Files.size(image) + "\n";
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                try {
                    Process p = new ProcessBuilder("sh", "-c", commandLine).redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (p.waitFor() != 0) {
                        throw new RigFault("'" + commandLine + "' failed: " + out);
                    }
                    return line.apply(out);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {}
        };
    }

    private Path image(int size) throws IOException {
        Path f = dir.resolve("flash-" + size + ".img");
        byte[] content = new byte[size];
        Random r = new Random(size);
        for (int i = 0; i < size; i++) {
            // blank pieces stay zero: the second 64 KiB; elsewhere sparse noise, as a used file system looks
            content[i] = (i / ConsoleStorage.CHUNK == 1 || i % 7 != 0) ? 0 : (byte) r.nextInt();
        }
        Files.write(f, content);
        return f;
    }

    private static void write(Path image, int offset, byte[] bytes) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(image, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes), offset);
        }
    }
}
