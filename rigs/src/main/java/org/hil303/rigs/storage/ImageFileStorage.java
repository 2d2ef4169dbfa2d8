package org.hil303.rigs.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hil303.rigs.base.RigFault;

/** Raw storage that is an image file, such as the emulated unit's flash; refused while the device runs. */
public final class ImageFileStorage implements RawStorage {
    private final Path image;
    private final BooleanSupplier deviceOff;

    public ImageFileStorage(Path image, BooleanSupplier deviceOff) {
        this.image = image;
        this.deviceOff = deviceOff;
    }

    @Override
    public String describe() {
        return "storage image " + image;
    }

    @Override
    public long size() {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            return ch.size();
        } catch (IOException e) {
            throw fault("read", e);
        }
    }

    @Override
    public List<Long> find(byte[] needle) {
        requireOff();
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new RigFault(image + " is larger than 2 GiB: searching it is not supported");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return ByteSearch.all(map, needle);
        } catch (IOException e) {
            throw fault("read", e);
        }
    }

    @Override
    public void readAll(java.util.function.Consumer<byte[]> pieces) {
        requireOff();
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(4 << 20);
            for (long pos = 0; ; ) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    return;
                }
                byte[] piece = new byte[n];
                buf.flip().get(piece);
                pieces.accept(piece);
                pos += n;
            }
        } catch (IOException e) {
            throw fault("read", e);
        }
    }

    @Override
    public byte read(long offset) {
        requireOff();
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            if (ch.read(b, offset) != 1) {
                throw new RigFault("offset " + offset + " is beyond the end of " + image);
            }
            return b.get(0);
        } catch (IOException e) {
            throw fault("read", e);
        }
    }

    @Override
    public void write(long offset, byte value) {
        requireOff();
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {value}), offset);
            ch.force(false);
        } catch (IOException e) {
            throw fault("write", e);
        }
    }

    private void requireOff() {
        if (!deviceOff.getAsBoolean()) {
            throw new RigFault("the raw storage is only touched while the DUT is off; it is powered");
        }
    }

    private RigFault fault(String what, IOException e) {
        return new RigFault("cannot " + what + " " + image + ": " + e.getMessage(), e);
    }
}
