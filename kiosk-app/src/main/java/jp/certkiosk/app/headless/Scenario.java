package jp.certkiosk.app.headless;

import java.util.List;
import jp.certkiosk.api.DocumentType;

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
 * resident cancels). {@code document} may be left out to cancel at the menu.
 */
public record Scenario(List<Step> transactions) {
    public Scenario {
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    public record Step(String card, List<String> pins, DocumentType document, Integer copies) {
        public Step {
            pins = pins == null ? List.of() : List.copyOf(pins);
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
