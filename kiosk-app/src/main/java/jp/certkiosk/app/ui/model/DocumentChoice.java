package jp.certkiosk.app.ui.model;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.IssuanceOptions.RegisterExtent;
import jp.certkiosk.api.IssuanceOptions.TaxCertificateKind;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.flow.Flow;

/** What the resident is choosing on the menu, options and copies screens; forgotten when they leave them. */
final class DocumentChoice {
    /**
     * Where the resident stands within the menu: the menu itself, the options of the chosen document
     * (a resident-record copy's, a family register's, a tax certificate's), the copies, or the
     * family register of a domicile elsewhere that cannot be printed here now.
     */
    enum Stage { MENU, OPTIONS, REGISTER_OPTIONS, TAX_OPTIONS, COPIES, DOMICILE }

    Stage stage = Stage.MENU;
    DocumentOffer offer;
    boolean wholeHousehold = true;
    final Set<String> members = new LinkedHashSet<>();
    final Set<IssuanceOptions.RecordItem> items = EnumSet.noneOf(IssuanceOptions.RecordItem.class);
    RegisterExtent registerExtent = RegisterExtent.ALL;
    /** The register's person of a 個人事項証明書, or null while none is chosen. */
    String registerPerson;
    TaxCertificateKind taxKind = TaxCertificateKind.INCOME_AND_TAXATION;
    /** The fiscal year (年度) of a tax certificate, or null while none is chosen. */
    Integer fiscalYear;
    int copies = 1;

    void forget() {
        stage = Stage.MENU;
        offer = null;
        wholeHousehold = true;
        members.clear();
        items.clear();
        registerExtent = RegisterExtent.ALL;
        registerPerson = null;
        taxKind = TaxCertificateKind.INCOME_AND_TAXATION;
        fiscalYear = null;
        copies = 1;
    }

    void choose(DocumentOffer chosen, Menu menu) {
        forget();
        offer = chosen;
        if (offer.type() == DocumentType.TAX_CERTIFICATE && !menu.fiscalYears().isEmpty()) {
            fiscalYear = menu.fiscalYears().get(0); // the newest year the municipality offers
        }
        stage = optionsStage(menu);
    }

    /** The family register of the resident's domicile elsewhere, which this kiosk cannot print now. */
    void domicile() {
        forget();
        stage = Stage.DOMICILE;
    }

    /** The options screen of the chosen document, or the copies where it has no options here. */
    Stage optionsStage(Menu menu) {
        if (offer == null) {
            return Stage.MENU;
        }
        return switch (offer.type()) {
            case RESIDENT_RECORD_COPY -> !menu.householdMembers().isEmpty() || !menu.allowedItems().isEmpty()
                    ? Stage.OPTIONS : Stage.COPIES;
            case FAMILY_REGISTER -> Stage.REGISTER_OPTIONS;
            case TAX_CERTIFICATE -> menu.fiscalYears().isEmpty() ? Stage.COPIES : Stage.TAX_OPTIONS;
            default -> Stage.COPIES;
        };
    }

    boolean hasOptions(Menu menu) {
        return optionsStage(menu) != Stage.COPIES && optionsStage(menu) != Stage.MENU;
    }

    boolean optionsComplete() {
        return wholeHousehold || !members.isEmpty();
    }

    boolean registerOptionsComplete() {
        return registerExtent == RegisterExtent.ALL || registerPerson != null;
    }

    boolean taxOptionsComplete() {
        return fiscalYear != null;
    }

    IssuanceOptions options(Menu menu) {
        return switch (optionsStage(menu)) {
            case OPTIONS -> wholeHousehold
                    ? new IssuanceOptions(IssuanceOptions.HouseholdScope.WHOLE_HOUSEHOLD, List.of(), Set.copyOf(items))
                    : IssuanceOptions.selected(List.copyOf(members), Set.copyOf(items));
            case REGISTER_OPTIONS -> registerExtent == RegisterExtent.INDIVIDUAL
                    ? IssuanceOptions.registerPerson(registerPerson) : IssuanceOptions.wholeRegister();
            case TAX_OPTIONS -> IssuanceOptions.tax(fiscalYear, taxKind);
            default -> IssuanceOptions.standard();
        };
    }

    void copies(int n) {
        copies = Math.max(1, Math.min(Flow.MAX_COPIES, n));
    }

    int fee() {
        return offer == null ? 0 : offer.feeYen() * copies;
    }
}
