package org.hil303.rigs.virtual;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.hil303.rigs.base.RigFault;

/**
 * The reference device's firmware image (kernel + initramfs), built from Debian packages by the
 * project's own builder and cached by the hash of its inputs.
 */
public final class RefdevImage {
    private final Path dir;
    private final Properties properties;

    private RefdevImage(Path dir, Properties properties) {
        this.dir = dir;
        this.properties = properties;
    }

    /** Runs the builder (a no-op when the cached image matches its inputs); progress lines go to {@code progress}. */
    public static RefdevImage build(Path builder, Path cacheDir, Consumer<String> progress) {
        if (!Files.isExecutable(builder)) {
            throw new RigFault("reference device builder " + builder + " not found or not executable");
        }
        List<String> out = new ArrayList<>();
        try {
            Files.createDirectories(cacheDir);
            Process p = new ProcessBuilder(builder.toString(), cacheDir.toString()).redirectErrorStream(false).start();
            Thread err = new Thread(() -> forward(p.getErrorStream(), progress), "refdev-build-log");
            err.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            }
            int status = p.waitFor();
            err.join();
            if (status != 0 || out.isEmpty()) {
                throw new RigFault("building the reference device image failed (" + builder + " exited with " + status
                        + "); its messages are above");
            }
        } catch (IOException e) {
            throw new RigFault("cannot run the reference device builder " + builder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigFault("interrupted while building the reference device image");
        }
        return at(Path.of(out.get(out.size() - 1).trim()));
    }

    public static RefdevImage at(Path dir) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("image.properties"), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new RigFault("reference device image at " + dir + " is incomplete (no image.properties): rebuild it", e);
        }
        RefdevImage img = new RefdevImage(dir, props);
        for (Path p : List.of(img.kernel(), img.initrd())) {
            if (!Files.isRegularFile(p)) {
                throw new RigFault("reference device image is missing " + p + ": rebuild it");
            }
        }
        return img;
    }

    private static void forward(java.io.InputStream in, Consumer<String> progress) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                progress.accept(line);
            }
        } catch (IOException e) {
            // the builder's exit status tells whether it worked
        }
    }

    public Path dir() {
        return dir;
    }

    public Path kernel() {
        return dir.resolve("vmlinuz");
    }

    public Path initrd() {
        return dir.resolve("initrd.cpio.gz");
    }

    /** The layer a flaw adds to the software (fixtures/refdev/flaw-layers), if that flaw has one. */
    public java.util.Optional<Path> layer(String flaw) {
        Path p = dir.resolve("layer-" + flaw + ".cpio.gz");
        return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /** What the unit's initramfs is made of with these flaws: the image's own, then each flaw's layer, in order. */
    public List<Path> initrdParts(List<String> flaws) {
        List<Path> parts = new ArrayList<>(List.of(initrd()));
        flaws.forEach(f -> layer(f).ifPresent(parts::add));
        return parts;
    }

    public String firmwareVersion() {
        return properties.getProperty("firmware.version", "unknown");
    }

    public String inputHash() {
        return properties.getProperty("input.sha256", "unknown");
    }
}
