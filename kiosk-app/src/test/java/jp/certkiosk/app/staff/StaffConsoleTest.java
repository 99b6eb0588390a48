package jp.certkiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalEntry.PrintState;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.printer.FilePrinter;
import jp.certkiosk.printer.PrintOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffConsoleTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant NOW = Instant.parse("2026-11-28T05:00:00Z");
    @TempDir Path dir;

    @Test
    void todaysSummaryCountsIssuedFeesRefundsFailuresAndReservationsLeftInDoubt() {
        InMemoryJournal journal = new InMemoryJournal();
        Instant yesterday = NOW.minusSeconds(86_400);
        List.of(
                entry(yesterday, "t0", JournalStage.PRINTED, "i-0", null),
                money(yesterday, "t0", JournalStage.PAID, "i-0", 999),
                money(NOW, "t1", JournalStage.RESERVED, "i-1", 200),
                money(NOW, "t1", JournalStage.CASH_TAKEN, "i-1", 500),
                money(NOW, "t1", JournalStage.PAID, "i-1", 200),
                money(NOW, "t1", JournalStage.CHANGE_DUE, "i-1", 300),
                money(NOW, "t1", JournalStage.CHANGE_GIVEN, "i-1", 300),
                print(NOW, "t1", JournalStage.PRINTED, "i-1", PrintState.PRINTED),
                print(NOW, "t1", JournalStage.CONFIRMED, "i-1", PrintState.PRINTED),
                money(NOW, "t2", JournalStage.RESERVED, "i-2", 400),
                money(NOW, "t2", JournalStage.CASH_TAKEN, "i-2", 400),
                money(NOW, "t2", JournalStage.PAID, "i-2", 400),
                print(NOW, "t2", JournalStage.PRINT_FAILED, "i-2", PrintState.FAILED),
                money(NOW, "t2", JournalStage.REFUND_DUE, "i-2", 400),
                money(NOW, "t2", JournalStage.REFUNDED, "i-2", 400),
                money(NOW, "t3", JournalStage.RESERVED, "i-3", 200),
                money(NOW, "t3", JournalStage.CASH_TAKEN, "i-3", 200),
                money(NOW, "t3", JournalStage.PAID, "i-3", 200),
                print(NOW, "t3", JournalStage.PRINT_IN_DOUBT, "i-3", PrintState.IN_DOUBT))
                .forEach(journal::record);
        StaffConsole console = console(journal);

        assertEquals(new StaffConsole.Summary(1, 200, 400, 1, 1), console.today(),
                "today: i-1 printed (fee kept), i-2 failed and refunded, i-3 in doubt (its fee held)");
        Reconciliation.Totals audit = console.audit();
        assertTrue(audit.ok(), audit::toString);
        assertEquals(200, audit.heldInDoubtYen());
    }

    @Test
    void aTestPrintReachesThePrinterAndEveryActionIsJournaled() {
        InMemoryJournal journal = new InMemoryJournal();
        StaffConsole console = console(journal);
        assertInstanceOf(PrintOutcome.Completed.class, console.testPrint());
        console.outOfService(true);
        console.restart();
        List<String> staff = journal.entries().stream().filter(e -> e.stage() == JournalStage.STAFF)
                .map(JournalEntry::detail).toList();
        assertEquals(List.of("test print: completed", "restart requested"), staff);
        assertTrue(console.outOfServiceSwitchedOn(), "the switch is a journal row: it survives a restart");
        assertTrue(console(journal).outOfServiceSwitchedOn());
        console.outOfService(false);
        assertFalse(console(journal).outOfServiceSwitchedOn());
        assertTrue(dir.resolve("out").toFile().list().length == 1);
    }

    StaffConsole console(InMemoryJournal journal) {
        return new StaffConsole(journal, new FilePrinter(dir.resolve("out")), new SimulatedPaymentDevice(1000),
                () -> "reader ok", () -> "endpoint ok", Clock.fixed(NOW, TOKYO), () -> { });
    }

    static JournalEntry money(Instant at, String tx, JournalStage stage, String issuance, int yen) {
        return JournalEntry.money(at, tx, stage, issuance, yen, null);
    }

    static JournalEntry print(Instant at, String tx, JournalStage stage, String issuance, PrintState state) {
        return JournalEntry.print(at, tx, stage, issuance, null, state, null);
    }

    static JournalEntry entry(Instant at, String tx, JournalStage stage, String issuance, String detail) {
        return new JournalEntry(at, tx, stage, issuance, detail);
    }
}
