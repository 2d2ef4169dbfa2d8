package org.hil303.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hil303.steps.evidence.LabKeys;
import org.junit.jupiter.api.Test;

/**
 * The report as a person sees it: the HTML summary and the Allure report of a short run, opened in
 * headless Chromium (Debian's chromium package), must show the provisions and their verdicts.
 * Screenshots of both are kept in the run folder.
 */
class ReportInBrowserIT {
    private static final Path HOME = Path.of(System.getProperty("hil303.home", "..")).toAbsolutePath().normalize();

    private static Optional<Path> chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @Test
    void the_summary_and_the_allure_report_show_the_verdicts_in_a_browser() throws Exception {
        Optional<Path> browser = chromium();
        assumeTrue(browser.isPresent(), "chromium is not installed (sudo apt-get install chromium): the report was not looked at in a browser");
        Path reports = HOME.resolve("steps/target/it-reports/browser");
        Path lab = HOME.resolve("steps/target/it-lab-browser");
        if (!Files.exists(lab.resolve(LabKeys.KEY))) {
            LabKeys.create(lab, "hil303 browser test");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dhil303.home=" + HOME,
                "-jar", HOME.resolve("steps/target/hil303.jar").toString(), "run", "--reports", reports.toString(), "--tags", "@provision=5.6-4"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true);
        pb.environment().put("HIL303_LAB_KEYS", lab.toString());
        Process run = pb.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(20, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        Path runDir = reports.resolve("latest").toRealPath();

        String summary = browse(browser.get(), runDir.resolve("summary.html").toUri().toString(), runDir.resolve("summary.png"));
        // the functional test case passes; the provision stays open until the assessor's statement for 5.6-4-1 is recorded
        assertThat(summary).contains("<tr id=\"p-5.6-4\" data-verdict=\"INCONCLUSIVE\">").contains("id=\"p-4-1\"").contains("id=\"p-6-5\"")
                .contains("Physically accessible debug interfaces disabled in software").contains("5.6-4-2</a> PASS")
                .contains("statement for 5.6-4-1 is missing").contains("id=\"schemes\"");

        // the Allure report loads its data with XHR, which browsers refuse on file://: serve it on loopback
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path f = runDir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!f.startsWith(runDir) || !Files.isRegularFile(f)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(f);
                String type = f.toString().endsWith(".html") ? "text/html" : f.toString().endsWith(".js") ? "text/javascript"
                        : f.toString().endsWith(".css") ? "text/css" : f.toString().endsWith(".json") ? "application/json" : "application/octet-stream";
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            // follow the summary's evidence link for the test case: it must open that test case's result, shown as passed
            Matcher link = Pattern.compile("\"testCase\": \"5\\.6-4-2\", \"kind\": \"automated\".*?\"evidence\": \"([^\"]+)\"")
                    .matcher(Files.readString(runDir.resolve("summary.json")));
            assertThat(link.find()).as("summary.json links 5.6-4-2 to its evidence").isTrue();
            assertThat(link.group(1)).startsWith("allure-report/index.html#testresult/");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + link.group(1);
            String allure = browse(browser.get(), url, runDir.resolve("allure-report.png"));
            assertThat(allure).contains("5.6-4-2 The UART gives no shell without authentication").contains("label_status_passed\">Passed");
        } finally {
            server.stop(0);
        }
        assertThat(runDir.resolve("summary.png")).isNotEmptyFile();
        assertThat(runDir.resolve("allure-report.png")).isNotEmptyFile();
    }

    /** The page's DOM after its scripts ran; a screenshot of it goes to {@code png}. */
    private static String browse(Path chromium, String url, Path png) throws IOException, InterruptedException {
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--virtual-time-budget=15000", "--window-size=1400,1400");
        String dom = chromiumRun(concat(common, "--dump-dom", url));
        chromiumRun(concat(common, "--screenshot=" + png, url));
        return dom;
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    private static String chromiumRun(List<String> cmd) throws IOException, InterruptedException {
        Path err = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 2 minutes: " + Files.readString(err));
        }
        Files.delete(err);
        return out;
    }
}
