/**
 * The kiosk's card reader over PC/SC ({@code javax.smartcardio} → libpcsclite → pcscd):
 * {@link jp.certkiosk.card.pcsc.PcscTransport}, an {@link jp.certkiosk.card.apdu.ApduTransport} on
 * one connected card, and {@link jp.certkiosk.card.pcsc.CardWatcher}, the one thread that turns
 * reader and card changes into {@link jp.certkiosk.card.pcsc.ReaderEvent}s.
 */
package jp.certkiosk.card.pcsc;
