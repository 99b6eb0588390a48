package jp.certkiosk.app.ui.model;

import java.util.List;

/**
 * The view-model of one screen: what it shows (cells, in the resident's language) and what a touch
 * or a key of the tactile keypad does there. Recomputed when its screen shows or the language,
 * text size or flow state changes; its cells tell the view only of values that changed.
 */
public abstract class ScreenModel {
    protected final KioskModel kiosk;
    public final Cell<String> title = new Cell<>("");

    protected ScreenModel(KioskModel kiosk) {
        this.kiosk = kiosk;
    }

    /** Recomputes what the screen shows. */
    protected abstract void refresh(Messages text);

    /** The voice prompts said when the screen shows ({@code voice.*} keys). */
    public abstract List<String> voiceKeys();

    /** A key of the tactile keypad, in voice mode; keys that mean nothing here are ignored. */
    protected void key(KeypadKey key) {
    }
}
