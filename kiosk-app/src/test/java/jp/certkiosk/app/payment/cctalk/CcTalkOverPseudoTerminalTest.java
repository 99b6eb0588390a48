package jp.certkiosk.app.payment.cctalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.printer.FilePrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptor on a real serial line: jSerialComm opens one end of a socat pseudo-terminal pair,
 * the emulated selector and hoppers answer on the other, and the polling thread runs as in a store.
 */
class CcTalkOverPseudoTerminalTest {
    @TempDir Path dir;
    private final CcTalkDeviceEmulator emulator = CcTalkPaymentDeviceTest.japaneseCoins(new CcTalkDeviceEmulator(2, true))
            .hopper(3, 20).hopper(4, 0).hopper(5, 0);
    private final List<Integer> credited = new CopyOnWriteArrayList<>();
    private PseudoTerminalBus bus;
    private CcTalkPaymentDevice device;

    @BeforeEach
    void connect() throws Exception {
        bus = new PseudoTerminalBus(dir, emulator);
        device = CcTalkPaymentDevice.open(CcTalkPaymentDeviceTest.config(bus.kioskPort(), Duration.ofMillis(50)));
        assertTrue(device.outOfService().isEmpty(), () -> device.status());
    }

    @AfterEach
    void disconnect() throws Exception {
        device.close();
        bus.close();
    }

    /** Waits for something the polling thread does; the bound only ends a broken test. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "never happened: " + what);
    }

    /** Waits until the selector's buffer was read a few more times: whatever it held has been seen. */
    private void afterSomePolls() throws InterruptedException {
        int reads = emulator.creditReads();
        await("three more credit polls", () -> emulator.creditReads() >= reads + 3);
    }

    @Test
    void coinsAreTakenOnlyWhileAFeeIsDueAndTheSelectorIsInhibitedAtTheFee() throws Exception {
        device.onCashInserted(credited::add);
        assertFalse(emulator.insert(3), "no fee due: the selector hands the coin back");
        afterSomePolls();
        assertEquals(List.of(), credited);

        device.startAccepting(200);
        assertTrue(emulator.masterEnabled());
        assertTrue(emulator.insert(3));
        await("the first coin", () -> credited.size() == 1);
        assertTrue(emulator.masterEnabled(), "100 yen still due");
        assertTrue(emulator.insert(3));
        await("the second coin", () -> credited.size() == 2);
        await("the inhibit", () -> !emulator.masterEnabled());
        assertFalse(emulator.insert(3), "the fee is reached: the slot is closed");
        afterSomePolls();
        assertEquals(List.of(100, 100), credited);
    }

    @Test
    void aDuplicatedOrLostReplyNeverCountsACoinTwice() throws Exception {
        device.onCashInserted(credited::add);
        device.startAccepting(1000);
        emulator.dropReplies(2);
        emulator.insert(3);
        emulator.insert(1);
        afterSomePolls();
        emulator.insert(2);
        afterSomePolls();
        assertEquals(List.of(100, 10, 50), credited);
        assertEquals(3, emulator.creditsLogged());
        assertTrue(device.outOfService().isEmpty(), device.status());
    }

    @Test
    void aReplyThatArrivesTwiceIsReadOnce() throws Exception {
        device.onCashInserted(credited::add);
        device.startAccepting(1000);
        emulator.insert(4);
        emulator.duplicateReplies(4);
        afterSomePolls();
        emulator.insert(1);
        emulator.duplicateReplies(4);
        afterSomePolls();
        assertEquals(List.of(500, 10), credited);
        assertTrue(device.outOfService().isEmpty(), device.status());
        emulator.duplicateReplies(20);
        assertTrue(device.payOut(200).done(), device.status());
        assertEquals(2, emulator.hopper(3).paidTotal, "the hopper's replies twice, its coins once");
    }

    @Test
    void cashNoFeeIsDueForIsJournaledAndWhatAnEmptyHopperCannotPayIsOwed() throws Exception {
        try (H2Journal journal = H2Journal.open(dir.resolve("journal"))) {
            KioskEngine engine = engine(journal);
            device.onCashInserted(yen -> engine.dispatch(new FlowEvent.CashInserted(yen)));
            // a coin slips in while no resident pays (here: the slot opened for a fee nobody is paying)
            device.startAccepting(150);
            emulator.insert(2);
            emulator.insert(3);
            await("the owed row and the refund", () -> journal.entries().stream().anyMatch(e -> e.stage() == JournalStage.PAYOUT_FAILED)
                    && journal.entries().stream().anyMatch(e -> e.stage() == JournalStage.REFUNDED));
            List<JournalEntry> money = journal.entries().stream().filter(e -> e.yen() != null).toList();
            List<String> rows = money.stream().map(e -> e.stage() + " " + e.yen()).toList();
            assertEquals(List.of("CASH_TAKEN 50", "REFUND_DUE 50", "PAYOUT_FAILED 50", "CASH_TAKEN 100", "REFUND_DUE 100",
                    "REFUNDED 100"), rows, "the 50-yen and 10-yen hoppers are empty; the 100-yen one pays");
            assertTrue(money.get(2).detail().contains("paid 0 of 50 yen: hopper 5 (50 yen) paid 0 of 1 coins"),
                    money.get(2).detail());
            assertEquals(1, emulator.hopper(3).paidTotal);
        }
    }

    @Test
    void aDeviceThatGoesSilentPutsTheKioskOutOfService() throws Exception {
        try (H2Journal journal = H2Journal.open(dir.resolve("journal"))) {
            KioskEngine engine = engine(journal);
            assertTrue(engine.sellingStopped().isEmpty());
            emulator.silenceAll();
            await("out of service", () -> device.outOfService().isPresent());
            String stopped = engine.sellingStopped().orElseThrow();
            assertTrue(stopped.startsWith("the coin acceptor is out of service (the coin selector (ccTalk address 2 on "),
                    stopped);
            assertTrue(stopped.contains("stopped answering"), stopped);
            assertInstanceOf(FlowState.Welcome.class, engine.dispatch(new FlowEvent.CardInserted("tx-1")),
                    "no resident is taken");
            StaffConsole staff = new StaffConsole(journal, new FilePrinter(dir.resolve("out")), device,
                    () -> StaffConsole.Part.working("reader"), () -> StaffConsole.Part.working("endpoint"),
                    Clock.systemUTC(), () -> {}, engine);
            StaffConsole.Part payment = staff.status().payment();
            assertFalse(payment.ok(), "the staff panel shows the acceptor failing");
            assertTrue(payment.detail().contains("OUT OF SERVICE: the coin selector"), payment.detail());
            assertEquals(engine.sellingStopped(), staff.sellingStopped());
        }
    }

    private KioskEngine engine(H2Journal journal) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
        // no card, endpoint or printer: cash between residents never reaches them
        return new KioskEngine(new Flow(clock), "kiosk-0001", null, null, null, journal, null, device);
    }
}
