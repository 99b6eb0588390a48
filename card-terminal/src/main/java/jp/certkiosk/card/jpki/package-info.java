/**
 * The JPKI application of the My Number Card (公的個人認証サービス), as far as the kiosk uses it.
 *
 * <p>Layers, bottom up: {@link jp.certkiosk.card.jpki.JpkiFile} (file ids and the application
 * identifier as data), {@link jp.certkiosk.card.jpki.JpkiCommands} (pure APDU encoders),
 * {@link jp.certkiosk.card.jpki.JpkiCard} (the protocol over an
 * {@link jp.certkiosk.card.apdu.ApduTransport}), and immutable results such as
 * {@link jp.certkiosk.card.jpki.PinOutcome}. Errors name the protocol step that failed.
 */
package jp.certkiosk.card.jpki;
