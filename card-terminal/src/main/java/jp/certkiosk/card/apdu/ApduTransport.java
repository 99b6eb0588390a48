package jp.certkiosk.card.apdu;

/**
 * A channel to one card: sends a command APDU and returns the card's response.
 *
 * <p>Implemented by the PC/SC reader connection, by the in-process virtual card and by
 * scripted test channels. Transports deliver every well-formed response, whatever its
 * status word; interpreting the status word is the card application's job. Transport-level
 * protocol details (T=0 {@code GET RESPONSE}, chaining) are handled below this interface.
 */
public interface ApduTransport {

    /**
     * Sends one command and waits for its response.
     *
     * @throws CardRemovedException if the card is no longer present
     * @throws CardIoException      if the exchange failed or the response was malformed
     *                              (fewer than two bytes)
     */
    ResponseApdu transmit(CommandApdu command) throws CardIoException;

    /**
     * Reserves the card for this transport until the returned handle is closed, so that no other
     * application's commands interleave with a multi-command sequence (select, then read; select,
     * then verify). Transports without other users (in-process cards, scripts) reserve nothing.
     *
     * @throws CardRemovedException if the card is no longer present
     * @throws CardIoException      if the reservation failed
     */
    default Exclusive exclusive() throws CardIoException {
        return () -> { };
    }

    /** A reservation of the card; {@link #close()} releases it and never throws. */
    interface Exclusive extends AutoCloseable {
        @Override
        void close();
    }
}
