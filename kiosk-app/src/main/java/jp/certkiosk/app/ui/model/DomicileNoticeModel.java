package jp.certkiosk.app.ui.model;

import java.util.List;

/**
 * The family register of the resident's domicile cannot be printed here now, and what to do:
 * the use registration awaits approval (come back in a few days), or the domicile's municipality
 * does not issue at kiosks (please ask it). One instance per screen, each with its own words.
 */
public final class DomicileNoticeModel extends ChoosingStepModel {
    public final Cell<String> message = new Cell<>("");
    public final Cell<String> back = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");
    /** The message keys' prefix and the views' id prefix: {@code useRegistrationPending} or {@code domicileNotParticipating}. */
    public final String name;

    DomicileNoticeModel(KioskModel kiosk, String name) {
        super(kiosk);
        this.name = name;
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text(name + ".title"));
        message.set(text.format(name + ".message", UseRegistrationModel.domicileName(kiosk.state())));
        back.set(text.text("domicile.otherDocuments"));
        cancel.set(text.text("domicile.finish"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.domicile");
    }

    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ESCAPE) {
            back();
        }
    }
}
