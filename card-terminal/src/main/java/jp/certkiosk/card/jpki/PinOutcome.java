package jp.certkiosk.card.jpki;

/**
 * What the card said to a PIN the resident typed. Expected outcomes are values, not
 * exceptions: the flow shows "wrong PIN, n tries left" or the blocked-card guidance.
 */
public sealed interface PinOutcome permits PinOutcome.Verified, PinOutcome.WrongPin, PinOutcome.Blocked {

    /** The PIN was correct; the card's security status now allows signing with the auth key. */
    record Verified() implements PinOutcome {
    }

    /**
     * The PIN was wrong and the card is not blocked yet.
     *
     * @param triesLeft remaining tries, at least 1
     */
    record WrongPin(int triesLeft) implements PinOutcome {
        public WrongPin {
            if (triesLeft < 1) {
                throw new IllegalArgumentException("a wrong PIN with no tries left is Blocked: " + triesLeft);
            }
        }
    }

    /**
     * The PIN is blocked (no tries left), either by this attempt or before it. Only the
     * municipal office where the resident is registered can unblock it.
     */
    record Blocked() implements PinOutcome {
    }
}
