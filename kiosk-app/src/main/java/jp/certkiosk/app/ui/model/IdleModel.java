package jp.certkiosk.app.ui.model;

/** The "are you still there?" overlay over any screen that waits for the resident. */
public final class IdleModel {
    private final KioskModel kiosk;
    public final Cell<Boolean> shown = new Cell<>(false);
    public final Cell<String> title = new Cell<>("");
    public final Cell<String> body = new Cell<>("");
    public final Cell<String> stillHere = new Cell<>("");
    private long secondsLeft;

    IdleModel(KioskModel kiosk) {
        this.kiosk = kiosk;
    }

    void refresh(Messages text) {
        title.set(text.text("idle.title"));
        body.set(text.format("idle.body", secondsLeft));
        stillHere.set(text.text("idle.stillHere"));
    }

    void show(long left, Messages text) {
        secondsLeft = left;
        refresh(text);
        shown.set(true);
    }

    void dismiss() {
        shown.set(false);
    }

    public void stillHere() {
        kiosk.touch();
        kiosk.update();
    }
}
