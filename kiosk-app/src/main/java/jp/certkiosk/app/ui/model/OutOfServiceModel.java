package jp.certkiosk.app.ui.model;

import java.util.List;

/** The kiosk takes no card: switched off by staff, or restarting after a fault. */
public final class OutOfServiceModel extends ScreenModel {
    public final Cell<String> reason = new Cell<>("");

    OutOfServiceModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("outOfService.title"));
        if (kiosk.outOfServiceKey() != null) {
            reason.set(text.text(kiosk.outOfServiceKey()));
        }
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.outOfService");
    }
}
