package jp.certkiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.printer.ipp.IppEvePrinterProcess;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk killed with SIGKILL, over and over: the vendors' test mode ({@code headless --config})
 * as a process of its own, against the simulator and a real IPP printer (ippeveprinter, each job
 * taking a second), killed right after chosen journal rows and at random moments, and started again
 * each time. After every restart the kiosk's own settlement must leave a journal that adds up (the
 * same reconciliation as {@code journal audit}), the pages that came out of the printer must be the
 * issuances the journal calls PRINTED (or still in doubt), and at the end {@code journal audit} as
 * a command passes and every page is accounted for.
 */
class KillNineCrashTest {
    /** Rows of a normal transaction and of the settlement at start, each a place to die. */
    static final List<JournalStage> STAGES = List.of(JournalStage.CARD_READ, JournalStage.AUTHENTICATED,
            JournalStage.RESERVED, JournalStage.CASH_TAKEN, JournalStage.PAID, JournalStage.PRINT_SENDING,
            JournalStage.PRINT_SUBMITTED, JournalStage.PRINTED, JournalStage.CONFIRM_SENT, JournalStage.CONFIRMED,
            JournalStage.CARD_TAKEN, JournalStage.PRINT_SETTLED, JournalStage.OWED, JournalStage.PRINT_IN_DOUBT);
    static final int KILLS = Integer.getInteger("certkiosk.crash.kills", 50);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void killedAtEveryJournalStageAndAtRandomTheJournalAlwaysAddsUpAndMatchesThePaper() throws Exception {
        Path printed = dir.resolve("printer-output.log");
        Path hold = dir.resolve("printer-hold");
        Random random = new Random(Long.getLong("certkiosk.crash.seed", 11L));
        try (MunicipalSimulator simulator = MunicipalSimulator.start(
                     new SimulatorOptions(dir.resolve("sim"), "127.0.0.1", 0, Clock.systemUTC(), false));
             IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf",
                     // a job takes 0 to 2 s to come out, longer while the test holds the printer (so that a
                     // restart finds a job still printing); once out, its job name is logged: that log is the paper
                     "while [ -e " + hold + " ]; do sleep 0.2; done\nsleep $(( $(od -An -N1 -tu1 /dev/urandom) % 3 ))\n"
                             + "echo \"$IPP_JOB_NAME\" >> " + printed + "\nexit 0")) {
            Path kioskDir = dir.resolve("kiosk");
            Path config = DemoConfiguration.write(simulator, MunicipalSimulator.DEMO_KIOSK_ID, kioskDir,
                    new DemoConfiguration.Reader.Virtual(), PrinterConfig.ipp(printer.uri()), kioskDir.resolve("journal"),
                    kioskDir.resolve("staff-pin"));
            String adult = simulator.card("adult").orElseThrow().pin();
            String spouse = simulator.card("spouse").orElseThrow().pin();
            StringBuilder steps = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                steps.append(i == 0 ? "" : ",\n").append(String.format(
                        "{ \"card\": \"%s\", \"pins\": [\"%s\"], \"document\": \"RESIDENT_RECORD_COPY\" }",
                        i % 2 == 0 ? "adult" : "spouse", i % 2 == 0 ? adult : spouse));
            }
            Path scenario = Files.writeString(dir.resolve("scenario.json"), "{ \"transactions\": [\n" + steps + "\n] }\n");

            int kills = 0;
            int restarts = 0;
            int audits = 0;
            int stageKills = 0;
            int randomKills = 0;
            Set<String> inDoubtSeen = new HashSet<>();
            Set<String> inDoubtSettled = new HashSet<>();
            boolean release = false;
            for (int round = 0; kills < KILLS; round++) {
                boolean atStage = round % 3 != 2;
                JournalStage target = STAGES.get(round % STAGES.size());
                boolean holdPrinter = atStage && target == JournalStage.PRINT_SUBMITTED && !release;
                if (holdPrinter) {
                    Files.writeString(hold, "held"); // the job will still be printing when the kiosk is back
                }
                Run run = Run.start(config, scenario, kioskDir);
                restarts++;
                // every start settles what the last kill left open, then reconciles the journal
                JsonNode audit = run.awaitAudit();
                audits++;
                assertTrue(audit.get("ok").asBoolean(), "after restart " + restarts + ": " + audit);
                int pagesOut = lines(printed).size();
                int printedRows = audit.get("printed").asInt();
                int inDoubt = audit.get("inDoubt").asInt();
                assertTrue(pagesOut >= printedRows && pagesOut <= printedRows + inDoubt,
                        "after restart " + restarts + ": " + pagesOut + " pages out, " + printedRows + " PRINTED, "
                                + inDoubt + " in doubt");
                if (release) {
                    assertTrue(inDoubt >= 1, "killed after the job was submitted, back while it still prints: in doubt "
                            + audit);
                    Files.deleteIfExists(hold); // the held job comes out now; a later start settles it PRINTED
                    release = false;
                }
                boolean killed = atStage ? run.killAfter(target, holdPrinter ? 1 : 1 + random.nextInt(2))
                        : run.killAfterMillis(300 + random.nextInt(4000));
                if (holdPrinter) {
                    if (killed) {
                        release = true;
                    } else {
                        Files.deleteIfExists(hold);
                    }
                }
                if (killed) {
                    kills++;
                    if (atStage) {
                        stageKills++;
                    } else {
                        randomKills++;
                    }
                }
                inDoubtSeen.addAll(run.inDoubt);
                inDoubtSettled.addAll(run.settled);
            }
            // a last start with nothing to do settles what the last kill left, once the printer is done
            Files.deleteIfExists(hold);
            Thread.sleep(4000);
            Run last = Run.start(config, Files.writeString(dir.resolve("none.json"), "{ \"transactions\": [] }"), kioskDir);
            restarts++;
            JsonNode audit = last.awaitAudit();
            audits++;
            assertEquals(0, last.process.waitFor(60, TimeUnit.SECONDS) ? last.process.exitValue() : -1);
            inDoubtSettled.addAll(last.settled);
            assertTrue(audit.get("ok").asBoolean(), audit.toString());
            assertEquals(0, audit.get("inDoubt").asInt(), "the printer settled every doubt: " + audit);

            // journal audit, the command, on the journal the kiosk left
            Process command = Run.java(List.of("jp.certkiosk.app.Main", "journal", "audit", "--data", kioskDir.toString()))
                    .redirectErrorStream(true).start();
            String line = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(command.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, command.exitValue(), line);
            audits++;

            Set<String> printedIssuances = new HashSet<>();
            try (H2Journal journal = H2Journal.openExisting(kioskDir.resolve("journal"))) {
                for (Reconciliation.IssuanceAccount a : Reconciliation.of(journal.entries()).issuances()) {
                    if (a.status() == Reconciliation.IssuanceStatus.PRINTED) {
                        printedIssuances.add(a.issuanceId());
                    }
                }
            }
            assertEquals(new HashSet<>(lines(printed)), printedIssuances, "the pages out are the PRINTED issuances");
            assertEquals(lines(printed).size(), printedIssuances.size(), "no issuance printed twice");
            System.out.println("crash test: " + kills + " kills (" + stageKills + " at a journal row, " + randomKills
                    + " at random), " + restarts + " restarts, " + audits + " audits, " + printedIssuances.size()
                    + " documents printed; prints found in doubt after a kill: " + inDoubtSeen.size()
                    + ", of them settled: " + inDoubtSettled.stream().filter(inDoubtSeen::contains).count()
                    + " (rows: " + Run.IN_DOUBT_ROWS.get() + " PRINT_IN_DOUBT, " + Run.SETTLED_ROWS.get()
                    + " PRINT_SETTLED); " + line);
            Run.SAMPLE.stream().filter(l -> l.contains("in doubt")).limit(3)
                    .forEach(l -> System.out.println("crash test saw: " + l));
            Run.SAMPLE.stream().filter(l -> inDoubtSeen.stream().anyMatch(l::contains) && l.contains("settled")).limit(3)
                    .forEach(l -> System.out.println("crash test saw: " + l));
            assertTrue(inDoubtSeen.stream().anyMatch(inDoubtSettled::contains), "a kill ended in doubt and was settled");
        }
    }

    static List<String> lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** One run of the kiosk process, its standard error read line by line. */
    static final class Run {
        final Process process;
        final BufferedReader err;
        final List<String> inDoubt = new ArrayList<>();
        final List<String> settled = new ArrayList<>();

        private Run(Process process) {
            this.process = process;
            this.err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        }

        static ProcessBuilder java(List<String> arguments) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Dcertkiosk.journal.echo=true");
            command.add("-XX:TieredStopAtLevel=1"); // a short-lived process: start fast
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.addAll(arguments);
            return new ProcessBuilder(command);
        }

        static Run start(Path config, Path scenario, Path data) throws java.io.IOException {
            return new Run(java(List.of(DemoMain.class.getName(), "headless", "--config", config.toString(),
                    "--scenario", scenario.toString(), "--data", data.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }

        /** The reconciliation the kiosk logs once it settled what the last run left. */
        JsonNode awaitAudit() throws java.io.IOException {
            String line;
            while ((line = err.readLine()) != null) {
                track(line);
                int at = line.indexOf(AUDIT);
                if (at >= 0) {
                    return JSON.readTree(line.substring(at + AUDIT.length()));
                }
            }
            throw new AssertionError("the kiosk ended without its audit at start (exit "
                    + (process.isAlive() ? "?" : process.exitValue()) + ")");
        }

        static final String AUDIT = "journal audit after start: ";

        /** SIGKILL right after the n-th durable row of this stage; false if the run ended first. */
        boolean killAfter(JournalStage stage, int nth) throws Exception {
            String line;
            int seen = 0;
            while ((line = err.readLine()) != null) {
                track(line);
                if (line.equals("journal-row " + stage) && ++seen == nth) {
                    return kill();
                }
            }
            process.waitFor();
            return false;
        }

        boolean killAfterMillis(long millis) throws Exception {
            Thread drain = new Thread(() -> {
                try {
                    String l;
                    while ((l = err.readLine()) != null) {
                        track(l);
                    }
                } catch (java.io.IOException ignored) {
                    // killed
                }
            });
            drain.setDaemon(true);
            drain.start();
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                return false;
            }
            return kill();
        }

        static final AtomicInteger IN_DOUBT_ROWS = new AtomicInteger();
        static final AtomicInteger SETTLED_ROWS = new AtomicInteger();
        static final List<String> SAMPLE = java.util.Collections.synchronizedList(new ArrayList<>());

        private synchronized void track(String line) {
            if (line.equals("journal-row PRINT_IN_DOUBT")) {
                IN_DOUBT_ROWS.incrementAndGet();
            }
            if (line.equals("journal-row PRINT_SETTLED")) {
                SETTLED_ROWS.incrementAndGet();
            }
            if (line.contains("print ") && SAMPLE.size() < 400) {
                SAMPLE.add(line);
            }
            int at = line.indexOf("print in doubt: ");
            if (at >= 0) {
                inDoubt.add(line.substring(at + 16).trim());
            }
            at = line.indexOf("print settled: ");
            if (at >= 0) {
                settled.add(line.substring(at + 15).trim().split(" ")[0]);
            }
        }

        private boolean kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no close, nothing flushed
            process.waitFor(30, TimeUnit.SECONDS);
            return true;
        }
    }
}
