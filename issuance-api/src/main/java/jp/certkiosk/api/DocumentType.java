package jp.certkiosk.api;

/** The documents a kiosk can issue. The Japanese titles are the official ones printed on paper. */
public enum DocumentType {
    RESIDENT_RECORD_COPY("住民票の写し"),
    RESIDENT_RECORD_ITEMS("住民票記載事項証明書"),
    SEAL_REGISTRATION("印鑑登録証明書"),
    FAMILY_REGISTER("戸籍証明書"),
    TAX_CERTIFICATE("所得・課税証明書");

    private final String japaneseTitle;

    DocumentType(String japaneseTitle) {
        this.japaneseTitle = japaneseTitle;
    }

    public String japaneseTitle() {
        return japaneseTitle;
    }
}
