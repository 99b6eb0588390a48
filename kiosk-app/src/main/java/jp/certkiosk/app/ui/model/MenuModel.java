package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.app.flow.FlowState;

/** The documents the resident's municipality issues here, each with its fee. */
public final class MenuModel extends ScreenModel {
    /** One document on the menu: its button id, its caption in the screen's language, and the offer. */
    public record Choice(String id, String name, String fee, DocumentOffer offer) {}

    public final Cell<String> municipality = new Cell<>("");
    public final Cell<List<Choice>> documents = new Cell<>(List.of());
    public final Cell<String> cancel = new Cell<>("");

    MenuModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("menu.title"));
        cancel.set(text.text("cancel"));
        if (kiosk.state() instanceof FlowState.ChoosingDocument choosing) {
            municipality.set(text.format("menu.municipality", choosing.session().menu().municipalityName()));
            List<Choice> choices = new ArrayList<>();
            for (DocumentOffer offer : choosing.session().menu().documents()) {
                choices.add(new Choice("doc-" + offer.type().name(), documentName(offer, text),
                        text.format("menu.fee", offer.feeYen()), offer));
            }
            documents.set(List.copyOf(choices));
        }
    }

    /** The document's name in the screen's language, with its official Japanese title. */
    public static String documentName(DocumentOffer offer, Messages text) {
        String key = "document." + offer.type().name();
        String local = text.has(key) ? text.text(key) : offer.title();
        return local.equals(offer.title()) ? local : local + " (" + offer.title() + ")";
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.menu");
    }

    public void choose(DocumentOffer offer) {
        kiosk.touch();
        if (kiosk.state() instanceof FlowState.ChoosingDocument choosing) {
            kiosk.choice.choose(offer, choosing.session().menu());
            kiosk.update();
        }
    }

    public void cancel() {
        kiosk.cancel();
    }

    /** Keypad: the document's number on the menu, Escape cancels. */
    @Override
    protected void key(KeypadKey key) {
        List<Choice> shown = documents.get();
        if (key.isDigit() && key.number() >= 1 && key.number() <= shown.size()) {
            choose(shown.get(key.number() - 1).offer());
        } else if (key == KeypadKey.ESCAPE) {
            cancel();
        }
    }
}
