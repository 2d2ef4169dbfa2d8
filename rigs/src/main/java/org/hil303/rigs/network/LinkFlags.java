package org.hil303.rigs.network;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * An interface's flags as the kernel of this process's network namespace has them (SIOCGIFFLAGS). Java's
 * NetworkInterface.isUp() also wants a carrier, which a tap has only while its emulator runs; whether the
 * rig's link is up is the administrative flag alone.
 */
final class LinkFlags {
    static final int IFF_UP = 0x1;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SIOCGIFFLAGS = 0x8913;
    private static final int IFNAMSIZ = 16;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int ioctl(int fd, int request, byte[] ifreq) throws LastErrorException;

        int close(int fd);
    }

    private static volatile LibC c;

    private LinkFlags() {}

    /** The interface's flags, or empty when there is no such interface (or no way to ask). */
    static OptionalInt of(String iface) {
        byte[] name = iface.getBytes(StandardCharsets.US_ASCII);
        if (name.length >= IFNAMSIZ) {
            return OptionalInt.empty();
        }
        byte[] ifreq = new byte[40]; // struct ifreq: the name, then a union whose first member here is short ifr_flags
        System.arraycopy(name, 0, ifreq, 0, name.length);
        int fd = -1;
        try {
            LibC lib = lib();
            fd = lib.socket(AF_INET, SOCK_DGRAM, 0);
            lib.ioctl(fd, SIOCGIFFLAGS, ifreq);
            return OptionalInt.of((ifreq[IFNAMSIZ] & 0xff) | (ifreq[IFNAMSIZ + 1] & 0xff) << 8);
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return OptionalInt.empty();
        } finally {
            if (fd >= 0) {
                lib().close(fd);
            }
        }
    }

    private static LibC lib() {
        if (c == null) {
            c = Native.load("c", LibC.class);
        }
        return c;
    }
}
