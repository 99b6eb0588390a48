package jp.certkiosk.app.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.app.journal.JournalStage;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * What store staff can see and do once the staff PIN is accepted: the health of reader, printer,
 * payment device, endpoint and clock; today's journal in numbers; a test print; the out-of-service
 * switch; a restart. Every action is journaled under {@link JournalStage#STAFF}.
 */
public final class StaffConsole {
    /** The exit code that asks the supervisor (systemd {@code Restart=on-failure}) to start the kiosk again. */
    public static final int RESTART_EXIT_CODE = 75;
    private static final String STAFF_TX = "staff";

    private final Journal journal;
    private final Printer printer;
    private final PaymentDevice payment;
    private final Supplier<Part> reader;
    private final Supplier<Part> endpoint;
    private final Clock clock;
    private final Runnable restart;
    private final KioskEngine engine;

    public StaffConsole(Journal journal, Printer printer, PaymentDevice payment, Supplier<Part> reader,
                        Supplier<Part> endpoint, Clock clock, Runnable restart) {
        this(journal, printer, payment, reader, endpoint, clock, restart, null);
    }

    /** @param engine the kiosk whose prints in doubt staff settle */
    public StaffConsole(Journal journal, Printer printer, PaymentDevice payment, Supplier<Part> reader,
                        Supplier<Part> endpoint, Clock clock, Runnable restart, KioskEngine engine) {
        this.engine = engine;
        this.journal = journal;
        this.printer = printer;
        this.payment = payment;
        this.reader = reader;
        this.endpoint = endpoint;
        this.clock = clock;
        this.restart = restart;
    }

    /**
     * How one part is: working or not, and a technical detail (a reader's name, a URI, the device's
     * own report) that the staff screen shows as it is; the screen words the rest in its language.
     */
    public record Part(boolean ok, String detail) {
        public static Part working(String detail) {
            return new Part(true, detail);
        }

        public static Part failing(String detail) {
            return new Part(false, detail);
        }
    }

    /** The health of each part, for the staff screen. */
    public record Status(Part reader, Part printer, List<String> printerReasons, Part payment, Part endpoint,
                         Instant clock) {}

    /** Today's transactions in numbers. In doubt: prints nobody can vouch for yet, of any day. */
    public record Summary(int issued, int feesYen, int refundsYen, int failures, int inDoubt) {}

    public Status status() {
        PrinterStatus p = printer.status();
        return new Status(reader.get(), new Part(p.ready(), String.join(", ", p.reasons())), p.reasons(),
                payment.outOfService().isPresent() ? Part.failing(payment.status()) : Part.working(payment.status()),
                endpoint.get(), clock.instant());
    }

    /**
     * Today's transactions in numbers, from the journal's typed columns: documents printed, fees kept,
     * refunds paid, failures; in doubt counts every print not yet settled, whatever its day.
     */
    public Summary today() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        ZoneId zone = clock.getZone();
        List<JournalEntry> all = journal.entries();
        List<JournalEntry> todays = all.stream().filter(e -> LocalDate.ofInstant(e.at(), zone).equals(today)).toList();
        Reconciliation.Totals day = Reconciliation.of(todays).totals();
        int failures = 0;
        for (JournalEntry e : todays) {
            JournalStage stage = e.stage();
            if (stage == JournalStage.PRINT_FAILED || stage == JournalStage.CARD_FAILED
                    || stage == JournalStage.ENDPOINT_UNAVAILABLE || stage == JournalStage.BINDING_REFUSED
                    || stage == JournalStage.PAYOUT_FAILED) {
                failures++;
            }
        }
        return new Summary(day.printed(), day.feesKeptYen(), day.refundedYen(), failures,
                Reconciliation.of(all).inDoubt().size());
    }

    /** The whole journal reconciled: the same totals as {@code ./kiosk journal audit}. */
    public Reconciliation.Totals audit() {
        return Reconciliation.of(journal.entries()).totals();
    }

    /** Prints in doubt, oldest first: what staff must look at on the printer. */
    public List<Reconciliation.IssuanceAccount> doubts() {
        return Reconciliation.of(journal.entries()).inDoubt();
    }

    /** Why the kiosk takes no new resident (a print in doubt, a journal that fails), if it does not. */
    public java.util.Optional<String> sellingStopped() {
        return engine == null ? java.util.Optional.empty() : engine.sellingStopped();
    }

    /**
     * Staff looked at the printer: the pages of the print in doubt came out, or not. Journaled
     * (a STAFF row, then the settlement); false if that print is not in doubt.
     */
    public boolean settleDoubt(String issuanceId, boolean pagesCameOut) {
        if (engine == null) {
            throw new IllegalStateException("this staff console has no kiosk engine to settle with");
        }
        record("settles print " + issuanceId + ": " + (pagesCameOut ? "pages came out" : "no pages came out"));
        return engine.settleByStaff(issuanceId, pagesCameOut);
    }

    /** Asks the printer and the endpoint again about every print in doubt. */
    public List<String> retryDoubts() {
        if (engine == null) {
            return List.of();
        }
        record("asks the printer about prints in doubt");
        return engine.settleDoubts().stillInDoubt();
    }

    public void loggedIn() {
        record("staff mode entered");
    }

    public void loginRefused() {
        record("wrong staff PIN");
    }

    public void loggedOut() {
        record("staff mode left");
    }

    /** Prints one page that names no one, to check paper and toner. */
    public PrintOutcome testPrint() {
        PrintOutcome outcome = printer.print(new PrintJob("test-page-" + clock.millis(), testPage()));
        record("test print: " + outcome.describe());
        return outcome;
    }

    public void outOfService(boolean on) {
        journal.record(new JournalEntry(clock.instant(), STAFF_TX,
                on ? JournalStage.STAFF_OUT_OF_SERVICE : JournalStage.STAFF_BACK_IN_SERVICE, null,
                on ? "out of service switched on" : "out of service switched off"));
    }

    /** Whether staff left the kiosk switched out of service (it stays so across restarts). */
    public boolean outOfServiceSwitchedOn() {
        JournalStage last = null;
        for (JournalEntry e : journal.entries()) {
            if (e.stage() == JournalStage.STAFF_OUT_OF_SERVICE || e.stage() == JournalStage.STAFF_BACK_IN_SERVICE) {
                last = e.stage();
            }
        }
        return last == JournalStage.STAFF_OUT_OF_SERVICE;
    }

    public void restart() {
        record("restart requested");
        restart.run();
    }

    private void record(String what) {
        journal.record(new JournalEntry(clock.instant(), STAFF_TX, JournalStage.STAFF, null, what));
    }

    private byte[] testPage() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
                content.newLineAtOffset(72, 720);
                content.showText("Kiosk test page");
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(0, -32);
                content.showText("Printed from staff mode at " + clock.instant());
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot compose the test page", e);
        }
    }
}
