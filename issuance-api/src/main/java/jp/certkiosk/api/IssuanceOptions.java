package jp.certkiosk.api;

import java.util.List;
import java.util.Set;

/**
 * What a resident-record document shows, as the resident chose it on the kiosk. The
 * resident-record code (住民票コード) is never an option: no kiosk document ever shows it.
 *
 * @param household the whole household, or only the members named in {@code memberRefs}
 * @param memberRefs the chosen members ({@link HouseholdMember#memberRef}), for {@code SELECTED_MEMBERS}
 * @param items the optional items to show; the municipality allows some ({@link Menu#allowedItems})
 */
public record IssuanceOptions(HouseholdScope household, List<String> memberRefs, Set<RecordItem> items) {
    /** 世帯全員 or 世帯の一部. */
    public enum HouseholdScope { WHOLE_HOUSEHOLD, SELECTED_MEMBERS }

    /** Items a resident-record copy shows only when asked for. */
    public enum RecordItem {
        /** 世帯主の氏名と続柄. */
        HEAD_AND_RELATIONSHIP,
        /** 本籍・筆頭者: Japanese nationals only. */
        REGISTERED_DOMICILE,
        /** 国籍・地域, 在留資格: foreign residents only. */
        NATIONALITY_AND_STATUS,
        /** 個人番号: only where the municipality allows it at kiosks. */
        MY_NUMBER
    }

    public IssuanceOptions {
        household = household == null ? HouseholdScope.WHOLE_HOUSEHOLD : household;
        memberRefs = memberRefs == null ? List.of() : List.copyOf(memberRefs);
        items = items == null ? Set.of() : Set.copyOf(items);
    }

    /** The whole household, no optional items: what a request without options gets. */
    public static IssuanceOptions standard() {
        return new IssuanceOptions(HouseholdScope.WHOLE_HOUSEHOLD, List.of(), Set.of());
    }

    public static IssuanceOptions selected(List<String> memberRefs, Set<RecordItem> items) {
        return new IssuanceOptions(HouseholdScope.SELECTED_MEMBERS, memberRefs, items);
    }
}
