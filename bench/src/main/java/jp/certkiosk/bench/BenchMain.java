package jp.certkiosk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./kiosk bench [--quick] [--out DIR]}: measures the kiosk, prints each figure against its
 * budget ({@code met} / {@code not met}) and writes {@code DIR/results.json} (default
 * {@code target/bench}). {@code --quick} takes each figure in under a minute, for CI, which checks
 * that the bench runs and writes every figure, never a time.
 */
public final class BenchMain {
    /** How much of each figure a run takes. */
    record Plan(String name, int jmhWarmups, int jmhIterations, int jmhSeconds, int flowWarmup, int flowMeasured,
                int loadWarmupPerKiosk, int loadPerKiosk, int memoryTransactions, int realWarmup, int realMeasured) {
        static final Plan QUICK = new Plan("quick", 2, 3, 1, 5, 30, 2, 8, 40, 3, 25);
        static final Plan FULL = new Plan("full", 3, 5, 2, 20, 200, 5, 125, 1000, 20, 200);
    }

    /** Every figure a run writes (those with a budget, and those that explain them). */
    public static final List<String> FIGURES = List.of(
            "compose_ms_per_page", "check_and_compose_ms_per_page", "check_then_compose_ms_per_page",
            "compose_cpu_ms_per_page", "check_then_compose_cpu_ms_per_page", "check_and_compose_cpu_ms_per_page",
            "sim_rendering_per_s_8_threads", "sim_rendering_per_s_8_threads_one_at_a_time",
            "pin_to_job_p50_ms", "pin_to_job_p95_ms", "pin_to_job_p99_ms", "pin_to_job_kiosk_cpu_p50_ms",
            "step_VERIFY_p50_ms", "step_challenge_p50_ms", "step_SIGN_p50_ms", "step_session_p50_ms",
            "step_reserve_p50_ms", "step_verify_document_p50_ms", "step_check_compose_p50_ms", "step_submit_p50_ms",
            "real_pin_to_job_p50_ms", "real_pin_to_job_p95_ms", "real_pin_to_job_p99_ms",
            "real_pin_to_job_kiosk_cpu_p50_ms", "real_step_VERIFY_p50_ms", "real_step_challenge_p50_ms",
            "real_step_SIGN_p50_ms", "real_step_session_p50_ms", "real_step_reserve_p50_ms",
            "real_step_verify_document_p50_ms", "real_step_check_compose_p50_ms", "real_step_submit_p50_ms",
            "card_apdus_per_authentication", "card_bytes_per_authentication",
            "municipal_pdf_parses_per_print", "printer_pdf_parses_per_print",
            "issuances_per_s_8_kiosks", "cpu_ms_per_issuance", "journal_ms_per_issuance",
            "kiosk_rss_mb", "kiosk_rss_growth_mb", "kiosk_rss_unbounded_mb", "kiosk_rss_unbounded_growth_mb",
            "start_ratio", "start_ratio_no_cds", "start_kiosk_ms", "start_hello_ms", "start_cpu_ratio",
            "screen_welcome_tick_nodes_created", "screen_welcome_tick_cpu_ms",
            "screen_pin_countdown_tick_nodes_created", "screen_pin_countdown_tick_cpu_ms",
            "screen_change_nodes_created", "screen_change_cpu_ms");

    private final Plan plan;
    private final Path out;
    /** Sections to run ({@code --only compose,memory}); empty: all of them. */
    private final java.util.Set<String> only;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    BenchMain(Plan plan, Path out) {
        this(plan, out, java.util.Set.of());
    }

    BenchMain(Plan plan, Path out, java.util.Set<String> only) {
        this.plan = plan;
        this.out = out;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.FULL;
        Path out = Path.of("target", "bench");
        java.util.Set<String> only = java.util.Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.QUICK;
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = java.util.Set.of(args[++i].split(","));
                default -> {
                    System.err.println("usage: ./kiosk bench [--quick] [--out DIR] [--only SECTION,...]");
                    System.exit(2);
                }
            }
        }
        System.exit(new BenchMain(plan, out, only).run());
    }

    int run() throws IOException {
        quietLibraries();
        Files.createDirectories(out);
        Path work = out.resolve("work");
        deleteTree(work);
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        progress("bench (" + plan.name() + ") on " + Machine.cores() + " cores, load average " + loadBefore);

        section("compose", this::compose);
        section("compose CPU", this::composeCpu);
        section("certificate rendering", this::rendering);
        section("screen", this::screen);
        try (BenchEndpoint endpoint = BenchEndpoint.start(work.resolve("var"), Clock.systemUTC())) {
            section("PIN to print job", () -> flow(endpoint));
            section("throughput", () -> throughput(endpoint));
            section("memory", () -> memory(endpoint));
            section("start", () -> start(endpoint));
        } catch (RuntimeException e) {
            errors.add("simulator: " + e);
        }
        section("real stack", this::realStack);

        String loadAfter = Machine.loadAverage();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", plan.name());
        results.put("started", started.toString());
        results.put("seconds", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Machine.cores());
        machine.put("memory", Machine.memory());
        machine.put("cpu", Machine.cpu());
        machine.put("jvm", Machine.jvm());
        machine.put("loadAverageBefore", loadBefore);
        machine.put("loadAverageAfter", loadAfter);
        results.put("machine", machine);
        results.put("figures", figures);
        results.put("details", details);
        results.put("errors", errors);
        Path json = out.resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);

        System.out.println(table(loadBefore, loadAfter));
        System.out.println("results: " + json);
        for (String error : errors) {
            System.out.println("error: " + error);
        }
        return errors.isEmpty() ? 0 : 1;
    }

    /** The simulator and the libraries log each issuance at INFO: the bench's output is its table. */
    static void quietLibraries() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        // IPAmj Mincho has a variation-sequence cmap PDFBox ignores (the simulator refuses such text)
        FONTBOX.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Held, so that its level is not collected with it. */
    private static final java.util.logging.Logger FONTBOX = java.util.logging.Logger.getLogger("org.apache.fontbox");

    interface Section {
        void run() throws Exception;
    }

    private void section(String name, Section section) {
        if (!only.isEmpty() && !only.contains(name.replace(' ', '-'))) {
            return;
        }
        progress(name + "… (load average " + Machine.loadAverage() + ")");
        long start = System.nanoTime();
        try {
            section.run();
        } catch (Exception | Error e) {
            errors.add(name + ": " + e);
            e.printStackTrace();
        }
        progress(name + ": " + (System.nanoTime() - start) / 1_000_000_000 + " s");
    }

    private static void progress(String line) {
        System.err.println("bench: " + line);
    }

    /** A JMH run in one fork started with {@code flags}: the kiosk's own for its code, the launcher's for the simulator's. */
    private Collection<RunResult> jmh(Class<?> benchmark, List<String> flags) throws Exception {
        List<String> jvm = new ArrayList<>(flags);
        jvm.add("-Djava.awt.headless=true");
        return new Runner(new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(1)
                .warmupIterations(plan.jmhWarmups())
                .warmupTime(TimeValue.seconds(plan.jmhSeconds()))
                .measurementIterations(plan.jmhIterations())
                .measurementTime(TimeValue.seconds(plan.jmhSeconds()))
                .jvmArgsAppend(jvm.toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
    }

    private static String method(RunResult result) {
        String name = result.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private void compose() throws Exception {
        // composed in a fork with the kiosk's own flags (its heap bound included), as the store's kiosk composes
        Path input = out.resolve("work").resolve("compose-input.pdf");
        Files.createDirectories(input.getParent());
        Files.write(input, ComposeBenchmark.municipalPdf());
        List<String> flags = new ArrayList<>(MemoryBench.kioskFlags());
        flags.add("-D" + ComposeBenchmark.INPUT + "=" + input.toAbsolutePath());
        for (RunResult result : jmh(ComposeBenchmark.class, flags)) {
            double ms = result.getPrimaryResult().getScore() / ComposeBenchmark.PAGES;
            double error = result.getPrimaryResult().getScoreError() / ComposeBenchmark.PAGES;
            String note = "JMH average over " + plan.jmhIterations() + " x " + plan.jmhSeconds() + " s, ± "
                    + round(error) + " ms (99.9 %), " + ComposeBenchmark.PAGES + "-page resident record";
            switch (method(result)) {
                case "compose" -> figures.add(Figure.measured("compose_ms_per_page",
                        "compose: anti-forgery composition a page, warm", round(ms), "ms", "<= 30", ms <= 30, note));
                case "checkAndCompose" -> figures.add(Figure.informative("check_and_compose_ms_per_page",
                        "compose: check + composition a page, one parse (as printed)", round(ms), "ms", note));
                default -> figures.add(Figure.informative("check_then_compose_ms_per_page",
                        "compose: check + composition a page, two parses (before)", round(ms), "ms", note));
            }
        }
    }

    /**
     * Composition a page in thread CPU time, the figure a busy machine inflates least: the
     * composition alone, and the print path with two parses and with one, taken in turns.
     */
    private void composeCpu() throws Exception {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        ComposeBenchmark compose = new ComposeBenchmark();
        compose.setUp();
        int runs = plan.name().equals("quick") ? 10 : 40;
        List<Section> paths = List.of(compose::compose, compose::checkThenCompose, compose::checkAndCompose);
        long[] nanos = new long[paths.size()];
        for (int round = 0; round < 2 * runs; round++) {
            for (int p = 0; p < paths.size(); p++) {
                long start = cpu.getCurrentThreadCpuTime();
                paths.get(p).run();
                if (round >= runs) { // the first half warms up
                    nanos[p] += cpu.getCurrentThreadCpuTime() - start;
                }
            }
        }
        String note = runs + " of each after " + runs + " warm-up, in turns, in the bench's own process";
        double page = 1e6 * runs * ComposeBenchmark.PAGES;
        figures.add(Figure.informative("compose_cpu_ms_per_page", "compose: thread CPU a page, warm",
                round(nanos[0] / page), "ms", note));
        figures.add(Figure.informative("check_then_compose_cpu_ms_per_page",
                "compose: check + composition, two parses (before), CPU", round(nanos[1] / page), "ms", note));
        figures.add(Figure.informative("check_and_compose_cpu_ms_per_page",
                "compose: check + composition, one parse (as printed), CPU", round(nanos[2] / page), "ms", note));
    }

    private void rendering() throws Exception {
        for (RunResult result : jmh(CertificateRenderingBenchmark.class, MemoryBench.LAUNCHER_FLAGS)) {
            boolean oneSet = result.getParams().getParam("fontSets").equals("1");
            figures.add(Figure.informative(oneSet ? "sim_rendering_per_s_8_threads_one_at_a_time"
                            : "sim_rendering_per_s_8_threads",
                    "simulator: records rendered a second, 8 threads, " + (oneSet ? "one at a time (before)"
                            : "font set a core (as is)"), round(result.getPrimaryResult().getScore()),
                    "/s", "JMH throughput, one shared CertificatePdfWriter, ± "
                            + round(result.getPrimaryResult().getScoreError())));
        }
    }

    /**
     * The screens on Monocle headless: per idle tick (welcome; PIN with the idle countdown) and per
     * screen change, the nodes created and the CPU of the JavaFX and renderer threads. No budget.
     */
    private void screen() throws Exception {
        boolean quick = plan.name().equals("quick");
        int ticks = quick ? 20 : 60;
        int cycles = quick ? 5 : 20;
        ScreenBench.Result r = ScreenBench.run(ticks, cycles);
        String cpu = r.renderer() ? "CPU of the JavaFX thread and the renderer thread" : "CPU of the JavaFX thread (no renderer thread found)";
        String how = ", until painted (Monocle headless, software renderer, 1080x1920); ";
        figures.add(Figure.informative("screen_welcome_tick_nodes_created", "screen: welcome, nodes created an idle tick",
                round(r.welcomeTick().created()), "nodes", r.welcomeTick().samples() + " ticks after as many to warm up; "
                        + round(r.welcomeTick().entered()) + " entered the graph a tick, of " + r.welcomeTick().graphNodes()));
        figures.add(Figure.informative("screen_welcome_tick_cpu_ms", "screen: welcome, CPU an idle tick",
                round(r.welcomeTick().cpuMs()), "ms", cpu + how + "JavaFX thread alone " + round(r.welcomeTick().fxCpuMs()) + " ms"));
        figures.add(Figure.informative("screen_pin_countdown_tick_nodes_created",
                "screen: PIN with the idle countdown, nodes created a tick", round(r.pinCountdownTick().created()), "nodes",
                r.pinCountdownTick().samples() + " ticks after as many to warm up; " + round(r.pinCountdownTick().entered())
                        + " entered the graph a tick, of " + r.pinCountdownTick().graphNodes()));
        figures.add(Figure.informative("screen_pin_countdown_tick_cpu_ms", "screen: PIN with the idle countdown, CPU a tick",
                round(r.pinCountdownTick().cpuMs()), "ms", cpu + how + "JavaFX thread alone "
                        + round(r.pinCountdownTick().fxCpuMs()) + " ms"));
        figures.add(Figure.informative("screen_change_nodes_created",
                "screen: change (welcome, PIN, menu), nodes created", round(r.change().created()), "nodes",
                r.change().samples() + " changes after as many to warm up; " + round(r.change().entered())
                        + " entered the graph a change; the first visit of each screen created "
                        + round(r.firstChange().created()) + " a change"));
        figures.add(Figure.informative("screen_change_cpu_ms", "screen: change (welcome, PIN, menu), CPU",
                round(r.change().cpuMs()), "ms", cpu + how + "JavaFX thread alone " + round(r.change().fxCpuMs())
                        + " ms; the first visit of each screen " + round(r.firstChange().cpuMs()) + " ms"));
    }

    /** Launch to first frame, kiosk against hello-world, on an Xvfb display of its own. */
    private void start(BenchEndpoint endpoint) throws Exception {
        int runs = plan.name().equals("quick") ? 1 : 3;
        jp.certkiosk.bench.start.StartBench.Result r;
        try {
            r = new jp.certkiosk.bench.start.StartBench(Path.of("").toAbsolutePath(), out.resolve("work").resolve("start"),
                    endpoint.kioskProperties("kiosk-bench-start").toAbsolutePath()).run(runs);
        } catch (Exception e) {
            // the display stack is shared and outside the kiosk: a start that cannot be taken is a
            // figure not measured, with why, not a failed run
            if (!(e instanceof jp.certkiosk.bench.start.StartBench.Unavailable)) {
                e.printStackTrace();
            }
            for (String key : List.of("start_ratio", "start_ratio_no_cds", "start_kiosk_ms", "start_hello_ms",
                    "start_cpu_ratio")) {
                figures.add(Figure.missing(key, "start: " + key.replace('_', ' '), key.endsWith("ms") ? "ms" : "x",
                        key.equals("start_ratio") ? "<= 1.2" : "-", e.getMessage()));
            }
            return;
        }
        String note = "median of " + r.runs() + " launches each on Xvfb, launcher's JVM flags, " + r.kioskControls()
                + " controls in both; kiosk = kiosk-app.jar run --config, its endpoint in the bench's process";
        figures.add(Figure.measured("start_ratio", "start: kiosk / hello-world, launch to first frame, AppCDS",
                round(r.ratioCds()), "x", "<= 1.2", r.ratioCds() <= 1.2, note));
        figures.add(Figure.informative("start_ratio_no_cds", "start: kiosk / hello-world, without AppCDS",
                round(r.ratio()), "x", note));
        figures.add(Figure.informative("start_kiosk_ms", "start: kiosk launch to first frame, AppCDS / without",
                r.kioskCds(), "ms", "without AppCDS " + r.kiosk() + " ms"));
        figures.add(Figure.informative("start_hello_ms", "start: hello-world launch to first frame, AppCDS / without",
                r.helloCds(), "ms", "without AppCDS " + r.hello() + " ms"));
        figures.add(Figure.informative("start_cpu_ratio", "start: kiosk / hello-world, CPU to first frame, AppCDS",
                round(r.ratioCdsCpu()), "x", "process CPU time (all threads) up to the first frame: kiosk "
                        + r.kioskCdsCpu() + " ms, hello-world " + r.helloCdsCpu() + " ms"));
    }

    private void flow(BenchEndpoint endpoint) {
        FlowBench.Result result = FlowBench.run(endpoint, plan.flowWarmup(), plan.flowMeasured());
        pinToJobFigures("", "", result, result.pinToJob().size() + " issuances in process after " + plan.flowWarmup()
                + " warm-up; virtual card in process, simulator over loopback mTLS, file printer, H2 journal",
                "CPU time of the kiosk's own thread (not the endpoint's): what a load on the machine does not inflate");
        BenchKiosk.Transaction sample = result.sample();
        figures.add(Figure.informative("card_apdus_per_authentication", "card: APDUs per authentication",
                sample.authApdus(), "APDUs", "card read, VERIFY and SIGN; " + sample.apdus() + " in the whole issuance"));
        figures.add(Figure.informative("card_bytes_per_authentication", "card: bytes per authentication",
                sample.authBytes(), "bytes", "command + response APDUs; " + sample.bytes() + " in the whole issuance"));
        figures.add(Figure.measured("municipal_pdf_parses_per_print", "compose: parses of the municipality's PDF a print",
                sample.municipalPdfParses(), "parses", "1", sample.municipalPdfParses() <= 1,
                "counted at the printer driver's parse seam (PdfParsing), from entering Printing to the job; "
                        + sample.transactionPdfParses() + " in the whole issuance (with the check at reservation, before the fee, and the printer's own)"));
        figures.add(Figure.informative("printer_pdf_parses_per_print", "compose: parses of the composed sheets a print",
                sample.printerPdfParses(), "parses", "the file printer's own parse of the job"));
    }

    /** The budgeted figures of the real-stack section; the steps follow as they are measured. */
    private static final List<String> REAL_STEPS = List.of("VERIFY", "challenge", "SIGN", "session", "reserve",
            "verify document", "check + compose", "submit");

    /**
     * PIN → print job accepted on the real stack: card on pcscd's vpcd reader, simulator in its own
     * process over loopback mutual TLS, ippeveprinter. Without that stack the figures say why not.
     */
    private void realStack() throws Exception {
        FlowBench.Result result;
        try {
            result = RealStackBench.run(Path.of("").toAbsolutePath(), out.resolve("work").resolve("real-stack"),
                    plan.realWarmup(), plan.realMeasured());
        } catch (RealStackBench.Unavailable e) {
            figures.addAll(realStackNotMeasured(e.getMessage()));
            return;
        }
        pinToJobFigures(REAL, "real stack", result, result.pinToJob().size() + " issuances after " + plan.realWarmup()
                + " warm-up; card on PC/SC '" + RealStackBench.READER + "' (pcscd + vpcd), simulator in its own process"
                + " over loopback mTLS, ippeveprinter (IPP), H2 journal",
                "CPU time of the kiosk's thread; pcscd, the simulator and ippeveprinter are other processes");
    }

    /** The key prefix of the real-stack section's figures. */
    private static final String REAL = "real_";

    /**
     * The PIN → print job figures of one section (in process, or on the real stack): p50 and p99
     * against their budgets, p95, the kiosk thread's CPU, each step's p50; the percentiles of each step
     * and every measured time go to the details.
     *
     * @param key the section's key prefix ("" in process, {@link #REAL})
     * @param where the section's name in the titles ("" in process)
     */
    private void pinToJobFigures(String key, String where, FlowBench.Result result, String note, String cpuNote) {
        String section = where.isEmpty() ? "" : where + ", ";
        double p50 = Stats.ms(Stats.percentile(result.pinToJob(), 50));
        double p95 = Stats.ms(Stats.percentile(result.pinToJob(), 95));
        double p99 = Stats.ms(Stats.percentile(result.pinToJob(), 99));
        figures.add(Figure.measured(key + "pin_to_job_p50_ms", "PIN -> print job accepted, " + section + "p50", p50,
                "ms", "<= 300", p50 <= 300, note));
        figures.add(Figure.informative(key + "pin_to_job_p95_ms", "PIN -> print job accepted, " + section + "p95", p95,
                "ms", note));
        figures.add(Figure.measured(key + "pin_to_job_p99_ms", "PIN -> print job accepted, " + section + "p99", p99,
                "ms", "<= 800", p99 <= 800, note));
        figures.add(Figure.informative(key + "pin_to_job_kiosk_cpu_p50_ms",
                "PIN -> print job, " + section + "kiosk thread CPU, p50",
                Stats.ms(Stats.percentile(result.pinToJobCpu(), 50)), "ms", cpuNote));
        Map<String, Object> steps = new LinkedHashMap<>();
        result.steps().forEach((step, nanos) -> {
            Map<String, Double> percentiles = new LinkedHashMap<>();
            percentiles.put("p50", Stats.ms(Stats.percentile(nanos, 50)));
            percentiles.put("p95", Stats.ms(Stats.percentile(nanos, 95)));
            percentiles.put("p99", Stats.ms(Stats.percentile(nanos, 99)));
            steps.put(step, percentiles);
            figures.add(Figure.informative(stepKey(key, step), stepTitle(where, step), percentiles.get("p50"), "ms",
                    "p95 " + percentiles.get("p95") + " ms, p99 " + percentiles.get("p99") + " ms"));
        });
        String detail = where.isEmpty() ? "pinToJob" : "realStackPinToJob";
        details.put(detail + "Steps", steps);
        details.put(detail + "Ms", result.pinToJob().stream().map(Stats::ms).toList());
    }

    private static String stepKey(String key, String step) {
        return key + "step_" + step.replaceAll("\\W+", "_") + "_p50_ms";
    }

    private static String stepTitle(String where, String step) {
        return "  " + (where.isEmpty() ? "" : where + " ") + "step " + step + ", p50";
    }

    /** Every figure of the real-stack section, none taken, each saying why. */
    static List<Figure> realStackNotMeasured(String reason) {
        String why = "not measured: " + reason;
        List<Figure> result = new ArrayList<>();
        result.add(Figure.missing("real_pin_to_job_p50_ms", "PIN -> print job accepted, real stack, p50", "ms",
                "<= 300", why));
        result.add(Figure.missing("real_pin_to_job_p95_ms", "PIN -> print job accepted, real stack, p95", "ms",
                "-", why));
        result.add(Figure.missing("real_pin_to_job_p99_ms", "PIN -> print job accepted, real stack, p99", "ms",
                "<= 800", why));
        result.add(Figure.missing("real_pin_to_job_kiosk_cpu_p50_ms",
                "PIN -> print job, real stack, kiosk thread CPU, p50", "ms", "-", why));
        for (String step : REAL_STEPS) {
            result.add(Figure.missing(stepKey(REAL, step), stepTitle("real stack", step), "ms", "-", why));
        }
        return result;
    }


    private void throughput(BenchEndpoint endpoint) throws Exception {
        ThroughputBench.Result result = ThroughputBench.run(endpoint, plan.loadWarmupPerKiosk(), plan.loadPerKiosk());
        double rate = round(result.perSecond());
        figures.add(Figure.measured("issuances_per_s_8_kiosks", "throughput: issuances a second, 8 kiosks, 1 simulator",
                rate, "/s", ">= 50", rate >= 50, result.issuances() + " issuances in " + round(result.seconds())
                        + " s, kiosks and simulator in this process"));
        double cpuMs = round(result.cpuMsPerIssuance());
        figures.add(Figure.informative("cpu_ms_per_issuance", "throughput: CPU an issuance, kiosk + simulator", cpuMs,
                "ms", "process CPU over the run / issuances; " + Machine.cores() + " cores idle would allow at most "
                        + round(Machine.cores() * 1000 / cpuMs) + " issuances/s"));
        figures.add(Figure.informative("journal_ms_per_issuance", "throughput: kiosk time in durable journal rows an issuance",
                round(result.journalMsPerIssuance()), "ms", round(result.journalMsPerRow()) + " ms a row, "
                        + round((double) result.journalRows() / result.issuances()) + " rows an issuance, each synced"
                        + " to the disk (CHECKPOINT SYNC) before the kiosk goes on; eight kiosks share this machine's disk"));
    }

    private void memory(BenchEndpoint endpoint) throws Exception {
        int transactions = Integer.getInteger("bench.memory.transactions", plan.memoryTransactions());
        MemoryBench.Result result = MemoryBench.run(endpoint, transactions, out.resolve("memory-kiosk.log"),
                MemoryBench.kioskFlags());
        double rssMb = mb(result.rssAtEnd());
        double growthMb = mb(result.growthOverLastHalf());
        int half = result.transactions() / 2;
        figures.add(Figure.measured("kiosk_rss_mb", "memory: kiosk RSS after " + result.transactions() + " issuances",
                rssMb, "MB", "<= 250", rssMb <= 250, "kiosk process of its own with the launcher's JVM flags ("
                        + MemoryBench.MEMORY_OPTIONS + "); heap in use after a full GC at the end "
                        + mb(result.heapAfterGc()) + " MB"));
        figures.add(Figure.measured("kiosk_rss_growth_mb", "memory: RSS growth over the last " + half + " issuances",
                growthMb, "MB", "<= " + GROWTH_TOLERANCE_MB + " (no growth)", growthMb <= GROWTH_TOLERANCE_MB,
                "RSS after issuance " + result.transactions() + " minus after issuance " + half));
        details.put("kioskRssMbEvery10", every10(result));

        if (!Boolean.parseBoolean(System.getProperty("bench.memory.before", "true"))) {
            return; // -Dbench.memory.before=false: the kiosk's own flags only, for trying flags out
        }
        // before: the same run without the memory options (the JVM sizes its heap from the machine)
        MemoryBench.Result unbounded = MemoryBench.run(endpoint, transactions,
                out.resolve("memory-kiosk-unbounded.log"), MemoryBench.LAUNCHER_FLAGS);
        figures.add(Figure.informative("kiosk_rss_unbounded_mb", "memory: kiosk RSS without the memory options (before)",
                mb(unbounded.rssAtEnd()), "MB", "the same run with the JVM's default heap sizing; heap in use after a "
                        + "full GC " + mb(unbounded.heapAfterGc()) + " MB"));
        figures.add(Figure.informative("kiosk_rss_unbounded_growth_mb", "memory: RSS growth, last " + half
                        + ", without the memory options (before)", mb(unbounded.growthOverLastHalf()), "MB",
                "RSS after issuance " + unbounded.transactions() + " minus after issuance " + half));
        details.put("kioskRssMbEvery10Unbounded", every10(unbounded));
    }

    private static List<Double> every10(MemoryBench.Result result) {
        List<Double> series = new ArrayList<>();
        for (int i = 9; i < result.rss().size(); i += 10) {
            series.add(mb(result.rss().get(i)));
        }
        return series;
    }

    /** What "no growth" allows: RSS moves by a few pages as the JIT and allocator settle. */
    static final double GROWTH_TOLERANCE_MB = 2.0;

    private static double mb(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    String table(String loadBefore, String loadAfter) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n./kiosk bench (%s): %d cores, %s, load average %s before, %s after%n",
                plan.name(), Machine.cores(), Machine.memory(), loadBefore, loadAfter));
        table.append(String.format("%-72s %10s %-6s %-19s %s%n", "figure", "value", "unit", "budget", "verdict"));
        for (Figure f : figures) {
            String value = f.value() == null ? "-" : f.value() % 1 == 0 ? String.format("%.0f", f.value())
                    : String.format("%.2f", f.value());
            table.append(String.format("%-72s %10s %-6s %-19s %s%n", f.title(), value, f.unit(), f.budget(), f.verdict()));
        }
        return table.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
