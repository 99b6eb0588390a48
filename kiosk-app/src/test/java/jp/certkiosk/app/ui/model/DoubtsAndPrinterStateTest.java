package jp.certkiosk.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.headless.HeadlessRunner;
import jp.certkiosk.app.headless.Report;
import jp.certkiosk.app.headless.Scenario;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.settle.DoubtRetry;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.ui.Language;
import jp.certkiosk.printer.FilePrinter;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import jp.certkiosk.printer.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A print in doubt while the kiosk runs, and a printer that could not print, as the kiosk and its
 * screens handle them: the kiosk stops selling and shows the "stopped, staff please" screen; a timer
 * (turned by hand here) asks the printer again and the kiosk sells once the job settles; staff settle
 * a doubt from the panel, journaled; a printer out of paper refuses the order before the fee.
 */
class DoubtsAndPrinterStateTest {
    @TempDir
    Path dir;
    private SimulatedEnvironment demo;
    private final InMemoryJournal journal = new InMemoryJournal();
    private MoodyPrinter printer;
    private SimulatedEnvironment.AnotherKiosk kiosk;

    /** A file printer whose state and answers the test sets: silent jobs stay in doubt, a status can block. */
    static final class MoodyPrinter implements Printer {
        final FilePrinter paper;
        volatile boolean answers = true;
        volatile PrinterStatus status = PrinterStatus.readyNow();

        MoodyPrinter(Path out) {
            paper = new FilePrinter(out);
        }

        @Override
        public PrinterStatus status() {
            return status;
        }

        @Override
        public Submission submit(PrintJob job) {
            return paper.submit(job);
        }

        @Override
        public PrintOutcome follow(int jobId) {
            return answers ? paper.follow(jobId) : new PrintOutcome.InDoubt("the printer stopped answering");
        }

        @Override
        public PrintOutcome lookup(String jobName) {
            return answers ? paper.lookup(jobName) : new PrintOutcome.InDoubt("the printer does not answer");
        }
    }

    /** The timer's scheduler, turned by hand: it remembers what it was asked to repeat and how often. */
    static final class HandScheduler extends ScheduledThreadPoolExecutor {
        Runnable turn;
        long everyMillis;

        HandScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            turn = command;
            everyMillis = unit.toMillis(delay);
            return super.schedule(() -> { }, 365, TimeUnit.DAYS);
        }
    }

    @BeforeEach
    void start() {
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC());
        printer = new MoodyPrinter(dir.resolve("paper"));
        kiosk = demo.anotherKiosk("kiosk-moody", printer, journal, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        kiosk.close();
        demo.close();
    }

    private Report.TransactionReport issue(String card) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return new HeadlessRunner(kiosk.engine(), kiosk.slot(), journal, kiosk.payment())
                .run(new Scenario(List.of(new Scenario.Step(card, List.of(pin), DocumentType.RESIDENT_RECORD_COPY, 1))))
                .transactions().get(0);
    }

    private StaffConsole staff() {
        return new StaffConsole(journal, printer, kiosk.payment(), () -> StaffConsole.Part.working("reader"),
                () -> StaffConsole.Part.working("endpoint"), Clock.systemUTC(), () -> { }, kiosk.engine());
    }

    private KioskModel screens(StaffConsole staff) throws java.io.IOException {
        StaffPin.store(dir.resolve("staff-pin"), "246810".toCharArray());
        return new KioskModel(FlowPort.of(kiosk.engine()), kiosk.payment(), staff, StaffPin.load(dir.resolve("staff-pin"), Clock.systemUTC()),
                Optional.empty(), new KioskModel.Setup(Runnable::run, Runnable::run, Clock.systemUTC(), Duration.ofSeconds(60),
                Duration.ofSeconds(90), cue -> { }, (language, key) -> { }));
    }

    private IssuanceState.Status atEndpoint(String issuanceId) {
        return ((EndpointResult.Ok<IssuanceState>) kiosk.endpoint().state(issuanceId)).value().status();
    }

    private Reconciliation.Totals audit() {
        Reconciliation.Totals totals = Reconciliation.of(journal.entries()).totals();
        assertTrue(totals.ok(), totals::toString);
        return totals;
    }

    @Test
    void aDoubtStopsSellingOnScreenAndTheTimerSettlesItOnceThePrinterAnswers() throws Exception {
        printer.answers = false;
        Report.TransactionReport first = issue("adult");
        assertEquals("PRINT_IN_DOUBT", first.outcome(), first.journal().toString());
        KioskModel screens = screens(staff());
        assertEquals(Screen.OUT_OF_SERVICE, screens.screen.get(), "stopped: the resident sees the staff-please screen");
        assertEquals(Messages.of(Language.JAPANESE).text("outOfService.stopped"), screens.outOfService.reason.get());

        HandScheduler timer = new HandScheduler();
        try (DoubtRetry retry = DoubtRetry.on(kiosk.engine()::retryDoubts, timer, Duration.ofSeconds(30))) {
            assertEquals(30_000, timer.everyMillis);
            timer.turn.run(); // the printer still does not answer: still in doubt, still stopped
            screens.tick();
            assertEquals(Screen.OUT_OF_SERVICE, screens.screen.get());
            assertEquals(IssuanceState.Status.RESERVED, atEndpoint(first.issuanceId()), "never confirmed on a guess");

            printer.answers = true;
            timer.turn.run(); // the job is found completed at the printer
            screens.tick();
        } finally {
            timer.shutdownNow();
        }
        assertTrue(kiosk.engine().sellingStopped().isEmpty());
        assertEquals(Screen.WELCOME, screens.screen.get(), "selling again, with nobody pressing a button");
        assertEquals(IssuanceState.Status.PRINTED, atEndpoint(first.issuanceId()));
        assertTrue(journal.entries().stream().anyMatch(e -> e.stage() == JournalStage.PRINT_SETTLED
                && first.issuanceId().equals(e.issuanceId())), journal.entries().toString());
        Reconciliation.Totals totals = audit();
        assertEquals(1, totals.printed());
        assertEquals(200, totals.feesKeptYen());
        assertEquals("ISSUED", issue("spouse").outcome(), "the next resident is served");
    }

    @Test
    void staffSeeEachDoubtOnThePanelAndSettleItThere() throws Exception {
        printer.answers = false;
        Report.TransactionReport first = issue("adult");
        assertEquals("PRINT_IN_DOUBT", first.outcome());
        KioskModel screens = screens(staff());
        StaffPanelModel panel = screens.staffPanel;
        panel.openPanel();

        assertEquals(1, panel.doubts.get().size());
        StaffPanelModel.Doubt doubt = panel.doubts.get().get(0);
        assertEquals(first.issuanceId(), doubt.issuanceId());
        assertTrue(doubt.text().contains(first.issuanceId()) && doubt.text().contains("200"), doubt.text());
        assertTrue(!panel.stopped.get().isEmpty(), "the panel says why the kiosk stopped");

        panel.settleDoubt(doubt.issuanceId(), false); // staff found no pages in the printer

        assertEquals(List.of(), panel.doubts.get());
        assertEquals("", panel.stopped.get());
        assertEquals(Messages.of(Language.JAPANESE).text("staff.settled"), panel.notice.get());
        assertTrue(journal.entries().stream().anyMatch(e -> e.stage() == JournalStage.STAFF
                && String.valueOf(e.detail()).contains("settles print " + first.issuanceId())), "the staff's word is journaled");
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(first.issuanceId()), "the endpoint confirmed not printed");
        assertEquals(200, audit().owedOpenYen(), "a refund owed row for staff to hand over");
        panel.leave();
        screens.tick();
        assertEquals(Screen.WELCOME, screens.screen.get());
    }

    @Test
    void aPrinterOutOfPaperRefusesTheOrderBeforeTheFee() throws Exception {
        printer.status = new PrinterStatus(false, List.of("media-empty"));
        String pin = demo.simulator().card("adult").orElseThrow().pin();
        kiosk.slot().insert("adult");
        kiosk.engine().dispatch(new FlowEvent.CardInserted("tx-paper"));
        kiosk.engine().dispatch(new FlowEvent.PinEntered(Pin.typed(pin.toCharArray())));
        FlowState after = kiosk.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));

        Outcome.PrinterOutOfService refused = assertInstanceOf(Outcome.PrinterOutOfService.class,
                assertInstanceOf(FlowState.TakeCard.class, after).outcome());
        assertEquals("media-empty", refused.reasons());
        assertEquals(Screen.RESULT, Router.route(after).screen());
        Messages en = Messages.of(Language.ENGLISH);
        assertEquals(en.text("outcome.PRINTER_OUT_OF_SERVICE"), ResultModel.outcomeMessage(refused, en));
        assertEquals(0, kiosk.payment().takenYen(), "no fee was asked for");
        assertTrue(journal.entries().stream().noneMatch(e -> e.stage() == JournalStage.RESERVED || e.stage() == JournalStage.PRINT_SENDING));
        assertTrue(journal.entries().stream().anyMatch(e -> e.stage() == JournalStage.PRINTER_NOT_READY), journal.entries().toString());
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(refused.issuanceId()), "the reservation is released");
        assertEquals(0, audit().takenYen());

        printer.status = PrinterStatus.readyNow(); // paper loaded: the next order goes through
        kiosk.engine().dispatch(new FlowEvent.CardRemoved());
        kiosk.slot().remove();
        assertEquals("ISSUED", issue("spouse").outcome());
    }
}
