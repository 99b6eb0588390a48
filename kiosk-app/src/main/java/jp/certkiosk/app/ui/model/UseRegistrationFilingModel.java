package jp.certkiosk.app.ui.model;

import java.util.List;

/** While the kiosk files the use registration with the domicile's municipality: free, nothing printed. */
public final class UseRegistrationFilingModel extends ScreenModel {
    public final Cell<String> free = new Cell<>("");

    UseRegistrationFilingModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.format("useRegistrationFiling.title", UseRegistrationModel.domicileName(kiosk.state())));
        free.set(text.text("useRegistration.free"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.wait");
    }
}
