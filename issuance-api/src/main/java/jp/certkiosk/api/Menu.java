package jp.certkiosk.api;

import java.util.List;

/** What the resident's municipality offers at this kiosk now. */
public record Menu(String municipalityCode, String municipalityName, List<DocumentOffer> documents) {
    public Menu {
        documents = List.copyOf(documents);
    }
}
