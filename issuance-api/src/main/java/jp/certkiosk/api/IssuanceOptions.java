package jp.certkiosk.api;

import java.util.List;
import java.util.Set;

/**
 * What a document shows, as the resident chose it on the kiosk. The resident-record code
 * (住民票コード) is never an option: no kiosk document ever shows it.
 *
 * @param household the whole household, or only the members named in {@code memberRefs}
 * @param memberRefs the chosen members ({@link HouseholdMember#memberRef}), for {@code SELECTED_MEMBERS}
 * @param items the optional items to show; the municipality allows some ({@link Menu#allowedItems})
 * @param familyRegister for a family-register document: 全部事項 or 個人事項 (and whose); null elsewhere
 * @param tax for a tax certificate: the fiscal year and which certificate; null elsewhere
 */
public record IssuanceOptions(HouseholdScope household, List<String> memberRefs, Set<RecordItem> items,
                              FamilyRegisterChoice familyRegister, TaxChoice tax) {
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

    /** 全部事項証明書 (every person in the register) or 個人事項証明書 (one person). */
    public enum RegisterExtent { ALL, INDIVIDUAL }

    /**
     * @param personRef for {@link RegisterExtent#INDIVIDUAL}: the person ({@link FamilyRegisterAccess#persons})
     */
    public record FamilyRegisterChoice(RegisterExtent extent, String personRef) {
        public FamilyRegisterChoice {
            extent = extent == null ? RegisterExtent.ALL : extent;
        }
    }

    /** 所得証明書, 課税証明書, or 所得・課税証明書 (both on one sheet). */
    public enum TaxCertificateKind { INCOME, TAXATION, INCOME_AND_TAXATION }

    /** @param fiscalYear the fiscal year (年度), one of {@link Menu#fiscalYears} */
    public record TaxChoice(int fiscalYear, TaxCertificateKind kind) {
        public TaxChoice {
            kind = kind == null ? TaxCertificateKind.INCOME_AND_TAXATION : kind;
        }
    }

    public IssuanceOptions {
        household = household == null ? HouseholdScope.WHOLE_HOUSEHOLD : household;
        memberRefs = memberRefs == null ? List.of() : List.copyOf(memberRefs);
        items = items == null ? Set.of() : Set.copyOf(items);
    }

    /** Options of a resident-record document. */
    public IssuanceOptions(HouseholdScope household, List<String> memberRefs, Set<RecordItem> items) {
        this(household, memberRefs, items, null, null);
    }

    /** The whole household, no optional items: what a request without options gets. */
    public static IssuanceOptions standard() {
        return new IssuanceOptions(HouseholdScope.WHOLE_HOUSEHOLD, List.of(), Set.of());
    }

    public static IssuanceOptions selected(List<String> memberRefs, Set<RecordItem> items) {
        return new IssuanceOptions(HouseholdScope.SELECTED_MEMBERS, memberRefs, items);
    }

    /** 全部事項証明書: every person recorded in the register. */
    public static IssuanceOptions wholeRegister() {
        return new IssuanceOptions(null, null, null, new FamilyRegisterChoice(RegisterExtent.ALL, null), null);
    }

    /** 個人事項証明書 of one person of the register. */
    public static IssuanceOptions registerPerson(String personRef) {
        return new IssuanceOptions(null, null, null, new FamilyRegisterChoice(RegisterExtent.INDIVIDUAL, personRef),
                null);
    }

    public static IssuanceOptions tax(int fiscalYear, TaxCertificateKind kind) {
        return new IssuanceOptions(null, null, null, null, new TaxChoice(fiscalYear, kind));
    }

    /** The same, without the choices of family-register documents and tax certificates. */
    public IssuanceOptions recordPart() {
        return new IssuanceOptions(household, memberRefs, items);
    }
}
