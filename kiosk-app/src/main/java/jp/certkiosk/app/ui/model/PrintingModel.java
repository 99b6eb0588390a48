package jp.certkiosk.app.ui.model;

import java.util.List;

/** Printing: wait, and leave the card on the reader. */
public final class PrintingModel extends ScreenModel {
    public final Cell<String> wait = new Cell<>("");

    PrintingModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("busy.printing"));
        wait.set(text.text("printing.wait"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.printing");
    }
}
