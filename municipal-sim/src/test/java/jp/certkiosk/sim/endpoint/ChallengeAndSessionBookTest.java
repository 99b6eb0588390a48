package jp.certkiosk.sim.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import jp.certkiosk.api.Challenge;
import java.nio.file.Path;
import jp.certkiosk.sim.TestClock;
import jp.certkiosk.sim.registry.RegistryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeAndSessionBookTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-11-28T01:00:00Z"));
    private final RandomIds ids = new RandomIds(new SecureRandom());
    @TempDir
    Path directory;
    private RegistryDatabase database;

    @BeforeEach
    void open() {
        database = RegistryDatabase.open(directory);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aChallengeLivesTwoMinutesAndServesOnce() {
        ChallengeBook book = new ChallengeBook(database.dataSource(), clock, ids);
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
        SessionBook book = new SessionBook(database.dataSource(), clock, ids);
        OpenSession session = book.open("kiosk-1", "ab".repeat(32), "R-1", "999001");
        assertTrue(book.find(session.sessionId(), "kiosk-1").isPresent());
        assertTrue(book.find(session.sessionId(), "kiosk-2").isEmpty(), "another kiosk");
        assertTrue(book.find("unknown", "kiosk-1").isEmpty());
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertTrue(book.find(session.sessionId(), "kiosk-1").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(book.find(session.sessionId(), "kiosk-1").isEmpty(), "expired");
    }

    @Test
    void aSessionAndAChallengeOutliveTheBookThatMadeThem() {
        Challenge challenge = new ChallengeBook(database.dataSource(), clock, ids).issue("kiosk-1");
        OpenSession session = new SessionBook(database.dataSource(), clock, ids)
                .open("kiosk-1", "ab".repeat(32), "R-1", "999001");
        database.close();
        database = RegistryDatabase.open(directory);
        assertEquals(session, new SessionBook(database.dataSource(), clock, ids)
                .find(session.sessionId(), "kiosk-1").orElseThrow(), "another instance (or a restart) sees it");
        ChallengeBook another = new ChallengeBook(database.dataSource(), clock, ids);
        assertEquals("kiosk-1", another.consume(challenge.challengeId()).orElseThrow().kioskId());
        assertTrue(another.consume(challenge.challengeId()).isEmpty(), "still single use");
    }
}
