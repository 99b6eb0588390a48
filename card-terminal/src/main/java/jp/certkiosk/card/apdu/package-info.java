/**
 * ISO/IEC 7816-4 application protocol data units and the narrow transport seam.
 *
 * <p>This is the lowest layer of the card stack: {@link jp.certkiosk.card.apdu.CommandApdu}
 * and {@link jp.certkiosk.card.apdu.ResponseApdu} are plain byte encoders/decoders, and
 * {@link jp.certkiosk.card.apdu.ApduTransport} is the one thing a card application
 * (such as the JPKI application) needs from a reader, a virtual card or a test script.
 */
package jp.certkiosk.card.apdu;
