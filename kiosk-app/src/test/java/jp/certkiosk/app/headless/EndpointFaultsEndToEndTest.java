package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.app.flow.CardService;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.journal.Reconciliation;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.config.EndpointConfig;
import jp.certkiosk.printer.FilePrinter;
import jp.certkiosk.sim.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint failing in the ways a network fails, each over real HTTPS with the kiosk's client
 * certificate: down, slower than the read timeout, answering garbage, answering 50 MB, presenting a
 * certificate of another CA. Each ends SERVICE_UNAVAILABLE before any money is taken, with a
 * journal that adds up.
 */
class EndpointFaultsEndToEndTest {
    @TempDir static Path dir;
    static SimulatedEnvironment demo;
    static HttpsServer faulty;
    static HttpsServer impostor;

    @BeforeAll
    static void start() throws Exception {
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemUTC());
        TestPki pki = TestPki.openOrCreate(dir.resolve("var").resolve("sim").resolve("pki"), Clock.systemUTC(), List.of());
        faulty = server(pki.serverSslContext());
        faulty.createContext("/garbage", exchange -> {
            byte[] body = "<html>proxy error</html>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        faulty.createContext("/huge", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('{');
                for (int i = 0; i < 50; i++) {
                    out.write(chunk);
                }
                out.write('}');
            } catch (java.io.IOException closedByTheKiosk) {
                // the kiosk stops reading at its limit
            }
            exchange.close();
        });
        faulty.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        faulty.start();
        TestPki other = TestPki.openOrCreate(dir.resolve("other-pki"), Clock.systemUTC(), List.of());
        impostor = server(other.serverSslContext());
        impostor.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        impostor.start();
    }

    static HttpsServer server(SSLContext tls) throws java.io.IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(true);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        return server;
    }

    @AfterAll
    static void stop() {
        faulty.stop(0);
        impostor.stop(0);
        demo.close();
    }

    Report.TransactionReport playAgainst(URI base) throws java.io.IOException {
        EndpointConfig real = demo.config().endpoint();
        EndpointConfig config = new EndpointConfig(base, real.keyStore(), real.keyStorePassword(), real.trustStore(),
                real.trustStorePassword(), Duration.ofSeconds(2), Duration.ofSeconds(2), real.documentSigningAnchor());
        InMemoryJournal journal = new InMemoryJournal();
        VirtualCardSlot slot = new VirtualCardSlot(VirtualCard.readAll(demo.config().reader().virtualCards()));
        SimulatedPaymentDevice payment = new SimulatedPaymentDevice(1000);
        try (JerseyIssuanceEndpoint endpoint = new JerseyIssuanceEndpoint(config)) {
            KioskEngine engine = new KioskEngine(new Flow(Clock.systemUTC()), demo.config().kioskId(), new CardService(slot),
                    endpoint, new FilePrinter(dir.resolve("paper")), journal,
                    new DocumentVerifier(DocumentVerifier.readAnchor(real.documentSigningAnchor()), demo.config().kioskId(),
                            Clock.systemUTC()), payment);
            String pin = demo.simulator().card("adult").orElseThrow().pin();
            Report.TransactionReport report = new HeadlessRunner(engine, slot, journal, payment)
                    .run(new Scenario(List.of(new Scenario.Step("adult", List.of(pin), DocumentType.RESIDENT_RECORD_COPY, 1))))
                    .transactions().get(0);
            assertEquals(0, payment.takenYen(), "no money taken");
            Reconciliation.Totals totals = Reconciliation.of(journal.entries()).totals();
            assertTrue(totals.ok(), totals::toString);
            return report;
        }
    }

    URI at(HttpsServer server, String path) {
        return URI.create("https://localhost:" + server.getAddress().getPort() + path);
    }

    @Test
    void endpointDown() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Report.TransactionReport report = playAgainst(URI.create("https://localhost:" + closed + "/"));
        assertEquals("SERVICE_UNAVAILABLE", report.outcome(), report.journal().toString());
    }

    @Test
    void endpointSlowerThanTheReadTimeout() throws Exception {
        Report.TransactionReport report = playAgainst(at(faulty, "/slow/"));
        assertEquals("SERVICE_UNAVAILABLE", report.outcome(), report.journal().toString());
    }

    @Test
    void endpointAnsweringGarbage() throws Exception {
        Report.TransactionReport report = playAgainst(at(faulty, "/garbage/"));
        assertEquals("SERVICE_UNAVAILABLE", report.outcome(), report.journal().toString());
    }

    @Test
    void endpointAnswering50Megabytes() throws Exception {
        Report.TransactionReport report = playAgainst(at(faulty, "/huge/"));
        assertEquals("SERVICE_UNAVAILABLE", report.outcome(), report.journal().toString());
        assertTrue(report.journal().stream().anyMatch(line -> line.contains("over")), report.journal().toString());
    }

    @Test
    void endpointWithACertificateOfAnotherCa() throws Exception {
        Report.TransactionReport report = playAgainst(at(impostor, "/"));
        assertEquals("SERVICE_UNAVAILABLE", report.outcome(), report.journal().toString());
    }
}
