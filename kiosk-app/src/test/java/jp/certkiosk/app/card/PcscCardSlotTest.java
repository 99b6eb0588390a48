package jp.certkiosk.app.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.virtual.VirtualJpkiCard;
import jp.certkiosk.card.vpcd.VpcdCardLink;
import jp.certkiosk.sim.IssuedCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk on the real PC/SC stack: cards placed on the vpcd reader reach the flow through the card
 * watcher, an issuance goes through pcscd, and a card pulled mid-operation aborts the transaction.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PcscCardSlotTest {
    /** The second vpcd slot, so that a vendor's card process on the first does not interfere. */
    private static final String READER = "Virtual PCD 00 01";
    private static final int PORT = 35964;

    @TempDir
    Path dir;
    private VpcdCardLink link;
    private SimulatedEnvironment demo;

    @BeforeAll
    static void pcscd() throws Exception {
        Path script = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && script == null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("scripts/pcscd.sh"))) {
                script = d.resolve("scripts/pcscd.sh");
            }
        }
        assertTrue(script != null, "scripts/pcscd.sh not found");
        Process start = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true).start();
        assertTrue(start.waitFor(60, TimeUnit.SECONDS), "pcscd did not start within 60 s");
        assertEquals(0, start.exitValue(), new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @BeforeEach
    void start() throws Exception {
        link = VpcdCardLink.start(VpcdCardLink.DEFAULT_HOST, PORT);
        demo = SimulatedEnvironment.startOnPcsc(dir.resolve("var"),
                new jp.certkiosk.config.PrinterConfig(jp.certkiosk.config.PrinterConfig.Kind.FILE, dir.resolve("out")),
                Clock.systemDefaultZone(), READER);
    }

    @AfterEach
    void stop() {
        link.remove();
        link.close();
        demo.close();
    }

    private VirtualJpkiCard place(String profile) {
        IssuedCard issued = demo.simulator().card(profile).orElseThrow();
        VirtualJpkiCard card = new VirtualJpkiCard(VirtualCardState.withPin(issued.pin().toCharArray()),
                issued.authCertificate(), issued.authCaCertificate(), issued.authKey());
        link.insert(card);
        return card;
    }

    private FlowState type(String pin) {
        char[] digits = pin.toCharArray();
        return demo.engine().dispatch(new FlowEvent.PinEntered(Pin.typed(digits)));
    }

    @Test
    void aCardPlacedOnTheReaderIsReadThroughPcscdAndIssued() throws Exception {
        VirtualJpkiCard card = place("adult");
        FlowState.EnteringPin entering = assertInstanceOf(FlowState.EnteringPin.class,
                await(demo.engine(), s -> s instanceof FlowState.EnteringPin));
        assertEquals(3, entering.triesLeft());
        assertTrue(!card.received().isEmpty(), "the card itself answered the kiosk's commands");

        assertInstanceOf(FlowState.ChoosingDocument.class, type(demo.simulator().card("adult").orElseThrow().pin()));
        FlowState paying = demo.engine().dispatch(new FlowEvent.DocumentChosen(DocumentType.RESIDENT_RECORD_COPY, 1));
        FlowState done = demo.engine().dispatch(new FlowEvent.CashInserted(((FlowState.Paying) paying).dueYen()));
        Outcome.Issued issued = assertInstanceOf(Outcome.Issued.class, assertInstanceOf(FlowState.TakeCard.class, done).outcome());
        assertTrue(Files.exists(Path.of(issued.location())));

        link.remove();
        await(demo.engine(), s -> s instanceof FlowState.Welcome);
    }

    @Test
    void aCardPulledDuringSigningAbortsTheTransactionAndNothingReachesTheNextCard() throws Exception {
        place("adult");
        FlowState.EnteringPin entering = assertInstanceOf(FlowState.EnteringPin.class,
                await(demo.engine(), s -> s instanceof FlowState.EnteringPin));
        link.removeWhenReceived(0x2A);
        FlowState after = type(demo.simulator().card("adult").orElseThrow().pin());
        assertInstanceOf(FlowState.Welcome.class, after);
        boolean aborted = false;
        for (JournalEntry entry : demo.journal().entries()) {
            aborted |= entry.transactionId().equals(entering.transactionId())
                    && String.valueOf(entry.detail()).contains("card removed during SIGN");
        }
        assertTrue(aborted, "journal: " + demo.journal().entries());

        // the next resident's card starts a new transaction of its own
        VirtualJpkiCard next = place("spouse");
        FlowState.EnteringPin second = assertInstanceOf(FlowState.EnteringPin.class,
                await(demo.engine(), s -> s instanceof FlowState.EnteringPin));
        assertTrue(!second.transactionId().equals(entering.transactionId()));
        assertEquals(demo.simulator().card("spouse").orElseThrow().authCertificate(),
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(second.card().certificate())));
        assertTrue(next.received().stream().noneMatch(c -> c.ins() == 0x2A || c.ins() == 0x20 && c.nc() > 0),
                "no PIN and no signing command reached the next card");
    }

    private static FlowState await(KioskEngine engine, Predicate<FlowState> condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            FlowState state = engine.state();
            if (condition.test(state)) {
                return state;
            }
            Thread.sleep(50);
        }
        return fail("the flow did not get there within 20 s: " + engine.state());
    }
}
