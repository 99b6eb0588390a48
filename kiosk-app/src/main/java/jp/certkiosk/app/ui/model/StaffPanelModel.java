package jp.certkiosk.app.ui.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.printer.PrintOutcome;

/**
 * The staff panel: the health of each part and today's numbers, a test print, the out-of-service
 * switch and a restart. Every call to the parts runs off the screen's thread.
 */
public final class StaffPanelModel extends ScreenModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public final Cell<String> reader = new Cell<>("");
    public final Cell<String> printer = new Cell<>("");
    public final Cell<String> payment = new Cell<>("");
    public final Cell<String> endpoint = new Cell<>("");
    public final Cell<String> clock = new Cell<>("");
    public final Cell<String> summary = new Cell<>("");
    public final Cell<String> notice = new Cell<>("");
    public final Cell<String> testPrint = new Cell<>("");
    public final Cell<String> outOfService = new Cell<>("");
    public final Cell<String> restart = new Cell<>("");
    public final Cell<String> refreshLabel = new Cell<>("");
    public final Cell<String> leave = new Cell<>("");
    /** Why the kiosk stopped selling (a print in doubt, the journal), or empty while it sells. */
    public final Cell<String> stopped = new Cell<>("");
    /** The prints in doubt, oldest first, each with its two settlements. */
    public final Cell<List<Doubt>> doubts = new Cell<>(List.of());
    public final Cell<String> retryDoubtsLabel = new Cell<>("");

    /** One print in doubt as the panel shows it, with the words of its two buttons. */
    public record Doubt(String issuanceId, String text, String printedLabel, String notPrintedLabel) {}

    private boolean open;
    private StaffConsole.Status status;
    private StaffConsole.Summary today;
    private String noticeKey;
    private List<Reconciliation.IssuanceAccount> openDoubts = List.of();
    private java.util.Optional<String> stoppedBecause = java.util.Optional.empty();

    StaffPanelModel(KioskModel kiosk) {
        super(kiosk);
    }

    boolean open() {
        return open;
    }

    void openPanel() {
        open = true;
        noticeKey = null;
        refreshStatus();
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("staff.title"));
        String checking = text.text("staff.checking");
        reader.set(status == null ? text.format("staff.reader", checking) : text.format("staff.reader", part(status.reader(), text)));
        printer.set(status == null ? text.format("staff.printer", checking) : text.format("staff.printer", part(status.printer(), text)));
        payment.set(status == null ? text.format("staff.payment", checking) : text.format("staff.payment", part(status.payment(), text)));
        endpoint.set(status == null ? text.format("staff.endpoint", checking) : text.format("staff.endpoint", part(status.endpoint(), text)));
        clock.set(text.format("staff.clock", status == null ? checking
                : CLOCK.format(status.clock().atZone(kiosk.setup.clock().getZone()))));
        summary.set(today == null ? "" : text.format("staff.summary", today.issued(), today.feesYen(), today.refundsYen(),
                today.failures(), today.inDoubt()));
        notice.set(noticeKey == null ? "" : text.text(noticeKey));
        testPrint.set(text.text("staff.testPrint"));
        outOfService.set(text.text(kiosk.outOfServiceNow() ? "staff.outOfServiceOff" : "staff.outOfServiceOn"));
        restart.set(text.text("staff.restart"));
        refreshLabel.set(text.text("staff.refresh"));
        leave.set(text.text("staff.leave"));
        stopped.set(stoppedBecause.map(why -> text.format("staff.stopped", why)).orElse(""));
        doubts.set(openDoubts.stream().map(a -> new Doubt(a.issuanceId(), text.format("staff.doubt", a.issuanceId(), a.feeYen()),
                text.text("staff.doubtPrinted"), text.text("staff.doubtNotPrinted"))).toList());
        retryDoubtsLabel.set(text.text("staff.retryDoubts"));
    }

    /** "working" or "not working" in the screen's language, with the part's technical detail. */
    private static String part(StaffConsole.Part part, Messages text) {
        String state = text.text(part.ok() ? "staff.working" : "staff.failing");
        return part.detail() == null || part.detail().isBlank() ? state : state + " (" + part.detail() + ")";
    }

    @Override
    public List<String> voiceKeys() {
        return List.of();
    }

    /** Asks every part how it is, off the screen's thread. */
    public void refreshStatus() {
        kiosk.idle.touched();
        kiosk.offScreen(() -> new Object[] {kiosk.staff().status(), kiosk.staff().today(), kiosk.staff().doubts(),
                kiosk.staff().sellingStopped()}, answer -> {
            status = (StaffConsole.Status) answer[0];
            today = (StaffConsole.Summary) answer[1];
            @SuppressWarnings("unchecked")
            List<Reconciliation.IssuanceAccount> open = (List<Reconciliation.IssuanceAccount>) answer[2];
            openDoubts = open;
            @SuppressWarnings("unchecked")
            java.util.Optional<String> why = (java.util.Optional<String>) answer[3];
            stoppedBecause = why;
            kiosk.update();
        });
        kiosk.update();
    }

    public void testPrint() {
        kiosk.idle.touched();
        kiosk.offScreen(() -> kiosk.staff().testPrint(), outcome -> {
            noticeKey = outcome instanceof PrintOutcome.Completed ? "staff.testPrinted" : "staff.testFailed";
            refreshStatus();
        });
    }

    /**
     * Staff looked at the printer: the pages of this print in doubt came out (the fee is kept, the
     * endpoint told PRINTED) or not (FAILED, and the fee owed to the resident). Journaled by the console.
     */
    public void settleDoubt(String issuanceId, boolean pagesCameOut) {
        kiosk.idle.touched();
        kiosk.offScreen(() -> kiosk.staff().settleDoubt(issuanceId, pagesCameOut), settled -> {
            noticeKey = settled ? "staff.settled" : "staff.notSettled";
            refreshStatus();
        });
    }

    /** Asks the printer and the endpoint again about every print in doubt. */
    public void retryDoubts() {
        kiosk.idle.touched();
        kiosk.offScreen(() -> kiosk.staff().retryDoubts(), still -> refreshStatus());
    }

    public void toggleOutOfService() {
        kiosk.idle.touched();
        boolean on = !kiosk.outOfServiceNow();
        if (on) {
            kiosk.outOfService("outOfService.staff");
        } else {
            kiosk.backInService();
        }
        kiosk.offScreen(() -> {
            kiosk.staff().outOfService(on);
            return on;
        }, done -> refreshStatus());
    }

    public void restart() {
        kiosk.offScreen(() -> {
            kiosk.staff().restart();
            return true;
        }, done -> { });
    }

    public void leave() {
        if (open) {
            kiosk.offScreen(() -> {
                kiosk.staff().loggedOut();
                return true;
            }, done -> { });
        }
        open = false;
        status = null;
        today = null;
        openDoubts = List.of();
        stoppedBecause = java.util.Optional.empty();
        noticeKey = null;
        kiosk.staffPinScreen.leave();
    }

    ZoneId zone() {
        return kiosk.setup.clock().getZone();
    }
}
