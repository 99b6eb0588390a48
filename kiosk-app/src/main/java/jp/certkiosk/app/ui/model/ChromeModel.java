package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;

/** What stands around every screen: the text-size, contrast and voice toggles and the step indicator's words. */
public final class ChromeModel {
    private final KioskModel kiosk;
    public final Cell<String> textSize = new Cell<>("");
    public final Cell<String> contrast = new Cell<>("");
    public final Cell<String> voice = new Cell<>("");
    /** The names of the steps, in {@link Step} order. */
    public final Cell<List<String>> steps = new Cell<>(List.of());

    ChromeModel(KioskModel kiosk) {
        this.kiosk = kiosk;
    }

    void refresh(Messages text) {
        textSize.set(text.text("a11y.textSize"));
        contrast.set(text.text("a11y.contrast"));
        voice.set(text.text(kiosk.voiceOn.get() ? "a11y.voiceOff" : "a11y.voiceOn"));
        List<String> names = new ArrayList<>();
        for (Step step : Step.values()) {
            names.add(text.text(step.key()));
        }
        steps.set(List.copyOf(names));
    }

    public void toggleLargeText() {
        kiosk.toggleLargeText();
    }

    public void toggleHighContrast() {
        kiosk.toggleHighContrast();
    }

    public void toggleVoice() {
        kiosk.toggleVoice();
    }

    public void cornerTapped() {
        kiosk.cornerTapped();
    }
}
