package jp.certkiosk.card.apdu;

/**
 * The card is gone: the resident took it off the reader (or it lost power) while the
 * kiosk was talking to it. A normal outcome for the flow, not a defect.
 */
public class CardRemovedException extends CardIoException {

    private static final long serialVersionUID = 1L;

    public CardRemovedException(String message) {
        super(message);
    }

    public CardRemovedException(String message, Throwable cause) {
        super(message, cause);
    }
}
