package jp.certkiosk.app.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.app.endpoint.EndpointResult;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.ui.model.Router;
import jp.certkiosk.app.ui.model.Screen;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.virtual.VirtualJpkiCard;
import jp.certkiosk.card.vpcd.VpcdCardLink;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.IssuedCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card failing the kiosk on the real PC/SC stack (javax.smartcardio → pcscd → vsmartcard-vpcd →
 * the virtual card): pulled during VERIFY, during SIGN, while the document is reserved, during
 * payment and when the print is sent, and pcscd restarted in the middle of a transaction. Each ends
 * in a named outcome, on the screen for it, with nothing printed for nobody, every yen given back,
 * and a journal that adds up ({@code journal audit}'s reconciliation, run in process).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CardFaultsOnRealStackTest {
    /** The second vpcd slot, so that a vendor's card process on the first does not interfere. */
    private static final String READER = "Virtual PCD 00 01";
    private static final int PORT = 35964;

    @TempDir
    Path dir;
    private VpcdCardLink link;
    private SimulatedEnvironment demo;

    @BeforeAll
    static void pcscd() {
        pcscdScript("start");
    }

    static void pcscdScript(String action) {
        Path script = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && script == null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("scripts/pcscd.sh"))) {
                script = d.resolve("scripts/pcscd.sh");
            }
        }
        assertTrue(script != null, "scripts/pcscd.sh not found");
        try {
            Process run = new ProcessBuilder(script.toString(), action).redirectErrorStream(true).start();
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "pcscd.sh " + action + " did not finish within 60 s");
            assertEquals(0, run.exitValue(), new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            fail("cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    @BeforeEach
    void start() {
        link = VpcdCardLink.start(VpcdCardLink.DEFAULT_HOST, PORT);
        demo = SimulatedEnvironment.startOnPcsc(dir.resolve("var"), new PrinterConfig(PrinterConfig.Kind.FILE, dir.resolve("out")),
                Clock.systemDefaultZone(), READER);
    }

    @AfterEach
    void stop() {
        link.remove();
        link.close();
        demo.close();
    }

    @Test
    void pulledDuringVerifyAbortsBeforeTheCardCountsATry() throws Exception {
        place("adult");
        FlowState.EnteringPin entering = await(s -> s instanceof FlowState.EnteringPin, FlowState.EnteringPin.class);
        link.removeWhenReceived(0x20); // VERIFY with the PIN: the card is gone before it answers

        FlowState after = type(pinOf("adult"));

        assertInstanceOf(FlowState.Welcome.class, after);
        assertEquals(Screen.WELCOME, Router.route(after).screen());
        assertEnded(entering.transactionId(), JournalStage.ABORTED, "card removed during VERIFY");
        assertAudited(0, 0);
        assertNothingPrinted();
        // the try was never counted: the same card placed again still has three
        place("adult");
        assertEquals(3, await(s -> s instanceof FlowState.EnteringPin, FlowState.EnteringPin.class).triesLeft());
    }

    @Test
    void pulledDuringSignAbortsBeforeASessionOpens() throws Exception {
        place("adult");
        FlowState.EnteringPin entering = await(s -> s instanceof FlowState.EnteringPin, FlowState.EnteringPin.class);
        link.removeWhenReceived(0x2A);

        FlowState after = type(pinOf("adult"));

        assertEquals(Screen.WELCOME, Router.route(after).screen());
        assertEnded(entering.transactionId(), JournalStage.ABORTED, "card removed during SIGN");
        assertTrue(demo.journal().entries().stream().noneMatch(e -> e.stage() == JournalStage.AUTHENTICATED));
        assertAudited(0, 0);
    }

    @Test
    void pulledWhileTheDocumentIsReservedReleasesItWithNoFee() throws Exception {
        String tx = toTheMenu("adult");
        demo.engine().onStateChange(s -> {
            if (s instanceof FlowState.Reserving) {
                link.remove(); // the resident walks away while the endpoint reserves
            }
        });

        demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));

        FlowState end = await(s -> s instanceof FlowState.Welcome, FlowState.Welcome.class);
        assertEquals(Screen.WELCOME, Router.route(end).screen());
        String issuance = assertEnded(tx, JournalStage.ABORTED, "card removed at payment").issuanceId();
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(issuance), "the endpoint is told nothing was printed");
        assertEquals(0, demo.payment().takenYen());
        assertAudited(0, 0);
        assertNothingPrinted();
    }

    @Test
    void pulledDuringPaymentGivesBackWhatWasInserted() throws Exception {
        String tx = toTheMenu("adult");
        FlowState.Paying paying = assertInstanceOf(FlowState.Paying.class,
                demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1)));
        assertEquals(Screen.PAYMENT, Router.route(paying).screen());
        demo.engine().dispatch(new FlowEvent.CashInserted(100));

        link.remove();

        FlowState end = await(s -> s instanceof FlowState.Welcome, FlowState.Welcome.class);
        assertEquals(Screen.WELCOME, Router.route(end).screen());
        assertEnded(tx, JournalStage.ABORTED, "card removed at payment");
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(paying.issuance().issuanceId()));
        Reconciliation.Totals totals = assertAudited(100, 100);
        assertEquals(0, totals.feesKeptYen());
        assertNothingPrinted();
    }

    @Test
    void pulledAsThePrintIsSentPrintsNothingAndRefundsTheFee() throws Exception {
        String tx = toTheMenu("adult");
        FlowState.Paying paying = assertInstanceOf(FlowState.Paying.class,
                demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1)));
        demo.engine().onStateChange(s -> {
            if (s instanceof FlowState.Printing) {
                link.remove(); // gone between the last coin and the job: the binding check finds no card
            }
        });

        FlowState after = demo.engine().dispatch(new FlowEvent.CashInserted(paying.dueYen()));

        if (after instanceof FlowState.TakeCard take) {
            // the removal had not reached the kiosk yet: the result screen shows the failure until it does
            assertInstanceOf(Outcome.PrintFailed.class, take.outcome());
            assertEquals(Screen.RESULT, Router.route(after).screen());
        }
        await(s -> s instanceof FlowState.Welcome, FlowState.Welcome.class);
        assertEnded(tx, JournalStage.PRINT_FAILED, "not the card the document is bound to");
        assertEquals(IssuanceState.Status.FAILED, atEndpoint(paying.issuance().issuanceId()));
        Reconciliation.Totals totals = assertAudited(paying.dueYen(), paying.dueYen());
        assertEquals(0, totals.printed());
        assertNothingPrinted();
    }

    @Test
    void pcscdRestartedMidTransactionAbortsItAndTheKioskReadsTheCardAgain() throws Exception {
        place("adult");
        FlowState.EnteringPin first = await(s -> s instanceof FlowState.EnteringPin, FlowState.EnteringPin.class);

        pcscdScript("restart");

        FlowState.EnteringPin again = await(s -> s instanceof FlowState.EnteringPin e
                && !e.transactionId().equals(first.transactionId()), FlowState.EnteringPin.class);
        assertEquals(Screen.PIN, Router.route(again).screen());
        assertEnded(first.transactionId(), JournalStage.ABORTED, "card removed");
        assertNotEquals(first.transactionId(), again.transactionId(), "nothing of the first transaction carries over");

        // the restarted stack serves the whole issuance
        assertInstanceOf(FlowState.ChoosingDocument.class, type(pinOf("adult")));
        FlowState.Paying paying = assertInstanceOf(FlowState.Paying.class,
                demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1)));
        FlowState done = demo.engine().dispatch(new FlowEvent.CashInserted(paying.dueYen()));
        assertInstanceOf(Outcome.Issued.class, assertInstanceOf(FlowState.TakeCard.class, done).outcome());
        Reconciliation.Totals totals = assertAudited(paying.dueYen(), 0);
        assertEquals(1, totals.printed());
    }

    // --- helpers

    private String pinOf(String profile) {
        return demo.simulator().card(profile).orElseThrow().pin();
    }

    private VirtualJpkiCard place(String profile) {
        IssuedCard issued = demo.simulator().card(profile).orElseThrow();
        VirtualJpkiCard card = new VirtualJpkiCard(VirtualCardState.withPin(issued.pin().toCharArray()),
                issued.authCertificate(), issued.authCaCertificate(), issued.authKey());
        link.insert(card);
        return card;
    }

    private FlowState type(String pin) {
        return demo.engine().dispatch(new FlowEvent.PinEntered(Pin.typed(pin.toCharArray())));
    }

    /** Places the card, types its PIN, and returns the transaction standing at the menu. */
    private String toTheMenu(String profile) throws InterruptedException {
        place(profile);
        FlowState.EnteringPin entering = await(s -> s instanceof FlowState.EnteringPin, FlowState.EnteringPin.class);
        FlowState menu = type(pinOf(profile));
        assertInstanceOf(FlowState.ChoosingDocument.class, menu);
        assertEquals(Screen.MENU, Router.route(menu).screen());
        return entering.transactionId();
    }

    /** The transaction's journal row of {@code stage}, whose note says {@code why}. */
    private JournalEntry assertEnded(String tx, JournalStage stage, String why) {
        List<JournalEntry> entries = demo.journal().entries();
        return entries.stream()
                .filter(e -> e.transactionId().equals(tx) && e.stage() == stage && String.valueOf(e.detail()).contains(why))
                .findFirst()
                .orElseGet(() -> fail("no " + stage + " '" + why + "' for " + tx + " in " + entries));
    }

    private Reconciliation.Totals assertAudited(int takenYen, int refundedYen) {
        Reconciliation.Totals totals = Reconciliation.of(demo.journal().entries()).totals();
        assertTrue(totals.ok(), totals::toString);
        assertEquals(takenYen, totals.takenYen(), totals::toString);
        assertEquals(refundedYen, totals.refundedYen(), totals::toString);
        assertEquals(0, totals.inDoubt(), totals::toString);
        assertEquals(0, totals.owedOpenYen(), totals::toString);
        return totals;
    }

    private IssuanceState.Status atEndpoint(String issuanceId) {
        return ((EndpointResult.Ok<IssuanceState>) demo.endpoint().state(issuanceId)).value().status();
    }

    private void assertNothingPrinted() throws java.io.IOException {
        Path out = dir.resolve("out");
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(), files.toList(), "nothing came out of the printer");
            }
        }
    }

    private <T extends FlowState> T await(Predicate<FlowState> condition, Class<T> type) throws InterruptedException {
        KioskEngine engine = demo.engine();
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            FlowState state = engine.state();
            if (condition.test(state)) {
                return type.cast(state);
            }
            Thread.sleep(50);
        }
        return fail("the flow did not get there within 30 s: " + engine.state());
    }
}
