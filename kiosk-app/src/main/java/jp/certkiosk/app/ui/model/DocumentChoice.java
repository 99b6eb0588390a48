package jp.certkiosk.app.ui.model;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.flow.Flow;

/** What the resident is choosing on the menu, options and copies screens; forgotten when they leave them. */
final class DocumentChoice {
    enum Stage { MENU, OPTIONS, COPIES }

    Stage stage = Stage.MENU;
    DocumentOffer offer;
    boolean wholeHousehold = true;
    final Set<String> members = new LinkedHashSet<>();
    final Set<IssuanceOptions.RecordItem> items = EnumSet.noneOf(IssuanceOptions.RecordItem.class);
    int copies = 1;

    void forget() {
        stage = Stage.MENU;
        offer = null;
        wholeHousehold = true;
        members.clear();
        items.clear();
        copies = 1;
    }

    void choose(DocumentOffer chosen, Menu menu) {
        forget();
        offer = chosen;
        stage = hasOptions(menu) ? Stage.OPTIONS : Stage.COPIES;
    }

    /** A resident-record copy lets the resident choose members and items, where the menu offers any. */
    boolean hasOptions(Menu menu) {
        return offer != null && offer.type() == DocumentType.RESIDENT_RECORD_COPY
                && (!menu.householdMembers().isEmpty() || !menu.allowedItems().isEmpty());
    }

    boolean optionsComplete() {
        return wholeHousehold || !members.isEmpty();
    }

    IssuanceOptions options(Menu menu) {
        if (!hasOptions(menu)) {
            return IssuanceOptions.standard();
        }
        return wholeHousehold
                ? new IssuanceOptions(IssuanceOptions.HouseholdScope.WHOLE_HOUSEHOLD, List.of(), Set.copyOf(items))
                : IssuanceOptions.selected(List.copyOf(members), Set.copyOf(items));
    }

    void copies(int n) {
        copies = Math.max(1, Math.min(Flow.MAX_COPIES, n));
    }

    int fee() {
        return offer == null ? 0 : offer.feeYen() * copies;
    }
}
