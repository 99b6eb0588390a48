package jp.certkiosk.app.ui.model;

import java.util.List;

/** While the card, the endpoint or the printer works: what is happening, and nothing to touch. */
public final class BusyModel extends ScreenModel {
    BusyModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        String key = Router.route(kiosk.state()).busyKey();
        title.set(text.text(key == null ? "busy.confirming" : key));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.wait");
    }
}
