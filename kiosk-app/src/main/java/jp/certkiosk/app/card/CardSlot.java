package jp.certkiosk.app.card;

import java.util.Optional;
import jp.certkiosk.card.apdu.ApduTransport;

/**
 * The reader slot the resident places the card on: the card in it now, if any. Virtual cards in
 * the demo and headless runs; PC/SC readers on a real terminal.
 */
public interface CardSlot {
    Optional<ApduTransport> card();
}
