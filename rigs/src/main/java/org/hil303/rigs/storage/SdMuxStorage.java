package org.hil303.rigs.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;
import org.hil303.rigs.host.HostCommands;

/**
 * The DUT's SD card read by the Pi through a USB SD mux (usbsdmux): while the DUT is off the mux
 * hands the card to the Pi, which reads it as a block device, and gives it back to the DUT
 * afterwards, whatever happened in between. A reader beside the DUT: nothing the DUT runs can hide
 * a byte from it.
 */
public final class SdMuxStorage implements RawStorage {
    private static final int BLOCK = 4 << 20;
    private static final Timeout SWITCH = Timeout.of("SD mux switching command", Duration.ofSeconds(10));

    private final StorageConfig.SdMux config;
    private final HostCommands host;
    private final BooleanSupplier dutOff;
    private final ToLongFunction<Path> sizeOf;

    public SdMuxStorage(StorageConfig.SdMux config, HostCommands host, BooleanSupplier dutOff) {
        this(config, host, dutOff, SdMuxStorage::blockDeviceSize);
    }

    SdMuxStorage(StorageConfig.SdMux config, HostCommands host, BooleanSupplier dutOff, ToLongFunction<Path> sizeOf) {
        this.config = config;
        this.host = host;
        this.dutOff = dutOff;
        this.sizeOf = sizeOf;
    }

    @Override
    public String describe() {
        return "SD card " + config.device() + " through the SD mux " + config.control();
    }

    @Override
    public long size() {
        return withCard(false, ch -> cardSize());
    }

    @Override
    public List<Long> find(byte[] needle) {
        return findEach(List.of(needle)).get(0);
    }

    /** One pass over the card, switched once. */
    @Override
    public void readAll(java.util.function.Consumer<byte[]> pieces) {
        withCard(false, ch -> {
            long total = cardSize();
            ByteBuffer buf = ByteBuffer.allocate(BLOCK);
            for (long pos = 0; pos < total; ) {
                buf.clear();
                buf.limit((int) Math.min(BLOCK, total - pos));
                readFully(ch, buf, pos);
                byte[] piece = new byte[buf.limit()];
                buf.flip().get(piece);
                pieces.accept(piece);
                pos += piece.length;
            }
            return null;
        });
    }

    @Override
    public byte read(long offset) {
        return withCard(false, ch -> {
            ByteBuffer b = ByteBuffer.allocate(1);
            if (offset >= cardSize()) {
                throw new RigFault("offset " + offset + " is beyond the end of " + config.device());
            }
            readFully(ch, b, offset);
            return b.get(0);
        });
    }

    @Override
    public void write(long offset, byte value) {
        withCard(true, ch -> {
            try {
                ch.write(ByteBuffer.wrap(new byte[] {value}), offset);
                ch.force(false);
                return null;
            } catch (IOException e) {
                throw new RigFault("cannot write " + config.device() + " (is the card's write-protect switch on?): " + e.getMessage(), e);
            }
        });
    }

    List<String> toRig() {
        return List.of("usbsdmux", config.control().toString(), "host");
    }

    List<String> toDut() {
        return List.of("usbsdmux", config.control().toString(), "dut");
    }

    /** Hands the card to the Pi for one operation and back to the DUT afterwards, also when it fails. */
    private <T> T withCard(boolean write, Function<FileChannel, T> op) {
        if (!dutOff.getAsBoolean()) {
            throw new RigFault("the SD card is only switched to the rig while the DUT is off; it is powered");
        }
        if (!host.available("usbsdmux")) {
            throw new RigFault("the rig switches the DUT's SD card with usbsdmux, which is not installed on the rig: install the "
                    + "usbsdmux tool (Python package usbsdmux) and its udev rules");
        }
        if (!Files.exists(config.control())) {
            throw new RigFault("the SD mux's control node " + config.control() + " does not exist (storage.sd-mux.control): "
                    + "wire the USB SD mux to the Pi and install its udev rules");
        }
        host.run(toRig(), "", SWITCH);
        try {
            awaitCard();
            try (FileChannel ch = write ? FileChannel.open(config.device(), StandardOpenOption.WRITE) : FileChannel.open(config.device(), StandardOpenOption.READ)) {
                return op.apply(ch);
            } catch (IOException e) {
                throw new RigFault("cannot open " + config.device() + ": " + e.getMessage()
                        + " (the user running hil303 needs the 'disk' group)", e);
            }
        } finally {
            host.run(toDut(), "", SWITCH);
        }
    }

    private void awaitCard() {
        Timeout t = Timeout.of("storage.sd-mux.appear-within", config.appearWithin());
        long deadline = t.deadlineNanos();
        while (!Files.isReadable(config.device())) {
            if (System.nanoTime() >= deadline) {
                throw new RigFault("the SD card did not appear at " + config.device() + " within " + t.describe()
                        + " after the mux switched it to the rig: is a card in the mux, and is 'device' its path?");
            }
            LockSupport.parkNanos(100_000_000L); // pace: the kernel announces the card when its USB reader enumerates
        }
    }

    private long cardSize() {
        return sizeOf.applyAsLong(config.device());
    }

    /** A block device reports no size through stat: the kernel tells it in sysfs, in 512-byte sectors. */
    private static long blockDeviceSize(Path device) {
        try {
            Path dev = device.toRealPath();
            Path sectors = Path.of("/sys/class/block", dev.getFileName().toString(), "size");
            return Long.parseLong(Files.readAllLines(sectors).get(0).strip()) * 512;
        } catch (IOException | RuntimeException e) {
            throw new RigFault("cannot tell the size of " + device + ": " + e.getMessage(), e);
        }
    }

    private void readFully(FileChannel ch, ByteBuffer buf, long pos) {
        try {
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos + buf.position());
                if (n < 0) {
                    throw new RigFault(config.device() + " ended at byte " + (pos + buf.position()) + ", before its reported size");
                }
            }
        } catch (IOException e) {
            throw new RigFault("cannot read " + config.device() + ": " + e.getMessage(), e);
        }
    }
}
