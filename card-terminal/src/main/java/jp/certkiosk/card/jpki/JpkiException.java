package jp.certkiosk.card.jpki;

import jp.certkiosk.card.apdu.Hex;

/**
 * The card answered a JPKI protocol step with a status word (or content) the kiosk did not
 * expect. The message names the step and the status word, e.g. {@code "VERIFY auth PIN: 63C1"};
 * when the status word was fine but the response content was not, a detail follows in
 * parentheses, e.g. {@code "SIGN auth key: 9000 (expected a 256-byte signature, got 3 bytes)"}.
 */
public class JpkiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final int sw;

    public JpkiException(String step, int sw) {
        this(step, sw, null, null);
    }

    public JpkiException(String step, int sw, String detail) {
        this(step, sw, detail, null);
    }

    public JpkiException(String step, int sw, String detail, Throwable cause) {
        super(message(step, sw, detail), cause);
        this.step = step;
        this.sw = sw;
    }

    /** The protocol step that failed, e.g. {@code "SIGN auth key"}. */
    public String step() {
        return step;
    }

    /** The status word of the refused response. */
    public int sw() {
        return sw;
    }

    private static String message(String step, int sw, String detail) {
        String base = step + ": " + Hex.sw(sw);
        return detail == null ? base : base + " (" + detail + ")";
    }
}
