package org.hil303.rigs.network;

import java.net.InetAddress;

/** Child-JVM entry point for {@link SubnetTest#never_asks_the_resolver}. */
public final class SubnetDnsProbe {
    private SubnetDnsProbe() {}

    public static void main(String[] args) throws Exception {
        System.out.println("control resolver-control.example -> "
                + InetAddress.getByName("resolver-control.example").getHostAddress());
        for (String a : args) {
            try {
                Object r = a.contains("/") ? Subnet.parse(a) : Subnet.ipv4(a).getHostAddress();
                System.out.println(a + " accepted as " + r);
            } catch (IllegalArgumentException e) {
                System.out.println(a + " refused: " + e.getMessage());
            }
        }
    }
}
