package jp.certkiosk.app.ui.model;

import java.util.List;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.ui.DemoControls;

/** "Place your card": the picture of the reader; in a demo, the virtual cards to place. */
public final class PlaceCardModel extends ScreenModel {
    public final Cell<String> hint = new Cell<>("");
    public final Cell<String> demoCards = new Cell<>("");
    public final Cell<String> back = new Cell<>("");

    PlaceCardModel(KioskModel kiosk) {
        super(kiosk);
    }

    /** The virtual cards of a demo; none on a store's kiosk. */
    public List<String> cardProfiles() {
        return kiosk.demo.map(d -> d.cardProfiles()).orElse(List.of());
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("welcome.prompt"));
        hint.set(text.text("welcome.cardHint"));
        demoCards.set(text.text("welcome.demoCards"));
        back.set(text.text("back"));
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.placeCard");
    }

    /** Demo only: places a virtual card, as a resident places a real one. */
    public void place(String profile) {
        kiosk.touch();
        if (kiosk.outOfServiceNow() || kiosk.demo.isEmpty()) {
            return;
        }
        DemoControls demo = kiosk.demo.get();
        kiosk.setup.background().execute(() -> {
            if (demo.cardOnReader().isEmpty()) {
                demo.placeCard(profile);
                kiosk.flow.dispatch(new FlowEvent.CardInserted(KioskModel.newTransactionId()));
            }
        });
    }

    public void back() {
        kiosk.welcomeStep(KioskModel.WelcomeStep.LANGUAGE);
    }

    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ESCAPE) {
            back();
        }
    }
}
