package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.sim.pki.TestPki;
import jp.certkiosk.sim.registry.IssuanceLedger;
import jp.certkiosk.sim.registry.RegistryDatabase;
import jp.certkiosk.sim.registry.RegistryServer;
import jp.certkiosk.sim.registry.SeedCard;
import jp.certkiosk.sim.registry.SeedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two simulator instances over one registry served by H2's TCP server, as they run behind a load
 * balancer: whatever one instance decided, the other knows, and the races the real world produces
 * (the same request at the same moment on both) end in one outcome.
 */
class SharedDatabaseTest {
    @TempDir
    static Path dataDir;

    private static final TestClock CLOCK = new TestClock(Instant.now());
    private static RegistryServer server;
    private static RegistryDatabase registry;
    private static MunicipalSimulator first;
    private static MunicipalSimulator second;
    private static TestKiosk atFirst;
    private static TestKiosk atSecond;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void start() {
        server = RegistryServer.start(dataDir.resolve("registry"), 0);
        registry = RegistryDatabase.connect(server.jdbcUrl());
        SimulatorOptions options = new SimulatorOptions(dataDir, "127.0.0.1", 0, CLOCK);
        MunicipalSimulator.prepare(options, registry);
        first = MunicipalSimulator.start(options.sharing(server.jdbcUrl(), "first"));
        second = MunicipalSimulator.start(options.sharing(server.jdbcUrl(), "second"));
        atFirst = new TestKiosk(first.baseUri(), first.kioskCredentials());
        atSecond = new TestKiosk(second.baseUri(), second.kioskCredentials());
    }

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
        atFirst.close();
        atSecond.close();
        if (first != null) {
            first.close();
        }
        second.close();
        registry.close();
        server.close();
    }

    private static IssuedCard card(String profile) {
        return first.card(profile).orElseThrow();
    }

    /** A session opened with a challenge from the first instance, at the second. */
    private static Session session(String profile) {
        SessionRequest signed = atFirst.signed(atFirst.challenge(), card(profile));
        try (Response response = atSecond.post(ApiPaths.SESSIONS, signed)) {
            return TestKiosk.ok(response, Session.class);
        }
    }

    private static Response reserve(TestKiosk kiosk, Session session, String key) {
        return kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest(key, DocumentType.RESIDENT_RECORD_COPY, 1));
    }

    private static ApiError refusal(Response response, int status) {
        try (response) {
            assertEquals(status, response.getStatus());
            return TestKiosk.error(response);
        }
    }

    private static IssuanceState state(TestKiosk kiosk, String issuanceId) {
        try (Response response = kiosk.get(ApiPaths.issuance(issuanceId))) {
            return TestKiosk.ok(response, IssuanceState.class);
        }
    }

    /** Runs the calls at the same moment (a barrier releases them together) and returns their results. */
    private static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(THREADS.submit(() -> {
                barrier.await();
                return call.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static int issuanceRows(String sessionId) throws Exception {
        try (Connection connection = registry.dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM issuance WHERE session_id = ?")) {
            count.setString(1, sessionId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void eachCallOfATransactionMayReachEitherInstance() {
        Session session = session("adult");
        Issuance issuance;
        try (Response response = reserve(atFirst, session, UUID.randomUUID().toString())) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        assertEquals(IssuanceState.Status.RESERVED, state(atSecond, issuance.issuanceId()).status());
        try (Response response = atSecond.confirm(issuance.issuanceId(), Confirmation.printed())) {
            assertEquals(204, response.getStatus());
        }
        IssuanceState printed = state(atFirst, issuance.issuanceId());
        assertEquals(IssuanceState.Status.PRINTED, printed.status());
        assertEquals(issuance.feeYen(), printed.feeChargedYen());
    }

    @Test
    void theSameIdempotencyKeyAtTheSameMomentOnBothInstancesGivesOneIssuance() throws Exception {
        for (int round = 0; round < 5; round++) {
            Session session = session("spouse");
            String key = UUID.randomUUID().toString();
            List<String> ids = together(List.<Callable<String>>of(
                    () -> { try (Response r = reserve(atFirst, session, key)) { return TestKiosk.ok(r, Issuance.class).issuanceId(); } },
                    () -> { try (Response r = reserve(atSecond, session, key)) { return TestKiosk.ok(r, Issuance.class).issuanceId(); } },
                    () -> { try (Response r = reserve(atFirst, session, key)) { return TestKiosk.ok(r, Issuance.class).issuanceId(); } },
                    () -> { try (Response r = reserve(atSecond, session, key)) { return TestKiosk.ok(r, Issuance.class).issuanceId(); } }));
            assertEquals(1, new HashSet<>(ids).size(), "every answer names the same issuance: " + ids);
            assertEquals(1, issuanceRows(session.sessionId()), "one issuance in the ledger");
        }
    }

    @Test
    void aChallengePresentedToBothInstancesAtOnceOpensOneSession() throws Exception {
        for (int round = 0; round < 5; round++) {
            SessionRequest signed = atFirst.signed(atFirst.challenge(), card("single"));
            List<Integer> statuses = together(List.<Callable<Integer>>of(
                    () -> { try (Response r = atFirst.post(ApiPaths.SESSIONS, signed)) { return r.getStatus(); } },
                    () -> { try (Response r = atSecond.post(ApiPaths.SESSIONS, signed)) { return r.getStatus(); } }));
            assertEquals(Set.of(200, 401), new HashSet<>(statuses), "one session, one CHALLENGE_INVALID: " + statuses);
        }
    }

    @Test
    void aSessionReservesABoundedNumberOfDocumentsWhateverTheInstance() throws Exception {
        Session session = session("foreign");
        List<Callable<Integer>> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestKiosk kiosk = i % 2 == 0 ? atFirst : atSecond;
            String key = "key-" + i;
            eight.add(() -> { try (Response r = reserve(kiosk, session, key)) { return r.getStatus(); } });
        }
        List<Integer> statuses = together(eight);
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), "five reserved: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 403).count(), "three refused: " + statuses);
        assertEquals(5, issuanceRows(session.sessionId()));
        assertEquals(ErrorCode.RESERVATION_LIMIT_REACHED,
                refusal(reserve(atSecond, session, "one-more"), 403).code());
        for (int i = 0; i < 8; i++) {
            // a repeat of a key that got its reservation is not a new one: it still answers
            try (Response response = reserve(atFirst, session, "key-" + i)) {
                assertTrue(response.getStatus() == 200 || response.getStatus() == 403);
            }
        }
        assertEquals(5, issuanceRows(session.sessionId()), "repeats count nothing");
    }

    @Test
    void aReservationWithoutConfirmationExpiresToFailedWithoutFee() {
        Session session = session("village");
        Issuance issuance;
        try (Response response = reserve(atFirst, session, UUID.randomUUID().toString())) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        Session other = session("village-spouse");
        Issuance confirmedInTime;
        try (Response response = reserve(atFirst, other, UUID.randomUUID().toString())) {
            confirmedInTime = TestKiosk.ok(response, Issuance.class);
        }
        CLOCK.advance(IssuanceLedger.RESERVATION_LIFETIME.minusSeconds(1));
        try (Response response = atSecond.confirm(confirmedInTime.issuanceId(), Confirmation.printed())) {
            assertEquals(204, response.getStatus(), "a second before the end: still confirmed");
        }
        CLOCK.advance(Duration.ofSeconds(1));

        IssuanceState expired = state(atSecond, issuance.issuanceId());
        assertEquals(IssuanceState.Status.FAILED, expired.status());
        assertEquals(IssuanceLedger.EXPIRED_REASON, expired.failureReason());
        assertEquals(0, expired.feeChargedYen());
        assertEquals(ErrorCode.RESERVATION_EXPIRED,
                refusal(atFirst.confirm(issuance.issuanceId(), Confirmation.printed()), 409).code());
        assertEquals(java.util.List.of(issuance.issuanceId()), new IssuanceLedger(registry, CLOCK).printedAfterExpiry(),
                "the late PRINTED is refused, and kept on record: the document exists");
        try (Response response = atSecond.confirm(issuance.issuanceId(), Confirmation.failed("paper jam"))) {
            assertEquals(204, response.getStatus(), "FAILED agrees with the expiry");
        }
        assertEquals(IssuanceState.Status.PRINTED, state(atFirst, confirmedInTime.issuanceId()).status(),
                "the one confirmed in time stays PRINTED");
    }

    @Test
    void aReservationExpiresAlsoWhenNobodyAsks() {
        Session session = session("aoba-head");
        Issuance issuance;
        try (Response response = reserve(atSecond, session, UUID.randomUUID().toString())) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        CLOCK.advance(IssuanceLedger.RESERVATION_LIFETIME);
        assertTrue(new IssuanceLedger(registry, CLOCK).expireReservations() >= 1, "the sweep ends it");
        IssuanceState expired = state(atFirst, issuance.issuanceId());
        assertEquals(IssuanceState.Status.FAILED, expired.status());
        assertEquals(0, expired.feeChargedYen());
    }

    @Test
    void aLostCardSuspendedAtOneInstanceIsRefusedAtTheOtherAndAfterARestart() {
        X509Certificate certificate = card("aoba-spouse").authCertificate();
        first.revocations().suspend(certificate);
        SessionRequest signed = atSecond.signed(atSecond.challenge(), card("aoba-spouse"));
        assertEquals(ErrorCode.CERTIFICATE_SUSPENDED, refusal(atSecond.post(ApiPaths.SESSIONS, signed), 401).code());

        restartFirst();
        signed = atFirst.signed(atFirst.challenge(), card("aoba-spouse"));
        assertEquals(ErrorCode.CERTIFICATE_SUSPENDED, refusal(atFirst.post(ApiPaths.SESSIONS, signed), 401).code(),
                "the suspension survived the restart");
        second.revocations().reinstate(certificate);
        assertTrue(session("aoba-spouse").sessionId().length() > 0, "found and reinstated: served again");
    }

    @Test
    void aKioskCertificateOfTheKioskCaThatIsNotRegisteredIsRefused() {
        TestPki pki = TestPki.openOrCreate(dataDir.resolve("pki"), Clock.systemUTC(),
                SeedData.CARDS.stream().map(SeedCard::spec).toList());
        KioskCredentials unregistered = new KioskCredentials("kiosk-not-registered",
                pki.kioskKeyStore("kiosk-not-registered"), pki.storePassword(), pki.kioskTrustStore(),
                pki.storePassword());
        try (TestKiosk stranger = new TestKiosk(second.baseUri(), unregistered)) {
            ApiError refused = refusal(stranger.post(ApiPaths.CHALLENGES,
                    new jp.certkiosk.api.ChallengeRequest("kiosk-not-registered")), 403);
            assertEquals(ErrorCode.KIOSK_UNKNOWN, refused.code());
        }
        first.kioskCredentials("kiosk-not-registered");
        try (TestKiosk registered = new TestKiosk(second.baseUri(), unregistered)) {
            assertEquals(32, registered.challenge().nonce().length, "registered at one instance, served by the other");
        }
    }

    /** Restarts the first instance on the same registry. */
    private static void restartFirst() {
        atFirst.close();
        first.close();
        first = null;
        first = MunicipalSimulator.start(new SimulatorOptions(dataDir, "127.0.0.1", 0, CLOCK)
                .sharing(server.jdbcUrl(), "first"));
        atFirst = new TestKiosk(first.baseUri(), first.kioskCredentials());
    }
}
