package jp.certkiosk.card.apdu;

import java.io.IOException;

/**
 * The link to the card failed: the reader, the driver or the card did not deliver a
 * well-formed response APDU. Unlike a status word the card chose to send, this says
 * nothing about the card's state; the flow aborts the transaction.
 */
public class CardIoException extends IOException {

    private static final long serialVersionUID = 1L;

    public CardIoException(String message) {
        super(message);
    }

    public CardIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
