package jp.certkiosk.sim.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open sessions: ten minutes each from opening, usable only from the kiosk that opened them. */
public final class SessionBook {
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final ConcurrentMap<String, OpenSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RandomIds ids;

    public SessionBook(Clock clock, RandomIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public OpenSession open(String kioskId, String certificateSha256, String residentId, String municipalityCode) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        OpenSession session = new OpenSession(ids.next(), kioskId, certificateSha256, residentId, municipalityCode,
                now.plus(LIFETIME));
        sessions.put(session.sessionId(), session);
        return session;
    }

    /** The session if it exists, has not expired and was opened by this kiosk. */
    public Optional<OpenSession> find(String sessionId, String kioskId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(sessions.get(sessionId))
                .filter(s -> now.isBefore(s.expiresAt()))
                .filter(s -> s.kioskId().equals(kioskId));
    }
}
