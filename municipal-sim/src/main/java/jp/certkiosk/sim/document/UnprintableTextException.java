package jp.certkiosk.sim.document;

/**
 * A certificate holds a character the font cannot draw (or a variation selector PDFBox would
 * ignore): it must not be printed at all, rather than printed with a wrong or missing glyph. The
 * message never names the character, so it can be logged.
 */
public final class UnprintableTextException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnprintableTextException(String message) {
        super(message);
    }
}
