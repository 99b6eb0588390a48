package jp.certkiosk.app.ui.model;

import java.util.List;
import jp.certkiosk.app.ui.Language;

/** The welcome screen: the languages, voice guidance, and the start button. */
public final class WelcomeModel extends ScreenModel {
    public final Cell<String> chooseLanguage = new Cell<>("");
    public final Cell<String> start = new Cell<>("");
    public final Cell<Language> chosen = new Cell<>(Language.JAPANESE);

    WelcomeModel(KioskModel kiosk) {
        super(kiosk);
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("welcome.title"));
        chooseLanguage.set(text.text("welcome.chooseLanguage"));
        start.set(text.text("welcome.start"));
        chosen.set(kiosk.language.get());
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.welcome");
    }

    public void choose(Language language) {
        kiosk.chooseLanguage(language);
    }

    public void start() {
        kiosk.welcomeStep(KioskModel.WelcomeStep.TERMS);
    }

    /** Keypad: 1 to 8 choose the languages in the order shown, Enter starts. */
    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ENTER) {
            start();
        } else if (key.isDigit() && key.number() >= 1 && key.number() <= languages().size()) {
            choose(languages().get(key.number() - 1));
        }
    }
}
