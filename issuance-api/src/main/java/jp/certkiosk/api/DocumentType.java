package jp.certkiosk.api;

/** The documents a kiosk can issue. The Japanese titles are the official ones printed on paper. */
public enum DocumentType {
    RESIDENT_RECORD_COPY("住民票の写し"),
    RESIDENT_RECORD_ITEMS("住民票記載事項証明書"),
    SEAL_REGISTRATION("印鑑登録証明書"),
    /** 全部事項証明書 or 個人事項証明書, from the register of the resident's registered domicile (本籍地). */
    FAMILY_REGISTER("戸籍証明書"),
    /** 所得証明書, 課税証明書 or both on one sheet, for a fiscal year (年度) the municipality offers. */
    TAX_CERTIFICATE("所得・課税証明書"),
    /** The address history of the persons in a family register, kept by the domicile's municipality. */
    FAMILY_REGISTER_ANNEX("戸籍の附票の写し");

    private final String japaneseTitle;

    DocumentType(String japaneseTitle) {
        this.japaneseTitle = japaneseTitle;
    }

    public String japaneseTitle() {
        return japaneseTitle;
    }

    /** Documents kept by the municipality of the registered domicile, not of the address. */
    public boolean fromFamilyRegister() {
        return this == FAMILY_REGISTER || this == FAMILY_REGISTER_ANNEX;
    }
}
