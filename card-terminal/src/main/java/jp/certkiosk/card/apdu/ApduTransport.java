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
}
