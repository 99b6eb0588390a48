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
import jp.certkiosk.app.journal.Journal;
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

    public StaffConsole(Journal journal, Printer printer, PaymentDevice payment, Supplier<Part> reader,
                        Supplier<Part> endpoint, Clock clock, Runnable restart) {
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

    /** Today's transactions in numbers. In doubt: reserved, never confirmed as printed or failed. */
    public record Summary(int issued, int feesYen, int refundsYen, int failures, int inDoubt) {}

    public Status status() {
        PrinterStatus p = printer.status();
        return new Status(reader.get(), new Part(p.ready(), String.join(", ", p.reasons())), p.reasons(),
                Part.working(payment.status()), endpoint.get(), clock.instant());
    }

    public Summary today() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        ZoneId zone = clock.getZone();
        int issued = 0;
        int fees = 0;
        int refunds = 0;
        int failures = 0;
        Set<String> reserved = new HashSet<>();
        Set<String> settled = new HashSet<>();
        for (JournalEntry e : journal.entries()) {
            if (!LocalDate.ofInstant(e.at(), zone).equals(today)) {
                continue;
            }
            JournalStage stage = e.stage();
            if (stage == JournalStage.PRINTED) {
                issued++;
            } else if (stage == JournalStage.PAID) {
                fees += yen(e.detail(), "fee ");
            } else if (stage == JournalStage.REFUNDED) {
                refunds += yen(e.detail(), "");
            } else if (stage == JournalStage.PRINT_FAILED || stage == JournalStage.CARD_FAILED
                    || stage == JournalStage.ENDPOINT_UNAVAILABLE || stage == JournalStage.BINDING_REFUSED
                    || stage == JournalStage.PAYOUT_FAILED) {
                failures++;
            }
            if (stage == JournalStage.RESERVED) {
                reserved.add(e.issuanceId());
            } else if (stage == JournalStage.CONFIRMED) {
                settled.add(e.issuanceId());
            }
        }
        reserved.removeAll(settled);
        return new Summary(issued, fees, refunds, failures, reserved.size());
    }

    private static int yen(String detail, String prefix) {
        if (detail == null || !detail.startsWith(prefix)) {
            return 0;
        }
        String rest = detail.substring(prefix.length());
        int end = rest.indexOf(' ');
        try {
            return Integer.parseInt(end < 0 ? rest : rest.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
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
        record("test print: " + (outcome instanceof PrintOutcome.Completed ? "completed" : ((PrintOutcome.Failed) outcome).reason()));
        return outcome;
    }

    public void outOfService(boolean on) {
        record(on ? "out of service switched on" : "out of service switched off");
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
