package jp.certkiosk.app.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.config.EndpointConfig;
import jp.certkiosk.sim.pki.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint that answers every call with a bare 503: the client repeats only the calls the
 * contract makes idempotent (reservation with its key, confirmation, recovery query), never a
 * challenge or a session request.
 */
class RetryOnlyIdempotentCallsTest {
    @TempDir Path dir;
    HttpServer server;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    JerseyIssuanceEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.computeIfAbsent(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    k -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        TestPki pki = TestPki.openOrCreate(dir, Clock.systemUTC(), List.of());
        endpoint = new JerseyIssuanceEndpoint(new EndpointConfig(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), pki.kioskKeyStore("kiosk-1"),
                pki.storePassword(), pki.kioskTrustStore(), pki.storePassword(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), pki.documentSigningAnchor()));
    }

    @AfterEach
    void stop() {
        endpoint.close();
        server.stop(0);
    }

    private int hits(String call) {
        return hits.getOrDefault(call, new AtomicInteger()).get();
    }

    @Test
    void onlyIdempotentCallsAreRepeated() {
        assertInstanceOf(EndpointResult.Unavailable.class, endpoint.challenge("kiosk-1"));
        assertInstanceOf(EndpointResult.Unavailable.class,
                endpoint.openSession(new SessionRequest("c", "kiosk-1", new byte[] {1}, new byte[] {2})));
        assertInstanceOf(EndpointResult.Unavailable.class,
                endpoint.reserve("s-1", new IssuanceRequest("k-1", DocumentType.RESIDENT_RECORD_COPY, 1)));
        assertInstanceOf(EndpointResult.Unavailable.class, endpoint.confirm("i-1", Confirmation.printed()));
        assertInstanceOf(EndpointResult.Unavailable.class, endpoint.state("i-1"));

        assertEquals(1, hits("POST /v1/challenges"));
        assertEquals(1, hits("POST /v1/sessions"), "a session request spends its challenge: never repeated");
        assertEquals(3, hits("POST /v1/sessions/s-1/issuances"), "the idempotency key makes a repeat safe");
        assertEquals(3, hits("POST /v1/issuances/i-1/confirmation"));
        assertEquals(3, hits("GET /v1/issuances/i-1"));
    }
}
