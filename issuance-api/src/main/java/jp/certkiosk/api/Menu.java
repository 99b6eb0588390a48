package jp.certkiosk.api;

import java.util.List;
import java.util.Set;

/**
 * What the resident's municipality offers at this kiosk now.
 *
 * @param documents the documents offered, each with its fee per copy; family-register documents
 *     are listed (with the fee of the domicile's municipality) only when {@code familyRegister} is available
 * @param allowedItems the optional items of a resident-record copy this municipality allows
 * @param householdMembers the resident's household, for choosing selected members
 * @param familyRegister whether the resident's family register can be issued here, and why not
 * @param fiscalYears the fiscal years (年度) of the tax certificates offered, newest first
 */
public record Menu(String municipalityCode, String municipalityName, List<DocumentOffer> documents,
                   Set<IssuanceOptions.RecordItem> allowedItems, List<HouseholdMember> householdMembers,
                   FamilyRegisterAccess familyRegister, List<Integer> fiscalYears) {
    public Menu {
        documents = List.copyOf(documents);
        allowedItems = allowedItems == null ? Set.of() : Set.copyOf(allowedItems);
        householdMembers = householdMembers == null ? List.of() : List.copyOf(householdMembers);
        familyRegister = familyRegister == null ? FamilyRegisterAccess.none() : familyRegister;
        fiscalYears = fiscalYears == null ? List.of() : List.copyOf(fiscalYears);
    }

    public Menu(String municipalityCode, String municipalityName, List<DocumentOffer> documents,
                Set<IssuanceOptions.RecordItem> allowedItems, List<HouseholdMember> householdMembers) {
        this(municipalityCode, municipalityName, documents, allowedItems, householdMembers, null, null);
    }

    public Menu(String municipalityCode, String municipalityName, List<DocumentOffer> documents) {
        this(municipalityCode, municipalityName, documents, Set.of(), List.of());
    }

    /** The municipality whose signature a document of this type carries: the domicile's for family-register documents. */
    public String issuingMunicipality(DocumentType type) {
        return type.fromFamilyRegister() && familyRegister.municipalityCode() != null
                ? familyRegister.municipalityCode() : municipalityCode;
    }
}
