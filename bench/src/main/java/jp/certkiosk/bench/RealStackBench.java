package jp.certkiosk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.certkiosk.card.vpcd.VpcdCardLink;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.demo.VirtualCardProfiles;
import jp.certkiosk.printer.ipp.IppEvePrinterProcess;

/**
 * PIN → print job accepted on the real stack, as in a store: the card on the PC/SC reader
 * "Virtual PCD 00 01" (pcscd with the vsmartcard-vpcd driver, the card answering on the reader's
 * socket), the municipal endpoint simulator in a process of its own over loopback mutual TLS
 * ({@code sim}), and ippeveprinter as the IPP printer. The kiosk is {@link BenchKiosk}, built from
 * the configuration file the simulator wrote, pointed at that reader and printer.
 *
 * <p>The second vpcd slot, so that a vendor's card process on the first ({@code ./kiosk card
 * insert}) does not interfere. What the machine lacks (pcscd, the vpcd driver, ippeveprinter)
 * makes the run {@link Unavailable}, with the reason: the figure is then "not measured", never
 * silently left out.
 */
public final class RealStackBench {
    static final String READER = "Virtual PCD 00 01";
    static final int READER_PORT = 35964;
    private static final Pattern CONFIG_LINE = Pattern.compile("configuration (\\S+kiosk\\.properties)");

    /** The real stack is not there on this machine; the message says what is missing. */
    public static final class Unavailable extends IllegalStateException {
        Unavailable(String why) {
            super(why);
        }
    }

    private RealStackBench() {}

    /** Runs {@code warmup} then {@code measured} issuances of the adult's card; {@code work} holds every file. */
    public static FlowBench.Result run(Path repo, Path work, int warmup, int measured) throws Exception {
        for (String program : List.of("ippeveprinter", "dbus-daemon")) {
            if (!onPath(program)) {
                throw new Unavailable(program + " is not installed (scripts/install-test-deps.sh installs it)");
            }
        }
        pcscd(repo);
        Path data = work.resolve("var");
        Process simulator = startSimulator(data.resolve("sim"), work.resolve("simulator.log"));
        // absolute: ippeveprinter looks a relative print command up in CUPS's own command folder
        // (/usr/lib/cups/command/target/bench/..., exit status 2), and ./kiosk bench writes under target/bench
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(work.resolve("printer").toAbsolutePath(),
                "application/pdf", "exit 0");
             VpcdCardLink link = VpcdCardLink.start(VpcdCardLink.DEFAULT_HOST, READER_PORT)) {
            Path config = configuration(simulator, work.resolve("simulator.log"));
            Files.writeString(config, Files.readString(config)
                    .replaceAll("(?m)^printer\\.kind=.*$", "printer.kind=IPP")
                    .replaceAll("(?m)^printer\\.outputDirectory=.*$", "printer.uri=" + printer.uri())
                    .replaceAll("(?m)^reader\\.kind=.*$", "reader.kind=PCSC")
                    .replaceAll("(?m)^reader\\.name=.*$", "reader.name=" + READER));
            // the cards of the simulator's test PKI, which its process created under the same data folder
            VirtualCardProfiles profiles = VirtualCardProfiles.open(data, Clock.systemUTC());
            VirtualCardProfiles.Profile adult = profiles.find(FlowBench.CARD).orElseThrow();
            BenchKiosk.Hand hand = new BenchKiosk.Hand() {
                @Override
                public void place(String profile) {
                    link.insert(profiles.card(profiles.find(profile).orElseThrow()));
                }

                @Override
                public void take() {
                    link.remove();
                }
            };
            try (BenchKiosk kiosk = new BenchKiosk(KioskConfigLoader.load(config), Clock.systemUTC(), hand)) {
                for (int i = 0; i < warmup; i++) {
                    kiosk.issue(adult.name(), adult.pin());
                    deleteReceived(printer);
                }
                List<Long> totals = new ArrayList<>();
                List<Long> cpu = new ArrayList<>();
                Map<String, List<Long>> steps = new LinkedHashMap<>();
                BenchKiosk.Transaction last = null;
                for (int i = 0; i < measured; i++) {
                    last = kiosk.issue(adult.name(), adult.pin());
                    totals.add(last.pinToJobNanos());
                    cpu.add(last.pinToJobCpuNanos());
                    last.stepNanos().forEach((step, nanos) -> steps.computeIfAbsent(step, s -> new ArrayList<>()).add(nanos));
                    deleteReceived(printer);
                }
                return new FlowBench.Result(totals, cpu, steps, last);
            }
        } finally {
            simulator.destroy();
            if (!simulator.waitFor(30, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
            }
        }
    }

    /** The bench prints hundreds of jobs: keep the disk, not the paper. */
    private static void deleteReceived(IppEvePrinterProcess printer) throws IOException {
        for (Path file : printer.receivedFiles()) {
            Files.deleteIfExists(file);
        }
    }

    /** pcscd with the virtual readers, through the project's script (idempotent). */
    private static void pcscd(Path repo) throws IOException, InterruptedException {
        Path script = repo.resolve("scripts/pcscd.sh");
        if (!Files.isExecutable(script)) {
            throw new Unavailable("no " + script);
        }
        Process run = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true).start();
        String output;
        try (var in = run.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
            run.destroyForcibly();
            throw new Unavailable("pcscd with the vpcd reader did not start: " + output.replace('\n', ' '));
        }
    }

    /** {@code sim --port 0} as a process of its own, its output in {@code log}. */
    private static Process startSimulator(Path data, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "jp.certkiosk.demo.DemoMain",
                "sim", "--port", "0", "--data", data.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits for the simulator to serve and returns the kiosk configuration it wrote. */
    private static Path configuration(Process simulator, Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            if (!simulator.isAlive()) {
                throw new IllegalStateException("the simulator process ended (exit " + simulator.exitValue()
                        + "); see " + log);
            }
            if (Files.exists(log)) {
                Path config = null;
                boolean serving = false;
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        Matcher m = CONFIG_LINE.matcher(line);
                        if (m.find()) {
                            config = Path.of(m.group(1));
                        }
                        serving |= line.startsWith("Serving until stopped");
                    }
                }
                if (serving && config != null) {
                    return config;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the simulator did not serve within 120 s; see " + log);
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
