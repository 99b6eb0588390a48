package jp.certkiosk.app.ui.model;

import java.util.List;

/** What the resident needs and agrees to before placing the card. */
public final class TermsModel extends ScreenModel {
    public final Cell<String> body = new Cell<>("");
    public final Cell<String> agree = new Cell<>("");
    public final Cell<String> back = new Cell<>("");

    TermsModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("terms.title"));
        body.set(text.text("terms.body"));
        agree.set(text.text("terms.agree"));
        back.set(text.text("back"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.terms");
    }

    public void agree() {
        kiosk.welcomeStep(KioskModel.WelcomeStep.PLACE_CARD);
    }

    public void back() {
        kiosk.welcomeStep(KioskModel.WelcomeStep.LANGUAGE);
    }

    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ENTER) {
            agree();
        } else if (key == KeypadKey.ESCAPE) {
            back();
        }
    }
}
