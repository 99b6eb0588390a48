package jp.certkiosk.app.headless;

import java.util.List;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;

/**
 * What a scripted resident does, one transaction after another. Read from JSON:
 *
 * <pre>
 * { "transactions": [
 *     { "card": "adult", "pins": ["1111", "1111", "1234"],
 *       "document": "RESIDENT_RECORD_COPY", "copies": 1 } ] }
 * </pre>
 *
 * PINs are typed in order until the card accepts one, blocks, or the list runs out (then the
 * resident cancels). {@code document} may be left out to cancel at the menu. The choices of a
 * family-register certificate and a tax certificate:
 *
 * <pre>
 * { "card": "adult", "pins": ["1234"], "document": "FAMILY_REGISTER", "register": "INDIVIDUAL", "person": "山田 一郎" }
 * { "card": "adult", "pins": ["1234"], "document": "TAX_CERTIFICATE", "fiscalYear": 2025, "taxKind": "INCOME" }
 * { "card": "domicile-aoba", "pins": ["4040"], "document": "FAMILY_REGISTER", "useRegistration": true }
 * </pre>
 */
public record Scenario(List<Step> transactions) {
    public Scenario {
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /**
     * @param register for FAMILY_REGISTER: ALL (全部事項, the default) or INDIVIDUAL (個人事項 of {@code person})
     * @param person for an INDIVIDUAL family-register certificate: the person's name as the menu shows it
     * @param fiscalYear for TAX_CERTIFICATE: the fiscal year (年度); the newest offered when left out
     * @param taxKind for TAX_CERTIFICATE: INCOME, TAXATION or INCOME_AND_TAXATION (the default)
     * @param useRegistration file the use registration when the domicile's municipality needs one
     *     (instead of choosing the document, which the kiosk then refuses)
     */
    public record Step(String card, List<String> pins, DocumentType document, Integer copies,
                       IssuanceOptions.RegisterExtent register, String person, Integer fiscalYear,
                       IssuanceOptions.TaxCertificateKind taxKind, Boolean useRegistration) {
        public Step {
            pins = pins == null ? List.of() : List.copyOf(pins);
        }

        public Step(String card, List<String> pins, DocumentType document, Integer copies) {
            this(card, pins, document, copies, null, null, null, null, null);
        }

        public boolean filesUseRegistration() {
            return Boolean.TRUE.equals(useRegistration);
        }

        public int copiesOrOne() {
            return copies == null ? 1 : copies;
        }

        @Override
        public String toString() {
            return "Step[card=" + card + ", " + pins.size() + " PIN entries, " + document + " x" + copiesOrOne() + "]";
        }
    }
}
