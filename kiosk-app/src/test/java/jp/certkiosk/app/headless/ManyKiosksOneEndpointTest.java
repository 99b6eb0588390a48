package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.printer.Submission;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight kiosks with eight different cards run 1,000 issuances at once against one simulator,
 * each kiosk with its own TLS identity, engine, journal and printer: every document that reaches a
 * printer names its own card's resident and no one outside that household, and every issuance id
 * is printed once. The 2023 incidents were two requests within a second overwriting each other.
 */
class ManyKiosksOneEndpointTest {
    static final int TRANSACTIONS_PER_KIOSK = 125;

    /** Each card, its resident, and the household members a copy of the resident record may name. */
    record Holder(String card, String resident, Set<String> household) {}

    static final List<Holder> HOLDERS = List.of(
            new Holder("adult", "山田太郎", Set.of("山田太郎", "山田花子", "山田一郎")),
            new Holder("spouse", "山田花子", Set.of("山田太郎", "山田花子", "山田一郎")),
            new Holder("foreign", "NGUYENVANAN", Set.of("NGUYENVANAN")),
            new Holder("single", "佐藤美咲", Set.of("佐藤美咲")),
            new Holder("village", "松本大輔", Set.of("松本大輔", "松本由美")),
            new Holder("village-spouse", "松本由美", Set.of("松本大輔", "松本由美")),
            new Holder("aoba-head", "山本翔太", Set.of("山本翔太", "山本愛")),
            new Holder("aoba-spouse", "山本愛", Set.of("山本翔太", "山本愛")));

    static final Set<String> EVERYONE = HOLDERS.stream().flatMap(h -> h.household().stream()).collect(Collectors.toSet());

    @TempDir Path dir;

    /** A printer that reads every document it is given and keeps only what the test checks. */
    static final class CheckingPrinter implements Printer {
        private final Holder holder;
        final List<String> printed = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();

        CheckingPrinter(Holder holder) {
            this.holder = holder;
        }

        @Override
        public PrinterStatus status() {
            return PrinterStatus.readyNow();
        }

        @Override
        public synchronized Submission submit(PrintJob job) {
            String text;
            try (PDDocument document = Loader.loadPDF(job.pdf())) {
                text = new PDFTextStripper().getText(document).replaceAll("[ 　\\n\\r]", "");
            } catch (IOException e) {
                return new Submission.Refused("unreadable PDF");
            }
            if (!text.contains(holder.resident())) {
                wrong.add(job.name() + " lacks the card holder");
            }
            for (String name : EVERYONE) {
                if (!holder.household().contains(name) && text.contains(name)) {
                    wrong.add(job.name() + " names someone of another household");
                }
            }
            printed.add(job.name());
            return new Submission.Accepted(printed.size());
        }

        @Override
        public synchronized PrintOutcome follow(int jobId) {
            return new PrintOutcome.Completed("memory:" + printed.get(jobId - 1));
        }

        @Override
        public synchronized PrintOutcome lookup(String jobName) {
            return printed.contains(jobName) ? new PrintOutcome.Completed("memory:" + jobName)
                    : new PrintOutcome.Failed("never received");
        }
    }

    @Test
    void thousandIssuancesFromEightKiosksEachDocumentBelongsToItsOwnCard() throws Exception {
        Clock clock = Clock.systemUTC();
        try (SimulatedEnvironment demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), clock)) {
            long feesBefore = demo.simulator().feesChargedYen();
            List<SimulatedEnvironment.AnotherKiosk> kiosks = new ArrayList<>();
            List<CheckingPrinter> printers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(HOLDERS.size());
            try {
                List<Future<List<Report.TransactionReport>>> runs = new ArrayList<>();
                for (int k = 0; k < HOLDERS.size(); k++) {
                    Holder holder = HOLDERS.get(k);
                    CheckingPrinter printer = new CheckingPrinter(holder);
                    InMemoryJournal journal = new InMemoryJournal();
                    SimulatedEnvironment.AnotherKiosk kiosk = demo.anotherKiosk("kiosk-load-" + k, printer, journal, clock);
                    kiosks.add(kiosk);
                    printers.add(printer);
                    HeadlessRunner runner = new HeadlessRunner(kiosk.engine(), kiosk.slot(), journal, kiosk.payment());
                    String pin = demo.simulator().card(holder.card()).orElseThrow().pin();
                    List<Scenario.Step> steps = new ArrayList<>();
                    for (int i = 0; i < TRANSACTIONS_PER_KIOSK; i++) {
                        steps.add(new Scenario.Step(holder.card(), List.of(pin), DocumentType.RESIDENT_RECORD_COPY, 1));
                    }
                    runs.add(pool.submit(() -> runner.run(new Scenario(steps)).transactions()));
                }
                Map<String, String> kioskOfIssuance = new ConcurrentHashMap<>();
                for (int k = 0; k < runs.size(); k++) {
                    List<Report.TransactionReport> reports = runs.get(k).get(5, TimeUnit.MINUTES);
                    assertEquals(TRANSACTIONS_PER_KIOSK, reports.size());
                    for (Report.TransactionReport report : reports) {
                        assertEquals("ISSUED", report.outcome(), report.journal().toString());
                        assertEquals(null, kioskOfIssuance.put(report.issuanceId(), HOLDERS.get(k).card()),
                                "an issuance id is issued once");
                    }
                    CheckingPrinter printer = printers.get(k);
                    assertEquals(List.of(), printer.wrong, HOLDERS.get(k).card());
                    assertEquals(TRANSACTIONS_PER_KIOSK, printer.printed.size());
                    assertTrue(reports.stream().map(Report.TransactionReport::issuanceId).collect(Collectors.toSet())
                            .equals(Set.copyOf(printer.printed)), "each kiosk printed exactly its own issuances");
                }
                assertEquals(HOLDERS.size() * TRANSACTIONS_PER_KIOSK, kioskOfIssuance.size());
                assertTrue(demo.simulator().feesChargedYen() > feesBefore);
            } finally {
                pool.shutdownNow();
                kiosks.forEach(SimulatedEnvironment.AnotherKiosk::close);
            }
        }
    }
}
