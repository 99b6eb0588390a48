package jp.certkiosk.app.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.ChallengeRequest;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.api.TlsProfile;
import jp.certkiosk.api.UseRegistration;
import jp.certkiosk.config.EndpointConfig;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The endpoint over HTTPS with mutual TLS: the kiosk presents its client certificate, and the
 * server must present a certificate from the configured CA for the host name in the URI (the
 * JDK's default host-name check). Connect and read time limits come from the configuration. The
 * connection keeps the contract's TLS profile ({@link TlsProfile}: TLS 1.3, or 1.2 with ECDHE and
 * AEAD suites only), the same the endpoint enforces.
 *
 * <p>Retried (a few times, briefly, only when no usable answer came): the calls that are idempotent
 * on the endpoint: a reservation (it carries an idempotency key: a repeat gets the same issuance),
 * the confirmation (the same outcome again is accepted) and the recovery query. Never a challenge
 * or a session: a session request spends its challenge, and a repeat would be refused.
 */
public final class JerseyIssuanceEndpoint implements IssuanceEndpoint {
    private static final System.Logger LOG = System.getLogger(JerseyIssuanceEndpoint.class.getName());
    private static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 200;

    /**
     * The largest answer read: a reserved document (a PDF within the kiosk's own limit, base64 in
     * JSON, with its signed statement) fits well; anything larger is not read, only refused.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Client client;
    private final WebTarget base;
    private final ObjectMapper mapper;

    public JerseyIssuanceEndpoint(EndpointConfig config) {
        ObjectMapper mapper = ApiJson.newMapper();
        this.mapper = mapper;
        this.client = ClientBuilder.newBuilder()
                .sslContext(TlsProfile.restrict(sslContext(config)))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonFeature.withoutExceptionMappers())
                .register((ContextResolver<ObjectMapper>) type -> mapper)
                .build();
        this.base = client.target(config.baseUri());
    }

    @Override
    public EndpointResult<Challenge> challenge(String kioskId) {
        return post(ApiPaths.CHALLENGES, new ChallengeRequest(kioskId), Challenge.class);
    }

    @Override
    public EndpointResult<Session> openSession(SessionRequest request) {
        return post(ApiPaths.SESSIONS, request, Session.class);
    }

    @Override
    public EndpointResult<Issuance> reserve(String sessionId, IssuanceRequest request) {
        String path = ApiPaths.issuances(sessionId);
        return idempotent(path, () -> post(path, request, Issuance.class));
    }

    @Override
    public EndpointResult<UseRegistration> fileUseRegistration(String sessionId) {
        String path = ApiPaths.useRegistration(sessionId);
        // filing twice returns the registration on file: safe to repeat
        return idempotent(path, () -> post(path, java.util.Map.of(), UseRegistration.class));
    }

    @Override
    public EndpointResult<Void> confirm(String issuanceId, Confirmation confirmation) {
        String path = ApiPaths.confirmation(issuanceId);
        return idempotent(path, () -> post(path, confirmation, Void.class));
    }

    @Override
    public EndpointResult<IssuanceState> state(String issuanceId) {
        String path = ApiPaths.issuance(issuanceId);
        return idempotent(path, () -> call(path, null, IssuanceState.class));
    }

    /** Repeats a call the endpoint treats as idempotent while no usable answer comes. */
    private static <T> EndpointResult<T> idempotent(String path, Supplier<EndpointResult<T>> call) {
        EndpointResult<T> result = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            result = call.get();
            if (!(result instanceof EndpointResult.Unavailable)) {
                return result;
            }
            LOG.log(System.Logger.Level.WARNING, "endpoint call {0} without answer (attempt {1})", path, attempt);
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result;
                }
            }
        }
        return result;
    }

    private <T> EndpointResult<T> post(String path, Object body, Class<T> answer) {
        return call(path, body, answer);
    }

    /** POST with {@code body}, or GET when it is null. */
    private <T> EndpointResult<T> call(String path, Object body, Class<T> answer) {
        var request = base.path(path).request(MediaType.APPLICATION_JSON_TYPE);
        try (Response response = body == null ? request.get() : request.post(Entity.json(body))) {
            if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
                if (answer == Void.class) {
                    return new EndpointResult.Ok<>(null);
                }
                T value = readCapped(response, answer);
                return value != null ? new EndpointResult.Ok<>(value)
                        : new EndpointResult.Unavailable<>("empty answer from " + path);
            }
            return refusal(path, response);
        } catch (IOException e) {
            // an answer too large, or not the contract's JSON
            LOG.log(System.Logger.Level.WARNING, "endpoint call {0}: unusable answer: {1}", path, e.getMessage());
            return new EndpointResult.Unavailable<>("unusable answer: " + e.getMessage());
        } catch (ProcessingException | IllegalStateException e) {
            // Network trouble, TLS failure, timeouts, and bodies that are not the contract's JSON.
            LOG.log(System.Logger.Level.WARNING, "endpoint call {0} failed: {1}", path, rootMessage(e));
            return new EndpointResult.Unavailable<>(rootMessage(e));
        }
    }

    /** The body as {@code type}, read only up to {@link #MAX_BODY_BYTES}. */
    private <T> T readCapped(Response response, Class<T> type) throws IOException {
        if (response.getLength() > MAX_BODY_BYTES) {
            throw new IOException("the answer announces " + response.getLength() + " bytes (at most " + MAX_BODY_BYTES + ")");
        }
        byte[] body;
        try (InputStream in = response.readEntity(InputStream.class)) {
            if (in == null) {
                return null;
            }
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("the answer is over " + MAX_BODY_BYTES + " bytes");
        }
        return body.length == 0 ? null : mapper.readValue(body, type);
    }

    private <T> EndpointResult<T> refusal(String path, Response response) {
        int status = response.getStatus();
        try {
            ApiError error = readCapped(response, ApiError.class);
            if (error != null && error.code() != null) {
                LOG.log(System.Logger.Level.INFO, "endpoint refused {0}: {1} {2}", path, status, error.code());
                return new EndpointResult.Refused<>(error.code(), error.detail());
            }
        } catch (IOException | ProcessingException | IllegalStateException e) {
            // fall through: an error status without the contract's error body
        }
        if (status >= 500) {
            return new EndpointResult.Unavailable<>("endpoint answered HTTP " + status);
        }
        return new EndpointResult.Refused<>(ErrorCode.BAD_REQUEST, "HTTP " + status + " without an error body");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static SSLContext sslContext(EndpointConfig config) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(config.keyStore(), config.keyStorePassword()), config.keyStorePassword());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(config.trustStore(), config.trustStorePassword()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS to the endpoint: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(java.nio.file.Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    @Override
    public void close() {
        client.close();
    }
}
