package org.hil303.steps.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hil303.fixtures.bench.Benchmarks;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.dut.ServiceSpec;
import org.hil303.rigs.Rig;
import org.hil303.rigs.RigConfig;
import org.hil303.rigs.Rigs;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.boot.BootStrategy;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.virtual.NetworkNamespace;
import org.hil303.rigs.virtual.RefdevImage;
import org.hil303.rigs.virtual.VirtualRig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hil303 bench}: the speed targets of the network probes, measured against the reference
 * tools on the same booted DUT in the same run, printed as figures (not a pass/fail test).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks the network probes against nmap and sslscan on the DUT (or, with --farm, the suite on several rigs; with --console, a console flood).",
                "Prints both times, the ratio and whether both found the same; exit 0 when figures were measured, 3 when the rig failed."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rig", paramLabel = "FILE", description = "rig file (default: rigs/virtual.yaml)")
    Path rig;

    @Option(names = "--dut", paramLabel = "FILE", description = "DUT file (default: fixtures/duts/refdev-weak.yaml: the most ports and suites)")
    Path dut;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "measured runs of each tool, taken in turns; the figure is the median (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--farm", description = {"instead: the suite's wall time on 1, 2 and 3 virtual rigs, one after another, and the speed-up",
            "(default DUT: fixtures/duts/refdev-compliant.yaml; takes about half an hour)"})
    boolean farm;

    @Option(names = "--tags", paramLabel = "EXPRESSION", description = "with --farm: the part of the suite to time (default: all of it)")
    String tags;

    @Option(names = "--console", paramLabel = "MIB", arity = "0..1", fallbackValue = "1024",
            description = {"instead: a flood of hostile console output (default 1024 MiB) through the console path;",
                    "prints the rate, the heap's peak and what the transcript kept and dropped (no emulator needed)"})
    Long consoleMib;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        if (runs < 1) {
            System.err.println("error: --runs must be at least 1, got " + runs);
            return Main.USAGE;
        }
        Path home = RunCommand.Home.dir();
        if (consoleMib != null) {
            if (consoleMib < 1) {
                System.err.println("error: --console needs at least 1 MiB, got " + consoleMib);
                return Main.USAGE;
            }
            return ConsoleBench.run(home, consoleMib, out);
        }
        if (farm) {
            try {
                return FarmBench.run(home, Optional.ofNullable(dut).orElse(home.resolve("fixtures/duts/refdev-compliant.yaml")), tags, 3, out);
            } catch (java.io.IOException e) {
                System.err.println("error: " + e.getMessage());
                return Main.INCONCLUSIVE;
            }
        }
        RigConfig rigConfig;
        DutFile dutFile;
        try {
            rigConfig = RigConfig.read(Optional.ofNullable(rig).orElse(home.resolve("rigs/virtual.yaml")));
            dutFile = DutFile.read(Optional.ofNullable(dut).orElse(home.resolve("fixtures/duts/refdev-weak.yaml")));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        boolean virtual = rigConfig.kind() == RigConfig.Kind.VIRTUAL;
        if (virtual && !NetworkNamespace.entered()) {
            Optional<String> missing = VirtualRigSetup.unavailable(rigConfig.virtual().orElseThrow().qemu());
            if (missing.isPresent()) {
                System.err.println("error: " + missing.get());
                return Main.USAGE;
            }
            try {
                return VirtualRigSetup.again(home, VirtualRigSetup.image(home, out), Main.arguments());
            } catch (RigFault e) {
                System.err.println("error: " + e.getMessage());
                return Main.INCONCLUSIVE;
            }
        }
        Path runDir = home.resolve("reports/bench").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Optional<VirtualRig.Dut> virtualDut = Optional.ofNullable(System.getProperty(RunCommand.IMAGE_PROPERTY))
                .map(p -> new VirtualRig.Dut(RefdevImage.at(Path.of(p)), dutFile.refdev().orElseThrow().profile(), dutFile.refdev().get().flaws()));
        try (Rig r = Rigs.open(rigConfig, runDir, virtualDut)) {
            out.println("booting the DUT...");
            new BootStrategy(r, dutFile.boot()).ensure(BootStrategy.State.NETWORK_UP);
            List<Benchmarks.Figure> figures = new ArrayList<>();
            out.println("TCP scan of all 65535 ports: hil303 scanner and nmap -sT -p- -T5, " + runs + " runs each in turns");
            figures.add(Benchmarks.portScan(r.network(), runs, out::println));
            out.println("The same on loopback, no emulator in the path (the scanners' own speed; the DUT's packet path above sets a floor for both)");
            figures.add(Benchmarks.loopbackScan(runs, out::println));
            Optional<ServiceSpec> tls = dutFile.services().stream().filter(ServiceSpec::tls).findFirst();
            if (tls.isPresent()) {
                out.println("TLS enumeration of " + tls.get().describe() + ": hil303 prober (Bouncy Castle JSSE) and sslscan, " + runs + " runs each in turns");
                figures.add(Benchmarks.tlsEnumeration(r.network().dutPort(tls.get().port()), runs, out::println));
            } else {
                out.println("no TLS service in the DUT file: TLS benchmark skipped");
            }
            out.println();
            figures.forEach(f -> out.println(f.line()));
            return Main.OK;
        } catch (RigFault e) {
            System.err.println("error: " + e.getMessage());
            return Main.INCONCLUSIVE;
        }
    }
}
