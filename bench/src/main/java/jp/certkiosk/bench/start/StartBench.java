package jp.certkiosk.bench.start;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.bench.MemoryBench;
import jp.certkiosk.bench.Stats;

/**
 * The start figure: launch to first frame of the kiosk ({@code kiosk-app.jar run --config FILE},
 * the store's kiosk from its configuration file, full screen on a display, its endpoint in another
 * process) against a JavaFX hello-world with the same JVM flags and as many controls, without and
 * with an AppCDS archive of each (made by a first run with {@code -XX:ArchiveClassesAtExit}). Both
 * run on a virtual X server (Xvfb) of their own display number, started for the figure and stopped after
 * display test runs at the same time. The {@link FirstFrameAgent} notes the first frame.
 */
public final class StartBench {
    /** Medians in ms of {@code runs} launches each. */
    public record Result(double kiosk, double hello, double kioskCds, double helloCds, int kioskControls,
                         int runs, double kioskCdsCpu, double helloCdsCpu) {
        public double ratio() {
            return kiosk / hello;
        }

        public double ratioCds() {
            return kioskCds / helloCds;
        }

        /** The CPU time each process used up to its first frame, with AppCDS: what a busy machine inflates least. */
        public double ratioCdsCpu() {
            return kioskCdsCpu / helloCdsCpu;
        }
    }

    private record Launch(long millis, int controls, long cpuMillis) {}

    /** The figure cannot be taken here: no Xvfb, or the real-stack lock stayed busy. */
    public static final class Unavailable extends IllegalStateException {
        Unavailable(String why) {
            super(why);
        }
    }

    private final Path repo;
    private final Path work;
    private final Path agent;
    private final Path benchJar;
    private final Path kioskConfig;

    public StartBench(Path repo, Path work, Path kioskConfig) {
        this.repo = repo;
        this.kioskConfig = kioskConfig;
        this.work = work;
        this.benchJar = repo.resolve("bench/target/bench.jar");
        this.agent = repo.resolve("bench/target/bench-agent.jar");
    }

    public Result run(int runs) throws IOException, InterruptedException {
        Path kioskJar = repo.resolve("kiosk-app/target/kiosk-app.jar");
        for (Path needed : List.of(kioskJar, agent, benchJar)) {
            if (!Files.isRegularFile(needed)) {
                throw new IllegalStateException("missing " + needed + " (./kiosk build)");
            }
        }
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            throw new Unavailable("needs Xvfb (scripts/install-test-deps.sh installs xvfb)");
        }
        Files.createDirectories(work);
        // a display of its own: Xvfb takes the first free display number and names it, so no other
        // display run is disturbed and no lock is needed; it is stopped when the figure is taken
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1",
                "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                .redirectError(work.resolve("xvfb.log").toFile()).start();
        try {
            return measure(readDisplay(xvfb), runs);
        } finally {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }

    /** The measurement on a display already up. */
    public Result measure(String display, int runs) throws IOException, InterruptedException {
        Path kioskJar = repo.resolve("kiosk-app/target/kiosk-app.jar");
        Files.createDirectories(work);
        Path kioskCds = work.resolve("kiosk.jsa");
        Path helloCds = work.resolve("hello.jsa");
        Files.deleteIfExists(kioskCds);
        Files.deleteIfExists(helloCds);
        oneVirtualCard(kioskConfig);
        // first launches: the kiosk's data (PKI, registry) is created, and each archive written
        int controls = launch(display, kiosk(kioskJar, "-XX:ArchiveClassesAtExit=" + kioskCds), "kiosk-dump").controls();
        launch(display, hello(controls, "-XX:ArchiveClassesAtExit=" + helloCds), "hello-dump");
        List<Long> kiosk = new ArrayList<>();
        List<Long> hello = new ArrayList<>();
        List<Long> kioskShared = new ArrayList<>();
        List<Long> helloShared = new ArrayList<>();
        List<Long> kioskSharedCpu = new ArrayList<>();
        List<Long> helloSharedCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            kiosk.add(launch(display, kiosk(kioskJar, null), "kiosk").millis());
            hello.add(launch(display, hello(controls, null), "hello").millis());
            Launch kioskCdsLaunch = launch(display, kiosk(kioskJar, "-XX:SharedArchiveFile=" + kioskCds), "kiosk-cds");
            Launch helloCdsLaunch = launch(display, hello(controls, "-XX:SharedArchiveFile=" + helloCds), "hello-cds");
            kioskShared.add(kioskCdsLaunch.millis());
            helloShared.add(helloCdsLaunch.millis());
            kioskSharedCpu.add(kioskCdsLaunch.cpuMillis());
            helloSharedCpu.add(helloCdsLaunch.cpuMillis());
        }
        return new Result(Stats.percentile(kiosk, 50), Stats.percentile(hello, 50),
                Stats.percentile(kioskShared, 50), Stats.percentile(helloShared, 50), controls, runs,
                Stats.percentile(kioskSharedCpu, 50), Stats.percentile(helloSharedCpu, 50));
    }

    /**
     * Leaves one card in the kiosk's virtual reader. The kiosk is the store's but for its reader: the
     * in-process virtual one stands in for the PC/SC reader (no pcscd needed), and the store's kiosk has
     * no card key stores to read at start. With the demo's 24 profiles, decrypting their PKCS12 files
     * (three PBKDF2 derivations of 10,000 iterations each) was the largest part of the kiosk's start.
     */
    static void oneVirtualCard(Path kioskConfig) throws IOException {
        Path cards;
        try {
            cards = jp.certkiosk.config.KioskConfigLoader.load(kioskConfig).reader().virtualCards();
        } catch (jp.certkiosk.config.InvalidConfigException e) {
            throw new IllegalStateException(kioskConfig + ": " + e.getMessage(), e);
        }
        if (cards == null) {
            return;
        }
        List<jp.certkiosk.app.card.VirtualCard> all = jp.certkiosk.app.card.VirtualCard.readAll(cards);
        for (jp.certkiosk.app.card.VirtualCard card : all.subList(1, all.size())) {
            Files.delete(cards.resolve(card.name() + ".properties"));
            Files.delete(cards.resolve(card.name() + ".p12"));
        }
    }

    private String readDisplay(Process xvfb) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.trim().matches("\\d+")) {
            throw new Unavailable("Xvfb did not start (" + work.resolve("xvfb.log") + ")");
        }
        return ":" + line.trim();
    }

    private List<String> java(String cds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(MemoryBench.kioskFlags()); // the launcher's, memory options included, for both
        if (cds != null) {
            // the first-frame agent is loaded while the archive is written, and the JVM maps a dynamic
            // archive only when this setting is the same as when it was written: without it here too,
            // the archive is silently skipped (-Xshare:auto) and only the JDK's base archive is used
            command.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent"));
            command.add(cds);
            if (cds.startsWith("-XX:SharedArchiveFile")) {
                command.add("-Xshare:on"); // an archive that cannot be used fails the launch, not the figure silently
            }
        }
        command.add("-javaagent:" + agent);
        return command;
    }

    private List<String> kiosk(Path kioskJar, String cds) {
        List<String> command = java(cds);
        command.addAll(List.of("-jar", kioskJar.toString(), "run", "--config", kioskConfig.toString()));
        return command;
    }

    private List<String> hello(int controls, String cds) {
        List<String> command = java(cds);
        command.addAll(List.of("-cp", benchJar.toString(), HelloWorld.class.getName(), Integer.toString(controls)));
        return command;
    }

    private Launch launch(String display, List<String> command, String name) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile());
        builder.environment().put("DISPLAY", display);
        long launched = System.currentTimeMillis();
        Process process = builder.start();
        Launch seen = null;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
             var log = Files.newBufferedWriter(work.resolve(name + ".err"))) {
            for (String line; (line = err.readLine()) != null; ) {
                log.write(line);
                log.newLine();
                if (line.startsWith(FirstFrameAgent.MARK + " ") && seen == null) {
                    String[] parts = line.split(" ");
                    seen = new Launch(Long.parseLong(parts[1]) - launched, Integer.parseInt(parts[2]),
                            Long.parseLong(parts[3]));
                }
            }
        } finally {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        if (seen == null) {
            throw new IllegalStateException(name + " never showed a frame; see " + work.resolve(name + ".err"));
        }
        return seen;
    }
}
