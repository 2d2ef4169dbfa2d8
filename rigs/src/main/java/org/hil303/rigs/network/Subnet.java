package org.hil303.rigs.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 prefix such as 198.18.0.0/15. Parsed from literals only: a rig file never triggers DNS. */
public record Subnet(int network, int prefix) {
    public static Subnet parse(String cidr) {
        String[] parts = cidr.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected an address prefix such as 198.18.0.0/15, found '" + cidr + "'");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix length must be a number in '" + cidr + "'");
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32 in '" + cidr + "'");
        }
        return new Subnet(toInt(ipv4(parts[0])) & mask(prefix), prefix);
    }

    public static InetAddress ipv4(String literal) {
        String s = literal.trim();
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("expected an IPv4 address such as 198.18.0.2, found '" + literal + "'");
        }
        // Built from the octets, never by InetAddress.getByName: it hands a literal it cannot
        // parse (999.1.1.1) to the resolver, i.e. DNS or /etc/hosts could answer for it.
        String[] parts = s.split("\\.");
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + literal + "'");
            }
            octets[i] = (byte) v;
        }
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: '" + literal + "'");
        }
    }

    public boolean contains(InetAddress a) {
        return a.getAddress().length == 4 && (toInt(a) & mask(prefix)) == network;
    }

    @Override
    public String toString() {
        return ((network >>> 24) & 0xff) + "." + ((network >>> 16) & 0xff) + "." + ((network >>> 8) & 0xff) + "." + (network & 0xff)
                + "/" + prefix;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static int toInt(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != 4) {
            throw new IllegalArgumentException("only IPv4 is supported: " + a);
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }
}
