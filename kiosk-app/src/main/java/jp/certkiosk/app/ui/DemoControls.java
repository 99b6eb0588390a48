package jp.certkiosk.app.ui;

import java.util.List;
import java.util.Optional;

/**
 * What only a DEMO kiosk offers on its screens: virtual cards to place and pull, and coins and bills
 * to insert into the simulated acceptor. Present only when the configuration's profile is DEMO.
 */
public interface DemoControls {
    /** The virtual cards that can be placed (none when the kiosk reads a PC/SC reader). */
    List<String> cardProfiles();

    void placeCard(String profile);

    void removeCard();

    Optional<String> cardOnReader();

    void insertMoney(int yen);
}
