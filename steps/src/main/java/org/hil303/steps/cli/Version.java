package org.hil303.steps.cli;

import picocli.CommandLine;

/** The harness version, from the jar's manifest when packaged. */
public final class Version implements CommandLine.IVersionProvider {
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"hil303 " + get()};
    }
}
