package jp.certkiosk.sim.document;

import java.time.LocalDate;
import jp.certkiosk.sim.registry.Municipality;

/**
 * The foot of every certificate: the certification sentence, the date of issue in the Japanese
 * era, the mayor with the (simulated) official seal, and the issuance id the document is bound to.
 */
final class CertificationBlock {
    /** The block occupies the page below this height. */
    static final float TOP = 230f;

    private CertificationBlock() {}

    static void add(LayoutBuilder page, String sentence, Municipality municipality, LocalDate issuedOn,
                    String issuanceId) {
        page.text(LayoutBuilder.LEFT + 10f, 200f, 11f, sentence);
        page.text(LayoutBuilder.LEFT + 10f, 175f, 11f, JapaneseEraDate.format(issuedOn));
        page.right(440f, 140f, 13f, municipality.fullName() + "長　" + municipality.mayor());
        page.seal(455f, 112f, 62f, 10f, municipality.name() + "長之印");
        page.text(LayoutBuilder.LEFT + 10f, 80f, 8f, "発行番号　" + issuanceId);
        page.right(LayoutBuilder.RIGHT, 80f, 8f, "試験用の模擬証明書（架空の自治体・住民）");
    }

    /** A small mark at the top of each page: this is simulator output, never a real certificate. */
    static void simulatorMark(LayoutBuilder page) {
        page.right(LayoutBuilder.RIGHT, 812f, 8f, "【試験用・架空データ】");
    }
}
