package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.flow.FlowState;

/**
 * The documents the resident's municipality issues here, each with its fee. Family-register
 * documents come from the municipality of the resident's registered domicile: where that is
 * elsewhere they say so, and where the kiosk cannot print them now (use registration needed or
 * pending, a domicile that takes no part) one entry leads to the screen that says why and what to do.
 */
public final class MenuModel extends ScreenModel {
    /** The button id of the family register of a domicile elsewhere that cannot be printed here now. */
    public static final String DOMICILE_ID = "doc-domicile";

    /**
     * One entry on the menu: its button id, its caption in the screen's language, and the offer (null
     * for the family register of a domicile that cannot be printed here now).
     */
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
            Menu menu = choosing.session().menu();
            FamilyRegisterAccess register = menu.familyRegister();
            boolean domicileElsewhere = register.municipalityCode() != null
                    && !register.municipalityCode().equals(menu.municipalityCode());
            List<Choice> choices = new ArrayList<>();
            for (DocumentOffer offer : menu.documents()) {
                String fee = offer.type().fromFamilyRegister() && domicileElsewhere
                        ? text.format("menu.feeFromDomicile", offer.feeYen(), register.municipalityName())
                        : text.format("menu.fee", offer.feeYen());
                choices.add(new Choice("doc-" + offer.type().name(), documentName(offer, text), fee, offer));
            }
            if (register.status() != FamilyRegisterAccess.Status.AVAILABLE
                    && register.status() != FamilyRegisterAccess.Status.NONE) {
                String title = DocumentType.FAMILY_REGISTER.japaneseTitle();
                String local = text.text("document." + DocumentType.FAMILY_REGISTER.name());
                choices.add(new Choice(DOMICILE_ID, local.equals(title) ? local : local + " (" + title + ")",
                        text.format("menu.domicile." + register.status().name(), register.municipalityName()), null));
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

    /** An entry of the menu: a document, or the family register of a domicile that cannot be printed here now. */
    public void choose(Choice choice) {
        if (choice.offer() != null) {
            choose(choice.offer());
            return;
        }
        kiosk.touch();
        if (kiosk.state() instanceof FlowState.ChoosingDocument) {
            kiosk.choice.domicile();
            kiosk.update();
        }
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
            choose(shown.get(key.number() - 1));
        } else if (key == KeypadKey.ESCAPE) {
            cancel();
        }
    }
}
