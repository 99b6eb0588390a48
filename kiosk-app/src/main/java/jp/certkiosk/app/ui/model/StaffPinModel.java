package jp.certkiosk.app.ui.model;

import java.util.Arrays;
import java.util.List;
import jp.certkiosk.app.staff.StaffPin;

/** The staff PIN pad behind five taps on the hidden corner; wrong PINs double the wait before the next try. */
public final class StaffPinModel extends ScreenModel {
    private static final int MAX_DIGITS = 8;

    public final Cell<String> prompt = new Cell<>("");
    public final Cell<String> dots = new Cell<>("");
    public final Cell<String> notice = new Cell<>("");
    public final Cell<Boolean> okEnabled = new Cell<>(false);
    public final Cell<String> ok = new Cell<>("");
    public final Cell<String> leave = new Cell<>("");

    private final char[] typed = new char[MAX_DIGITS];
    private int count;
    private boolean open;
    private String noticeKey;
    private long noticeSeconds;

    StaffPinModel(KioskModel kiosk) {
        super(kiosk);
    }

    boolean open() {
        return open;
    }

    void openPad() {
        open = true;
        noticeKey = null;
        kiosk.update();
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("staff.title"));
        prompt.set(text.text("staff.enterPin"));
        dots.set("●".repeat(count));
        notice.set(noticeKey == null ? "" : text.format(noticeKey, noticeSeconds));
        okEnabled.set(count > 0);
        ok.set(text.text("pin.ok"));
        leave.set(text.text("back"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of();
    }

    public void digit(char digit) {
        kiosk.idle.touched();
        if (count < typed.length) {
            typed[count++] = digit;
            kiosk.update();
        }
    }

    /** Checks the PIN off the screen's thread (a slow hash by design); the panel opens when it is right. */
    public void submit() {
        kiosk.idle.touched();
        char[] pin = Arrays.copyOf(typed, count);
        wipe();
        kiosk.update();
        kiosk.offScreen(() -> {
            try {
                StaffPin.Check check = kiosk.staffPin.check(pin);
                if (check instanceof StaffPin.Check.Accepted) {
                    kiosk.staff().loggedIn();
                } else if (check instanceof StaffPin.Check.Wrong) {
                    kiosk.staff().loginRefused();
                }
                return check;
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, this::checked);
    }

    private void checked(StaffPin.Check check) {
        if (check instanceof StaffPin.Check.Accepted) {
            open = false;
            noticeKey = null;
            kiosk.staffPanel.openPanel();
            return;
        }
        if (check instanceof StaffPin.Check.Wrong wrong) {
            noticeKey = "staff.wrongPin";
            noticeSeconds = wrong.waitFor().getSeconds();
        } else if (check instanceof StaffPin.Check.TooSoon soon) {
            noticeKey = "staff.tooSoon";
            noticeSeconds = Math.max(1, soon.waitFor().getSeconds());
        }
        kiosk.update();
    }

    public void leave() {
        wipe();
        open = false;
        noticeKey = null;
        kiosk.idle.touched();
        kiosk.update();
    }

    private void wipe() {
        Arrays.fill(typed, '\0');
        count = 0;
    }
}
