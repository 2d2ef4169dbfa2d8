package org.hil303.steps.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hil303.fixtures.crypto.Bc;
import org.hil303.rigs.RigConfig;

/** The versions of what produced a run's evidence: the harness's own commit and the tools it drove. */
final class ToolVersions {
    private ToolVersions() {}

    /** The git commit the harness was built from, "-dirty" when its sources differ; "unknown" outside a checkout. */
    static String harnessCommit(Path home) {
        if (!Files.exists(home.resolve(".git"))) {
            return "unknown";
        }
        String head = firstLine(List.of("git", "-C", home.toString(), "rev-parse", "HEAD"));
        if (head.isEmpty()) {
            return "unknown";
        }
        String changes = firstLine(List.of("git", "-C", home.toString(), "status", "--porcelain", "--untracked-files=no"));
        return head + (changes.isEmpty() ? "" : "-dirty");
    }

    static Map<String, String> of(RigConfig rig, Path allureHome) {
        Map<String, String> v = new LinkedHashMap<>();
        rig.virtual().ifPresent(q -> v.put("tool.qemu", firstLine(List.of(q.qemu(), "--version"))));
        v.put("tool.allure", allureHome.getFileName().toString());
        v.put("tool.bouncycastle", Bc.provider().getVersionStr());
        v.put("tool.cucumber", version(io.cucumber.core.cli.Main.class));
        v.put("tool.allure-java", version(io.qameta.allure.Allure.class));
        return v;
    }

    private static String version(Class<?> c) {
        String v = c.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        String jar = c.getProtectionDomain().getCodeSource() == null ? "" : c.getProtectionDomain().getCodeSource().getLocation().getPath();
        return jar.isEmpty() ? "unknown" : Path.of(jar).getFileName().toString();
    }

    private static String firstLine(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? out.lines().findFirst().orElse("") : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
