package jp.certkiosk.sim;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.ChallengeRequest;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.sim.endpoint.ApiObjectMapperResolver;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * A kiosk as the tests drive it: a Jersey client with mutual TLS built from the simulator's
 * kiosk credentials, signing challenges with a virtual card's key the way the card does
 * (SHA256withRSA over the authentication payload is what the card's PKCS#1 v1.5 signature over
 * the DigestInfo amounts to).
 */
final class TestKiosk implements AutoCloseable {
    private final Client client;
    private final URI baseUri;
    private final String kioskId;

    TestKiosk(URI baseUri, KioskCredentials credentials) {
        this(baseUri, credentials.kioskId(), sslContext(credentials, true));
    }

    TestKiosk(URI baseUri, String kioskId, SSLContext sslContext) {
        this.baseUri = baseUri;
        this.kioskId = kioskId;
        this.client = ClientBuilder.newBuilder()
                .sslContext(sslContext)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new ApiObjectMapperResolver())
                .register(new ContractCheck())
                .build();
    }

    /** The kiosk's TLS context: its client key (unless {@code withClientCertificate} is false) and the server CA. */
    static SSLContext sslContext(KioskCredentials credentials, boolean withClientCertificate) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(credentials.keyStore(), credentials.keyStorePassword()), credentials.keyStorePassword());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(credentials.trustStore(), credentials.trustStorePassword()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(withClientCertificate ? keys.getKeyManagers() : null, trust.getTrustManagers(),
                    new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        }
    }

    String kioskId() {
        return kioskId;
    }

    Response post(String path, Object body) {
        return client.target(baseUri).path(path).request(MediaType.APPLICATION_JSON)
                .post(Entity.json(body));
    }

    Response get(String path) {
        return client.target(baseUri).path(path).request(MediaType.APPLICATION_JSON).get();
    }

    Response postRaw(String path, String json) {
        return client.target(baseUri).path(path).request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    Challenge challenge() {
        try (Response response = post(ApiPaths.CHALLENGES, new ChallengeRequest(kioskId))) {
            return ok(response, Challenge.class);
        }
    }

    /** A session request signed by the card for this kiosk. */
    SessionRequest signed(Challenge challenge, IssuedCard card) {
        return signed(challenge, card, kioskId);
    }

    static SessionRequest signed(Challenge challenge, IssuedCard card, String kioskId) {
        byte[] signature = sign(card.authKey(),
                AuthenticationPayload.bytes(challenge.challengeId(), challenge.nonce(), kioskId));
        try {
            return new SessionRequest(challenge.challengeId(), kioskId, card.authCertificate().getEncoded(), signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] payload) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(payload);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Response openSession(IssuedCard card) {
        return post(ApiPaths.SESSIONS, signed(challenge(), card));
    }

    Response reserve(String sessionId, DocumentType type) {
        return post(ApiPaths.issuances(sessionId), new IssuanceRequest(UUID.randomUUID().toString(), type, 1));
    }

    Response confirm(String issuanceId, Confirmation confirmation) {
        return post(ApiPaths.confirmation(issuanceId), confirmation);
    }

    static <T> T ok(Response response, Class<T> type) {
        if (response.getStatus() != 200) {
            throw new AssertionError("expected 200, got " + response.getStatus() + ": "
                    + response.readEntity(String.class));
        }
        return response.readEntity(type);
    }

    static ApiError error(Response response) {
        return response.readEntity(ApiError.class);
    }

    @Override
    public void close() {
        client.close();
    }
}
