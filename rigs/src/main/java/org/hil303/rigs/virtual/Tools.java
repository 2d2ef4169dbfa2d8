package org.hil303.rigs.virtual;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds system tools the virtual rig needs, so a missing one is named before anything starts. */
public final class Tools {
    private Tools() {}

    public static boolean onPath(String binary) {
        if (binary.contains("/")) {
            return Files.isExecutable(Path.of(binary));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }
}
