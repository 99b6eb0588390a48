package jp.certkiosk.sim.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The simulator's test PKI: a user-authentication CA shaped like JPKI's and the virtual cards it
 * personalised, a CA for kiosks and the kiosk client certificates, and a CA for the endpoint's
 * TLS server certificate. Generated on first use and kept as PKCS12 files in one directory, so a
 * restart on the same directory presents the same certificates (a virtual card whose certificate
 * no longer fits its condition at the clock's time, e.g. the not-yet-valid one a month later, is
 * personalised anew).
 *
 * <p>Every name here is a fictional test name: nothing is issued by, or trusted by, the real
 * JPKI (J-LIS) or any real municipality.
 *
 * <p>Certificates checked by the endpoint's own code (the user-authentication CA and the cards)
 * take their dates from the injected clock, the one the endpoint validates with. TLS certificates
 * are checked by JSSE against the real time, so they take their dates from the system clock.
 */
public final class TestPki {
    /** Fictional test name shaped like the real JPKI user-authentication CA. */
    private static final X500Name USER_AUTHENTICATION_CA = new X500Name(
            "C=JP,O=JPKI,OU=JPKI for user authentication,OU=certkiosk simulator test CA (fictional)");
    /** A CA the endpoint does not trust: it "issues" forged cards. */
    private static final X500Name UNKNOWN_ISSUER_CA = new X500Name(
            "C=JP,O=Unknown Issuer (fictional),CN=Not a user-authentication CA");
    private static final X500Name KIOSK_CA = new X500Name("C=JP,O=certkiosk simulator,CN=Kiosk CA (test)");
    private static final X500Name SERVER_CA = new X500Name("C=JP,O=certkiosk simulator,CN=Municipal server CA (test)");
    private static final X500Name SERVER = new X500Name("C=JP,O=certkiosk simulator,CN=localhost");
    /** The anchor kiosks trust for documents: it certifies each municipality's document-signing key. */
    private static final X500Name DOCUMENT_SIGNING_CA = new X500Name(
            "C=JP,O=certkiosk simulator,CN=Municipal document-signing CA (test)");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[0-9]{6}");

    /** Protects every PKCS12 file here. Test material only: never protect real keys like this. */
    private static final String STORE_PASSWORD = "certkiosk-sim";
    private static final String ALIAS = "entry";
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Duration CA_LIFETIME = Duration.ofDays(20 * 365);
    private static final Duration CARD_LIFETIME = Duration.ofDays(5 * 365 + 1);
    /** Kiosk client certificates. */
    private static final Duration TLS_LIFETIME = Duration.ofDays(5 * 365 + 1);
    /**
     * The endpoint's TLS server certificate is short-lived (no OCSP or CRL for it: its expiry is
     * its revocation); a start, or while running the first handshake, finding less than
     * {@link #SERVER_RENEWAL} left issues a new one.
     */
    public static final Duration SERVER_LIFETIME = Duration.ofDays(7);
    private static final Duration SERVER_RENEWAL = Duration.ofDays(3);
    private static final Duration BACKDATE = Duration.ofDays(1);

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random;
    private final Clock tlsClock;
    private final CertificateIssuer issuer;
    private final Pkcs12Files files;
    private final KeyEntry userAuthenticationCa;
    private final KeyEntry kioskCa;
    private final KeyEntry serverCa;
    private volatile KeyEntry server;
    private final Map<String, CardKey> cards;
    private final KeyEntry documentSigningCa;
    private final Map<String, DocumentSigner> documentSigners = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, CertificateCondition> conditions = new LinkedHashMap<>();

    private TestPki(Path directory, Clock clock, List<CardSpec> cardSpecs, Clock tlsClock) {
        this.directory = directory;
        this.clock = clock;
        this.tlsClock = tlsClock;
        this.random = new SecureRandom();
        this.issuer = new CertificateIssuer(random);
        this.files = new Pkcs12Files(STORE_PASSWORD.toCharArray());

        this.userAuthenticationCa = loadOrCreate("user-authentication-ca.p12",
                () -> issuer.certificateAuthority(USER_AUTHENTICATION_CA, window(clock.instant(), CA_LIFETIME)));
        KeyEntry unknownIssuerCa = loadOrCreate("unknown-issuer-ca.p12",
                () -> issuer.certificateAuthority(UNKNOWN_ISSUER_CA, window(clock.instant(), CA_LIFETIME)));
        this.kioskCa = loadOrCreate("kiosk-ca.p12",
                () -> issuer.certificateAuthority(KIOSK_CA, window(tlsClock.instant(), CA_LIFETIME)));
        this.serverCa = loadOrCreate("server-ca.p12",
                () -> issuer.certificateAuthority(SERVER_CA, window(tlsClock.instant(), CA_LIFETIME)));
        this.server = freshServerCertificate();
        if (!Files.exists(kioskTrustStore())) {
            files.writeTrustedCertificates(kioskTrustStore(), Map.of("municipal-server-ca", serverCa.certificate()));
        }
        this.cards = loadOrCreateCards(cardSpecs, unknownIssuerCa);
        cardSpecs.forEach(spec -> conditions.put(spec.profile(), spec.condition()));
        this.documentSigningCa = loadOrCreate("document-signing-ca.p12",
                () -> issuer.certificateAuthority(DOCUMENT_SIGNING_CA, window(clock.instant(), CA_LIFETIME)));
        writeIfMissing(documentSigningAnchor(), documentSigningCa.certificate());
    }

    /**
     * The revocation register in {@code database}, holding the seeded cards' conditions (the
     * suspended and the revoked card) unless it already has events for them, for the OCSP responder.
     */
    public RevocationRegister seededRevocations(javax.sql.DataSource database) {
        RevocationRegister register = new RevocationRegister(database, clock);
        cards.forEach((profile, card) -> register.seed(card.certificate(), conditions.get(profile)));
        return register;
    }

    /** The OCSP responder of the user-authentication CA, answering from {@code register}. */
    public OcspResponder ocspResponder(RevocationRegister register) {
        return new OcspResponder(userAuthenticationCa, register);
    }

    /** The anchor of documents: the CA that certifies the municipalities' document-signing keys. */
    public X509Certificate documentSigningCa() {
        return documentSigningCa.certificate();
    }

    /** The document-signing CA certificate as a DER file, for a kiosk's configuration. */
    public Path documentSigningAnchor() {
        return directory.resolve("document-signing-ca.cer");
    }

    /** A municipality's document-signing key (CN = its local government code), created on first use. */
    public DocumentSigner documentSigner(String municipalityCode) {
        if (!MUNICIPALITY_CODE.matcher(municipalityCode).matches()) {
            throw new IllegalArgumentException("a municipality code is 6 digits");
        }
        return documentSigners.computeIfAbsent(municipalityCode, code -> new DocumentSigner(
                loadOrCreate("document-signer-" + code + ".p12", () -> issuer.documentSigning(documentSigningCa,
                        new X500Name("C=JP,O=certkiosk simulator,OU=document signing,CN=" + code),
                        window(clock.instant(), CA_LIFETIME.dividedBy(2))))));
    }

    private static void writeIfMissing(Path file, X509Certificate certificate) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.write(file, certificate.getEncoded());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot write " + file.getFileName(), e);
        }
    }

    /** Opens the PKI kept in {@code directory}, generating whatever is missing. */
    public static TestPki openOrCreate(Path directory, Clock clock, List<CardSpec> cards) {
        return new TestPki(directory, clock, cards, Clock.systemUTC());
    }

    /** As {@link #openOrCreate(Path, Clock, List)}, the TLS certificates' time read from {@code tlsClock}. */
    static TestPki openOrCreate(Path directory, Clock clock, List<CardSpec> cards, Clock tlsClock) {
        return new TestPki(directory, clock, cards, tlsClock);
    }

    /** The trust anchor of the user-authentication certificates: the only one the endpoint accepts. */
    public X509Certificate userAuthenticationCa() {
        return userAuthenticationCa.certificate();
    }

    /** The virtual cards by profile, in the order they were asked for. */
    public Map<String, CardKey> cards() {
        return cards;
    }

    public Optional<CardKey> card(String profile) {
        return Optional.ofNullable(cards.get(profile));
    }

    /**
     * The PKCS12 key store holding the client key and chain (CN={@code kioskId}, issued by the
     * kiosk CA) of one kiosk, created on first request.
     */
    public Path kioskKeyStore(String kioskId) {
        if (!KIOSK_ID.matcher(kioskId).matches()) {
            throw new IllegalArgumentException("kiosk ids are 1-64 letters, digits, '.', '_' or '-'");
        }
        Path file = directory.resolve("kiosk-" + kioskId + ".p12");
        synchronized (this) {
            if (files.readKeyEntries(file).isEmpty()) {
                X500Name subject = new X500Name("C=JP,O=certkiosk simulator,CN=" + kioskId);
                files.writeKeyEntries(file, Map.of(ALIAS, issuer.tlsClient(kioskCa, subject,
                        window(tlsClock.instant(), TLS_LIFETIME))));
            }
        }
        return file;
    }

    /** The PKCS12 trust store a kiosk uses to authenticate the endpoint: it holds the server CA. */
    public Path kioskTrustStore() {
        return directory.resolve("kiosk-truststore.p12");
    }

    /** The password of every PKCS12 file of this PKI (a copy: wipe it when done). */
    public char[] storePassword() {
        return files.password();
    }

    /**
     * The endpoint's TLS context: the localhost server key, and the kiosk CA as the only anchor
     * for client certificates.
     */
    public SSLContext serverSslContext() {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("kiosk-ca", kioskCa.certificate());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(anchors);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[] {serverKeyManager()}, trustManagers.getTrustManagers(),
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }

    private Map<String, CardKey> loadOrCreateCards(List<CardSpec> specs, KeyEntry unknownIssuerCa) {
        Path file = directory.resolve("cards.p12");
        Map<String, KeyEntry> stored = files.readKeyEntries(file);
        boolean changed = false;
        Map<String, CardKey> result = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (CardSpec spec : specs) {
            KeyEntry entry = stored.get(spec.profile());
            if (entry == null || !stillIn(spec.condition(), entry.certificate(), now)) {
                entry = personalise(spec, unknownIssuerCa);
                stored.put(spec.profile(), entry);
                changed = true;
            }
            result.put(spec.profile(), new CardKey(spec.profile(), entry.key(), entry.certificate(), entry.chain().get(1)));
        }
        if (changed) {
            files.writeKeyEntries(file, stored);
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Whether a stored card is still in the condition it was made for: a data directory kept for
     * months must not see its not-yet-valid card become valid, nor its valid cards expire.
     */
    private static boolean stillIn(CertificateCondition condition, X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return switch (condition) {
            case VALID, UNKNOWN_ISSUER, SUSPENDED, REVOKED -> !now.isBefore(notBefore) && !now.isAfter(notAfter);
            case EXPIRED -> now.isAfter(notAfter);
            case NOT_YET_VALID -> now.isBefore(notBefore);
        };
    }

    private KeyEntry personalise(CardSpec spec, KeyEntry unknownIssuerCa) {
        Instant now = clock.instant();
        // a card is re-personalised when its condition lapsed: its new certificate gets a new id
        String opaqueId = opaqueId();
        return switch (spec.condition()) {
            case VALID, SUSPENDED, REVOKED -> issuer.userAuthentication(userAuthenticationCa, opaqueId, window(now, CARD_LIFETIME));
            case EXPIRED -> issuer.userAuthentication(userAuthenticationCa, opaqueId,
                    new Validity(now.minus(CARD_LIFETIME), now.minus(Duration.ofDays(30))));
            case NOT_YET_VALID -> issuer.userAuthentication(userAuthenticationCa, opaqueId,
                    new Validity(now.plus(Duration.ofDays(30)), now.plus(CARD_LIFETIME)));
            case UNKNOWN_ISSUER -> issuer.userAuthentication(unknownIssuerCa, opaqueId, window(now, CARD_LIFETIME));
        };
    }

    /** The certificate's only identity: an opaque random id, as on JPKI user-authentication certificates. */
    private String opaqueId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** The server key and certificate, issued anew when missing or near its end. */
    private KeyEntry freshServerCertificate() {
        Path file = directory.resolve("server.p12");
        KeyEntry entry = files.readKeyEntries(file).get(ALIAS);
        Instant now = tlsClock.instant();
        if (entry == null || entry.certificate().getNotAfter().toInstant().isBefore(now.plus(SERVER_RENEWAL))) {
            entry = issuer.tlsServer(serverCa, SERVER, "localhost", "127.0.0.1",
                    new Validity(now.minus(Duration.ofHours(1)), now.plus(SERVER_LIFETIME)));
            files.writeKeyEntries(file, Map.of(ALIAS, entry));
        }
        return entry;
    }

    /** The endpoint's TLS server certificate, renewed first if it is near its end. */
    public X509Certificate serverCertificate() {
        return currentServer().certificate();
    }

    /** The server key and certificate, renewed when less than {@link #SERVER_RENEWAL} is left. */
    private KeyEntry currentServer() {
        KeyEntry entry = server;
        if (entry.certificate().getNotAfter().toInstant().isBefore(tlsClock.instant().plus(SERVER_RENEWAL))) {
            synchronized (this) {
                if (server == entry) {
                    // another instance sharing this directory may have renewed it already: its file is read first
                    server = freshServerCertificate();
                }
                entry = server;
            }
        }
        return entry;
    }

    /**
     * The server's key manager: hands each handshake the current server key and certificate, so a
     * simulator running for weeks renews its short-lived certificate before it expires.
     */
    javax.net.ssl.X509ExtendedKeyManager serverKeyManager() {
        return new javax.net.ssl.X509ExtendedKeyManager() {
            private boolean fits(String keyType) {
                String algorithm = currentServer().key().getAlgorithm();
                return keyType != null && (keyType.equalsIgnoreCase(algorithm)
                        || (algorithm.equals("RSA") && keyType.equalsIgnoreCase("RSASSA-PSS")));
            }

            @Override
            public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
                return fits(keyType) ? ALIAS : null;
            }

            @Override
            public String chooseEngineServerAlias(String keyType, java.security.Principal[] issuers,
                                                  javax.net.ssl.SSLEngine engine) {
                return fits(keyType) ? ALIAS : null;
            }

            @Override
            public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                return fits(keyType) ? new String[] {ALIAS} : null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return ALIAS.equals(alias) ? currentServer().chain().toArray(new X509Certificate[0]) : null;
            }

            @Override
            public java.security.PrivateKey getPrivateKey(String alias) {
                return ALIAS.equals(alias) ? currentServer().key() : null;
            }

            @Override
            public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
                return null;
            }
        };
    }

    /** The client certificate of a kiosk (issued on first request, like {@link #kioskKeyStore}). */
    public X509Certificate kioskCertificate(String kioskId) {
        return files.readKeyEntries(kioskKeyStore(kioskId)).get(ALIAS).certificate();
    }

    private KeyEntry loadOrCreate(String fileName, Supplier<KeyEntry> create) {
        Path file = directory.resolve(fileName);
        KeyEntry entry = files.readKeyEntries(file).get(ALIAS);
        if (entry == null) {
            entry = create.get();
            files.writeKeyEntries(file, Map.of(ALIAS, entry));
        }
        return entry;
    }

    private static Validity window(Instant now, Duration lifetime) {
        return new Validity(now.minus(BACKDATE), now.plus(lifetime));
    }
}
