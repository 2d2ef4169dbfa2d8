package org.hil303.rigs.virtual;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import org.hil303.rigs.base.RigFault;

/**
 * A pseudo-terminal pair made with posix_openpt. The rig holds the master for its whole life, so the
 * slave path behaves like a USB-UART that stays plugged in while the emulated device is powered off.
 */
final class Pty implements AutoCloseable {
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0x100;

    interface LibC extends Library {
        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        String ptsname(int fd);

        int open(String path, int flags) throws LastErrorException;

        NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        int close(int fd);
    }

    private static final LibC C = Native.load("c", LibC.class);

    private final int master;
    private final int slaveKeeper;
    private final String slavePath;

    private Pty(int master, int slaveKeeper, String slavePath) {
        this.master = master;
        this.slaveKeeper = slaveKeeper;
        this.slavePath = slavePath;
    }

    static Pty open() {
        try {
            int m = C.posix_openpt(O_RDWR | O_NOCTTY);
            C.grantpt(m);
            C.unlockpt(m);
            String path = C.ptsname(m);
            // Keep one slave descriptor open so the master never sees a hang-up between console users.
            int keeper = C.open(path, O_RDWR | O_NOCTTY);
            return new Pty(m, keeper, path);
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            throw new RigFault("cannot create the virtual console's pseudo-terminal: " + e.getMessage()
                    + " - is /dev/pts mounted (devpts)?", e);
        }
    }

    String slavePath() {
        return slavePath;
    }

    /** Blocks until the slave side writes; returns -1 once the pty is gone. */
    int read(byte[] buf) throws IOException {
        try {
            return C.read(master, buf, new NativeLong(buf.length)).intValue();
        } catch (LastErrorException e) {
            throw new IOException("pty read: errno " + e.getErrorCode());
        }
    }

    void write(byte[] buf, int len) throws IOException {
        int off = 0;
        byte[] chunk = buf;
        while (off < len) {
            if (off > 0) {
                chunk = java.util.Arrays.copyOfRange(buf, off, len);
            }
            int n;
            try {
                n = C.write(master, chunk, new NativeLong(len - off)).intValue();
            } catch (LastErrorException e) {
                throw new IOException("pty write: errno " + e.getErrorCode());
            }
            if (n <= 0) {
                throw new IOException("pty write returned " + n);
            }
            off += n;
        }
    }

    @Override
    public void close() {
        C.close(slaveKeeper);
        C.close(master);
    }
}
