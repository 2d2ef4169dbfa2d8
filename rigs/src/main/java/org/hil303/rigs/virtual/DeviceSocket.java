package org.hil303.rigs.virtual;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.hil303.rigs.base.RigFault;

/**
 * A unix socket the emulated device's UART connects to each time it powers on (QEMU chardev,
 * client mode). It outlives power cycles; while the device is off, writes go nowhere, as on a
 * UART wired to an unpowered board.
 */
final class DeviceSocket implements AutoCloseable {
    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private volatile SocketChannel current;

    DeviceSocket(Path path, String name, BiConsumer<byte[], Integer> fromDevice) {
        this.path = path;
        try {
            Files.deleteIfExists(path);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new RigFault("cannot create the virtual rig's " + name + " socket " + path + ": " + e.getMessage(), e);
        }
        acceptor = new Thread(() -> acceptLoop(fromDevice), "virtual-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    Path path() {
        return path;
    }

    private void acceptLoop(BiConsumer<byte[], Integer> fromDevice) {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                current = ch;
                while (true) {
                    buf.clear();
                    int n = ch.read(buf);
                    if (n < 0) {
                        break;
                    }
                    fromDevice.accept(buf.array(), n);
                }
            } catch (IOException e) {
                // the device lost power (QEMU killed) or the rig is closing: wait for the next power-on
            } finally {
                current = null;
            }
        }
    }

    boolean connected() {
        return current != null;
    }

    /** Ends the device's connection, as a broken cable would; the device connects again only when it next powers on. */
    void drop() {
        SocketChannel ch = current;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    /** Sends to the device if it is powered; returns false when nothing is listening. */
    boolean send(byte[] data, int len) {
        SocketChannel ch = current;
        if (ch == null) {
            return false;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(data, 0, len);
            synchronized (this) {
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            SocketChannel ch = current;
            if (ch != null) {
                ch.close();
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // closing anyway
        }
    }
}
