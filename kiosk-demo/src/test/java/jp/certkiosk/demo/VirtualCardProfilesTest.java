package jp.certkiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import jp.certkiosk.card.jpki.JpkiCard;
import jp.certkiosk.card.jpki.PinOutcome;
import jp.certkiosk.card.virtual.VirtualJpkiCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualCardProfilesTest {
    @TempDir
    Path data;

    @Test
    void theProfilesCoverWhatResidentsCarry() {
        VirtualCardProfiles profiles = VirtualCardProfiles.open(data, Clock.systemDefaultZone());
        for (String name : new String[] {"adult", "minor", "foreign", "expired", "one-try-left", "blocked",
                "not-my-number-card", "garbage"}) {
            assertTrue(profiles.find(name).isPresent(), name);
        }
        assertEquals(1, profiles.triesLeft(profiles.find("one-try-left").orElseThrow()));
        assertEquals(0, profiles.triesLeft(profiles.find("blocked").orElseThrow()));
    }

    @Test
    void aCardsPinCounterCarriesOverToItsNextInsertion() throws Exception {
        VirtualCardProfiles profiles = VirtualCardProfiles.open(data, Clock.systemDefaultZone());
        var adult = profiles.find("adult").orElseThrow();
        VirtualJpkiCard first = profiles.card(adult);
        JpkiCard card = new JpkiCard(first);
        card.selectAp();
        assertEquals(new PinOutcome.WrongPin(2), card.verifyAuthPin("0000".toCharArray()));
        first.remove();

        // a new process reading the same data directory sees the same card
        VirtualCardProfiles later = VirtualCardProfiles.open(data, Clock.systemDefaultZone());
        JpkiCard again = new JpkiCard(later.card(later.find("adult").orElseThrow()));
        again.selectAp();
        assertEquals(2, again.authPinTriesLeft());
        assertEquals(new PinOutcome.Verified(), again.verifyAuthPin(adult.pin().toCharArray()));
        assertEquals(3, later.triesLeft(adult));
    }
}
