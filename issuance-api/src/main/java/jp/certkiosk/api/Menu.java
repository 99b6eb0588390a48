package jp.certkiosk.api;

import java.util.List;
import java.util.Set;

/**
 * What the resident's municipality offers at this kiosk now.
 *
 * @param documents the documents offered, each with its fee per copy
 * @param allowedItems the optional items of a resident-record copy this municipality allows
 * @param householdMembers the resident's household, for choosing selected members
 */
public record Menu(String municipalityCode, String municipalityName, List<DocumentOffer> documents,
                   Set<IssuanceOptions.RecordItem> allowedItems, List<HouseholdMember> householdMembers) {
    public Menu {
        documents = List.copyOf(documents);
        allowedItems = allowedItems == null ? Set.of() : Set.copyOf(allowedItems);
        householdMembers = householdMembers == null ? List.of() : List.copyOf(householdMembers);
    }

    public Menu(String municipalityCode, String municipalityName, List<DocumentOffer> documents) {
        this(municipalityCode, municipalityName, documents, Set.of(), List.of());
    }
}
