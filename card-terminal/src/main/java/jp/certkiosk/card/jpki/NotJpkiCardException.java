package jp.certkiosk.card.jpki;

/**
 * The card has no JPKI application (SELECT AP answered {@code 6A 82}): it is some other IC
 * card, not a My Number Card. The flow asks the resident to place their My Number Card.
 */
public class NotJpkiCardException extends JpkiException {

    private static final long serialVersionUID = 1L;

    public NotJpkiCardException(String step, int sw) {
        super(step, sw, "no JPKI application: not a My Number Card");
    }
}
