package jp.certkiosk.sim.document;

/**
 * What a copy of the resident record shows beyond the fixed items, as the resident chose it (or
 * the municipality's defaults). Printed in a line under the title, so the reader knows what was
 * left out on purpose. The resident-record code (住民票コード) is never shown at a kiosk.
 */
public record RecordOptions(boolean wholeHousehold, boolean headAndRelationship, boolean registeredDomicile,
                            boolean myNumber) {
    /** The usual choice at a kiosk: the whole household with head and relationships, nothing else. */
    public static RecordOptions defaults() {
        return new RecordOptions(true, true, false, false);
    }

    String line() {
        return "記載事項　" + (wholeHousehold ? "世帯全員" : "世帯の一部")
                + "・世帯主と続柄" + (headAndRelationship ? "あり" : "省略")
                + "・本籍と筆頭者" + (registeredDomicile ? "あり" : "省略")
                + "・個人番号" + (myNumber ? "あり" : "省略")
                + "・住民票コード省略";
    }
}
