package jp.certkiosk.sim.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.sim.TestClock;
import org.junit.jupiter.api.Test;

class ChallengeAndSessionBookTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-11-28T01:00:00Z"));
    private final RandomIds ids = new RandomIds(new SecureRandom());

    @Test
    void aChallengeLivesTwoMinutesAndServesOnce() {
        ChallengeBook book = new ChallengeBook(clock, ids);
        Challenge challenge = book.issue("kiosk-1");
        assertEquals(32, challenge.nonce().length);
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), challenge.expiresAt());
        clock.advance(Duration.ofSeconds(119));
        assertEquals("kiosk-1", book.consume(challenge.challengeId()).orElseThrow().kioskId());
        assertTrue(book.consume(challenge.challengeId()).isEmpty(), "single use");

        Challenge late = book.issue("kiosk-1");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(book.consume(late.challengeId()).isEmpty(), "expired");
    }

    @Test
    void aSessionLivesTenMinutesAtItsOwnKiosk() {
        SessionBook book = new SessionBook(clock, ids);
        OpenSession session = book.open("kiosk-1", "ab".repeat(32), "R-1", "999001");
        assertTrue(book.find(session.sessionId(), "kiosk-1").isPresent());
        assertTrue(book.find(session.sessionId(), "kiosk-2").isEmpty(), "another kiosk");
        assertTrue(book.find("unknown", "kiosk-1").isEmpty());
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertTrue(book.find(session.sessionId(), "kiosk-1").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(book.find(session.sessionId(), "kiosk-1").isEmpty(), "expired");
    }
}
