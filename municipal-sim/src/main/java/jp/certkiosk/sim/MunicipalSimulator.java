package jp.certkiosk.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.TlsProfile;
import jp.certkiosk.sim.document.CertificatePdfWriter;
import jp.certkiosk.sim.document.ResidentRecordDocument;
import jp.certkiosk.sim.document.ResidentRecordItemsDocument;
import jp.certkiosk.sim.document.SealRegistrationDocument;
import jp.certkiosk.sim.document.FamilyRegisterAnnexDocument;
import jp.certkiosk.sim.document.FamilyRegisterDocument;
import jp.certkiosk.sim.document.TaxCertificateDocument;
import jp.certkiosk.sim.endpoint.DomicileDesk;
import jp.certkiosk.sim.registry.FamilyRegisterBook;
import jp.certkiosk.sim.registry.TaxRoll;
import jp.certkiosk.sim.registry.UseRegistrations;
import jp.certkiosk.sim.endpoint.CardAuthenticator;
import jp.certkiosk.sim.endpoint.ChallengeBook;
import jp.certkiosk.sim.endpoint.EndpointApplication;
import jp.certkiosk.sim.endpoint.IssuanceDesk;
import jp.certkiosk.sim.endpoint.MunicipalServices;
import jp.certkiosk.sim.endpoint.OcspHttpHandler;
import jp.certkiosk.sim.endpoint.RandomIds;
import jp.certkiosk.sim.endpoint.SessionBook;
import jp.certkiosk.sim.endpoint.SessionDesk;
import jp.certkiosk.sim.pki.CardKey;
import jp.certkiosk.sim.pki.RevocationRegister;
import jp.certkiosk.sim.pki.TestPki;
import jp.certkiosk.sim.registry.IssuanceLedger;
import jp.certkiosk.sim.registry.KioskRegister;
import jp.certkiosk.sim.registry.RegistryDatabase;
import jp.certkiosk.sim.registry.ResidentRegistry;
import jp.certkiosk.sim.registry.SeedCard;
import jp.certkiosk.sim.registry.SeedData;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * The reference municipal endpoint the kiosk is tested against and the demo runs in-process:
 * version 1 of the issuance contract over HTTPS with mutual TLS (Jersey on Grizzly), a test PKI
 * with virtual My Number Cards and an OCSP responder for them (plain HTTP on loopback, the JDK's
 * small server), per-municipality document-signing keys, and a resident register of fictional
 * people in H2.
 */
public final class MunicipalSimulator implements SimulatedEndpoint, AutoCloseable {
    private static final Logger LOG = System.getLogger(MunicipalSimulator.class.getName());
    /** The kiosk the demo runs as. */
    public static final String DEMO_KIOSK_ID = "kiosk-demo-001";
    /** How often an instance ends the reservations that ran out (any instance may; all do). */
    private static final long EXPIRY_SWEEP_SECONDS = 30;

    private final TestPki pki;
    private final RegistryDatabase database;
    private final CertificatePdfWriter pdfWriter;
    private final HttpServer server;
    private final URI baseUri;
    private final List<IssuedCard> cards;
    private final com.sun.net.httpserver.HttpServer ocspServer;
    private final URI ocspUri;
    private final RevocationRegister revocations;
    private final IssuanceDesk issuanceDesk;
    private final IssuanceLedger ledger;
    private final KioskRegister kiosks;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;
    private DomicileDesk domiciles;
    private boolean closed;

    private MunicipalSimulator(TestPki pki, RegistryDatabase database, CertificatePdfWriter pdfWriter,
                               HttpServer server, URI baseUri, List<IssuedCard> cards,
                               com.sun.net.httpserver.HttpServer ocspServer,
                               URI ocspUri, RevocationRegister revocations, IssuanceDesk issuanceDesk,
                               IssuanceLedger ledger, KioskRegister kiosks, Clock clock,
                               ScheduledExecutorService sweeper) {
        this.pki = pki;
        this.database = database;
        this.pdfWriter = pdfWriter;
        this.server = server;
        this.baseUri = baseUri;
        this.cards = cards;
        this.ocspServer = ocspServer;
        this.ocspUri = ocspUri;
        this.revocations = revocations;
        this.issuanceDesk = issuanceDesk;
        this.ledger = ledger;
        this.kiosks = kiosks;
        this.clock = clock;
        this.sweeper = sweeper;
    }

    /**
     * Opens (or creates on first run) the PKI and the registry in {@code options.dataDir()} and
     * starts the HTTPS endpoint.
     */
    public static MunicipalSimulator start(SimulatorOptions options) {
        TestPki pki = openPki(options);
        RegistryDatabase database = options.shared() ? RegistryDatabase.connect(options.databaseUrl())
                : RegistryDatabase.open(options.dataDir().resolve("registry"));
        CertificatePdfWriter pdf = null;
        com.sun.net.httpserver.HttpServer ocspServer = null;
        ScheduledExecutorService sweeper = null;
        try {
            pdf = CertificatePdfWriter.standard();
            ResidentRegistry registry = seed(pki, database);
            FamilyRegisterBook registers = new FamilyRegisterBook(database);
            TaxRoll taxRoll = new TaxRoll(database);
            KioskRegister kiosks = new KioskRegister(database);
            kiosks.register(DEMO_KIOSK_ID, sha256(pki.kioskCertificate(DEMO_KIOSK_ID)), options.clock().instant());

            RevocationRegister revocations = pki.seededRevocations(database.dataSource());
            ocspServer = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(options.host(), 0), 0);
            ocspServer.createContext("/ocsp", new OcspHttpHandler(pki.ocspResponder(revocations)));
            ocspServer.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "ocsp-responder");
                thread.setDaemon(true);
                return thread;
            }));
            ocspServer.start();
            URI ocspUri = URI.create("http://" + options.host() + ":" + ocspServer.getAddress().getPort() + "/ocsp");

            RandomIds ids = new RandomIds(new SecureRandom());
            MunicipalServices services = new MunicipalServices(SeedData.SERVICES, registry, options.clock(),
                    options.serviceHours());
            SessionBook sessions = new SessionBook(database.dataSource(), options.clock(), ids);
            DomicileDesk domiciles = new DomicileDesk(sessions, registry, registers, new UseRegistrations(database),
                    options.clock());
            services.withDomiciles(domiciles);
            SessionDesk sessionDesk = new SessionDesk(new ChallengeBook(database.dataSource(), options.clock(), ids),
                    sessions, new CardAuthenticator(pki.userAuthenticationCa(), ocspUri, options.clock()), registry,
                    services);
            IssuanceLedger ledger = new IssuanceLedger(database, options.clock());
            IssuanceDesk issuanceDesk = new IssuanceDesk(sessions, registry, ledger,
                    new ResidentRecordDocument(pdf), new SealRegistrationDocument(pdf), services, pki::documentSigner,
                    ids, options.clock())
                    .withItemsCertificate(new ResidentRecordItemsDocument(pdf))
                    .withFamilyRegisters(domiciles, new FamilyRegisterDocument(pdf), new FamilyRegisterAnnexDocument(pdf))
                    .withTaxCertificates(taxRoll, new TaxCertificateDocument(pdf));
            sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "reservation-expiry");
                thread.setDaemon(true);
                return thread;
            });
            sweeper.scheduleWithFixedDelay(() -> expire(ledger), EXPIRY_SWEEP_SECONDS, EXPIRY_SWEEP_SECONDS,
                    TimeUnit.SECONDS);

            SSLEngineConfigurator tls = new SSLEngineConfigurator(pki.serverSslContext(), false, true, false)
                    .setEnabledProtocols(TlsProfile.protocols())
                    .setEnabledCipherSuites(TlsProfile.cipherSuites());
            URI bindUri = URI.create("https://" + options.host() + ":" + options.port() + "/");
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(bindUri,
                    EndpointApplication.create(sessionDesk, issuanceDesk, kiosks, domiciles, options.instanceName()),
                    true, tls, false);
            if (options.shared()) {
                // one call per connection: a load balancer in front (TLS passed through, so it sees
                // connections, not requests) then sends consecutive calls to different instances
                server.getListeners().forEach(listener -> listener.getKeepAlive().setMaxRequestsCount(0));
            }
            server.start();
            int port = server.getListeners().stream().findFirst().map(NetworkListener::getPort)
                    .orElseThrow(() -> new IllegalStateException("the server has no listener"));
            URI baseUri = URI.create("https://localhost:" + port + "/");
            LOG.log(Level.INFO, "municipal endpoint simulator listening at {0}", baseUri);
            return new MunicipalSimulator(pki, database, pdf, server, baseUri, issuedCards(pki), ocspServer, ocspUri,
                    revocations, issuanceDesk, ledger, kiosks, options.clock(), sweeper).withDomiciles(domiciles);
        } catch (IOException | RuntimeException e) {
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
            if (pdf != null) {
                pdf.close();
            }
            if (ocspServer != null) {
                ocspServer.stop(0);
            }
            database.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the HTTPS server", io)
                    : (RuntimeException) e;
        }
    }

    /**
     * Creates or brings up to date what instances share before any of them starts: the test PKI
     * in {@code options.dataDir()} and the seeded registry at {@code registry} (several instances
     * starting at once must find both complete, not write them together).
     */
    public static void prepare(SimulatorOptions options, RegistryDatabase registry) {
        TestPki pki = openPki(options);
        seed(pki, registry);
        pki.seededRevocations(registry.dataSource());
        new KioskRegister(registry).register(DEMO_KIOSK_ID, sha256(pki.kioskCertificate(DEMO_KIOSK_ID)),
                options.clock().instant());
    }

    private static TestPki openPki(SimulatorOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory", e);
        }
        return TestPki.openOrCreate(options.dataDir().resolve("pki"), options.clock(),
                SeedData.CARDS.stream().map(SeedCard::spec).toList());
    }

    private static ResidentRegistry seed(TestPki pki, RegistryDatabase database) {
        ResidentRegistry registry = new ResidentRegistry(database);
        registry.seed(SeedData.MUNICIPALITIES, SeedData.OFFERS, SeedData.HOUSEHOLDS, SeedData.CARDS,
                certificateHashes(pki));
        registry.seedDetails(SeedData.PREVIOUS_ADDRESSES, SeedData.SEAL_IMPRESSIONS);
        new FamilyRegisterBook(database).seed(SeedData.FAMILY_REGISTERS);
        new TaxRoll(database).seed(SeedData.TAX_RECORDS);
        return registry;
    }

    private static void expire(IssuanceLedger ledger) {
        try {
            int expired = ledger.expireReservations();
            if (expired > 0) {
                LOG.log(Level.INFO, "{0} reservations expired without a confirmation (FAILED, no fee)", expired);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot expire reservations now: {0}", e.getMessage());
        }
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return AuthenticationPayload.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a kiosk certificate cannot be encoded", e);
        }
    }

    /** The endpoint's base URI, e.g. {@code https://localhost:8443/}. Paths of {@code ApiPaths} resolve against it. */
    public URI baseUri() {
        return baseUri;
    }

    /** Where the OCSP responder of the user-authentication CA answers (plain HTTP on loopback; responses are signed). */
    public URI ocspUri() {
        return ocspUri;
    }

    @Override
    public List<String> about() {
        return List.of("OCSP responder  " + ocspUri);
    }

    /** The hotline and the municipal office: suspend, revoke or reinstate a card's certificate. */
    public RevocationRegister revocations() {
        return revocations;
    }

    /**
     * The municipal document-signing anchor (DER certificate file): the CA a kiosk trusts for the
     * signature over every document's statement.
     */
    public Path documentSigningAnchor() {
        return pki.documentSigningAnchor();
    }

    /** Makes the next reservation answer wrongly, once: for tests of the kiosk's refusal to print it. */
    public void misissueNext(IssuanceDesk.Misissuance fault) {
        issuanceDesk.misissueNext(fault);
    }

    private MunicipalSimulator withDomiciles(DomicileDesk desk) {
        this.domiciles = desk;
        return this;
    }

    /**
     * The domicile municipalities approve every pending use registration (利用登録申請) now, as their
     * offices do after some days (a registration also approves itself {@code UseRegistrations.APPROVAL_TIME}
     * after filing, by the simulator's clock). Returns how many were approved.
     */
    @Override
    public int approveUseRegistrations() {
        return domiciles.approvePending();
    }

    /** Issuances printed after their reservation expired (FAILED, no fee, the late print recorded). */
    public List<String> printedAfterExpiry() {
        return ledger.printedAfterExpiry();
    }

    /** The fees charged so far: only issuances confirmed PRINTED count. */
    public long feesChargedYen() {
        return ledger.feesChargedYen();
    }

    /** The demo kiosk's TLS credentials ({@value #DEMO_KIOSK_ID}). */
    public KioskCredentials kioskCredentials() {
        return kioskCredentials(DEMO_KIOSK_ID);
    }

    /**
     * TLS credentials for another kiosk id, issued by the kiosk CA on first request and registered
     * in the allow-list of kiosks (for multi-kiosk tests and kiosk configurations).
     */
    public KioskCredentials kioskCredentials(String kioskId) {
        kiosks.register(kioskId, sha256(pki.kioskCertificate(kioskId)), clock.instant());
        return new KioskCredentials(kioskId, pki.kioskKeyStore(kioskId), pki.storePassword(), pki.kioskTrustStore(),
                pki.storePassword());
    }

    /** The virtual cards of the seed data, in seed order. */
    public List<IssuedCard> cards() {
        return cards;
    }

    public Optional<IssuedCard> card(String profile) {
        return cards.stream().filter(card -> card.profile().equals(profile)).findFirst();
    }

    /** Stops the server at once and closes the registry database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sweeper.shutdownNow();
            server.shutdownNow();
            ocspServer.stop(0);
        } finally {
            pdfWriter.close();
            database.close();
        }
        LOG.log(Level.INFO, "municipal endpoint simulator stopped");
    }

    private static Map<String, String> certificateHashes(TestPki pki) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (CardKey card : pki.cards().values()) {
            try {
                hashes.put(card.profile(), AuthenticationPayload.sha256Hex(card.certificate().getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a card certificate cannot be encoded", e);
            }
        }
        return hashes;
    }

    static List<IssuedCard> issuedCards(TestPki pki) {
        return SeedData.CARDS.stream()
                .map(seed -> {
                    CardKey key = pki.card(seed.profile()).orElseThrow();
                    return new IssuedCard(seed.profile(), seed.pin(), key.privateKey(), key.certificate(), key.issuer());
                })
                .toList();
    }
}
