package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.ChallengeRequest;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two simulator processes over one H2 server behind a real HAProxy, TLS passed through: a
 * transaction's consecutive calls land on different instances and still make one issuance; when
 * one instance dies, the balancer sends every call to the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorClusterTest {
    @TempDir
    static Path dataDir;

    private static SimulatorCluster cluster;
    private static TestKiosk kiosk;

    @BeforeAll
    static void start() {
        SimulatorOptions options = SimulatorOptions.defaults(dataDir);
        cluster = SimulatorCluster.start(options, 2);
        kiosk = new TestKiosk(cluster.baseUri(), cluster.kioskCredentials("kiosk-cluster-001"));
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String instance(Response response) {
        return response.getHeaderString(SimulatorOptions.INSTANCE_HEADER);
    }

    @Test
    @Order(1)
    void consecutiveCallsOfOneTransactionLandOnDifferentInstances() {
        IssuedCard adult = cluster.cards().stream().filter(card -> card.profile().equals("adult")).findFirst()
                .orElseThrow();
        List<String> answeredBy = new ArrayList<>();
        Challenge challenge;
        try (Response response = kiosk.post(ApiPaths.CHALLENGES, new ChallengeRequest(kiosk.kioskId()))) {
            answeredBy.add(instance(response));
            challenge = TestKiosk.ok(response, Challenge.class);
        }
        SessionRequest signed = kiosk.signed(challenge, adult);
        Session session;
        try (Response response = kiosk.post(ApiPaths.SESSIONS, signed)) {
            answeredBy.add(instance(response));
            session = TestKiosk.ok(response, Session.class);
        }
        Issuance issuance;
        String key = UUID.randomUUID().toString();
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest(key, DocumentType.RESIDENT_RECORD_COPY, 1))) {
            answeredBy.add(instance(response));
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest(key, DocumentType.RESIDENT_RECORD_COPY, 1))) {
            answeredBy.add(instance(response));
            assertEquals(issuance.issuanceId(), TestKiosk.ok(response, Issuance.class).issuanceId(),
                    "the repeat at the other instance gets the same issuance");
        }
        try (Response response = kiosk.confirm(issuance.issuanceId(), Confirmation.printed())) {
            answeredBy.add(instance(response));
            assertEquals(204, response.getStatus());
        }
        try (Response response = kiosk.get(ApiPaths.issuance(issuance.issuanceId()))) {
            answeredBy.add(instance(response));
            assertEquals(IssuanceState.Status.PRINTED, TestKiosk.ok(response, IssuanceState.class).status());
        }
        assertEquals(2, new HashSet<>(answeredBy).size(), "both instances served: " + answeredBy);
        for (int i = 1; i < answeredBy.size(); i++) {
            assertNotEquals(answeredBy.get(i - 1), answeredBy.get(i), "consecutive calls alternate: " + answeredBy);
        }
    }

    @Test
    @Order(2)
    void whenOneInstanceDiesTheOtherServesEveryCall() {
        cluster.kill(0);
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try (Response response = kiosk.post(ApiPaths.CHALLENGES, new ChallengeRequest(kiosk.kioskId()))) {
                assertEquals(200, response.getStatus(), "the balancer passes the call to the living instance");
                answeredBy.add(instance(response));
            }
        }
        assertEquals(List.of("sim-2"), new ArrayList<>(new HashSet<>(answeredBy)), "only sim-2 answers: " + answeredBy);
        assertTrue(cluster.instanceUris().size() == 2);
    }
}
