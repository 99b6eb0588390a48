package jp.certkiosk.app.ui.model;

import java.util.List;

/** After the card: take the documents from the tray. */
public final class TakeDocumentsModel extends ScreenModel {
    public final Cell<String> body = new Cell<>("");
    public final Cell<String> done = new Cell<>("");

    TakeDocumentsModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("documents.title"));
        body.set(text.text("documents.body"));
        done.set(text.text("documents.done"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.takeDocuments");
    }

    public void done() {
        kiosk.documentsTaken();
    }

    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ENTER) {
            done();
        }
    }
}
