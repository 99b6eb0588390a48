package jp.certkiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
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
                entry(yesterday, "t0", JournalStage.PAID, "i-0", "fee 999 yen, inserted 999 yen"),
                entry(NOW, "t1", JournalStage.RESERVED, "i-1", "RESIDENT_RECORD_COPY x1, fee 200 yen"),
                entry(NOW, "t1", JournalStage.PAID, "i-1", "fee 200 yen, inserted 500 yen"),
                entry(NOW, "t1", JournalStage.CHANGE_GIVEN, "i-1", "300 yen"),
                entry(NOW, "t1", JournalStage.PRINTED, "i-1", null),
                entry(NOW, "t1", JournalStage.CONFIRMED, "i-1", "ISSUED"),
                entry(NOW, "t2", JournalStage.RESERVED, "i-2", "RESIDENT_RECORD_COPY x2, fee 400 yen"),
                entry(NOW, "t2", JournalStage.PAID, "i-2", "fee 400 yen, inserted 400 yen"),
                entry(NOW, "t2", JournalStage.PRINT_FAILED, "i-2", "media-empty"),
                entry(NOW, "t2", JournalStage.REFUNDED, "i-2", "400 yen"),
                entry(NOW, "t3", JournalStage.RESERVED, "i-3", "RESIDENT_RECORD_COPY x1, fee 200 yen"))
                .forEach(journal::record);
        StaffConsole console = console(journal);

        assertEquals(new StaffConsole.Summary(1, 600, 400, 1, 2), console.today(),
                "i-2 was never confirmed (no CONFIRMED row) and i-3 stopped after the reservation");
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
        assertEquals(List.of("test print: completed", "out of service switched on", "restart requested"), staff);
        assertTrue(dir.resolve("out").toFile().list().length == 1);
    }

    StaffConsole console(InMemoryJournal journal) {
        return new StaffConsole(journal, new FilePrinter(dir.resolve("out")), new SimulatedPaymentDevice(1000),
                () -> StaffConsole.Part.working("reader"), () -> StaffConsole.Part.working("endpoint"), Clock.fixed(NOW, TOKYO), () -> { });
    }

    static JournalEntry entry(Instant at, String tx, JournalStage stage, String issuance, String detail) {
        return new JournalEntry(at, tx, stage, issuance, detail);
    }
}
