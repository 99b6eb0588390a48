package jp.certkiosk.app.ui;

import java.util.List;
import java.util.Optional;

/**
 * What a demo configuration adds to the screens: virtual cards to place and pull, coins and bills
 * to insert. Present only in a DEMO configuration; a store's kiosk has a real reader and acceptor.
 */
public interface DemoControls {
    List<String> cardProfiles();

    void placeCard(String profile);

    void removeCard();

    Optional<String> cardOnReader();

    void insertMoney(int yen);
}
