package jp.certkiosk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the kiosk reaches its municipal endpoint: the base URI, the kiosk's client key store
 * (PKCS12, for mutual TLS), the trust store holding the endpoint's CA, the time limits, and the
 * municipal document-signing anchor: the CA certificate (DER or PEM file) every document's signer
 * must chain to before a page is printed.
 */
public record EndpointConfig(URI baseUri, Path keyStore, char[] keyStorePassword,
                             Path trustStore, char[] trustStorePassword,
                             Duration connectTimeout, Duration readTimeout, Path documentSigningAnchor) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    /** Without a document-signing anchor: {@link KioskConfig#validate()} refuses it. */
    public EndpointConfig(URI baseUri, Path keyStore, char[] keyStorePassword, Path trustStore,
                          char[] trustStorePassword, Duration connectTimeout, Duration readTimeout) {
        this(baseUri, keyStore, keyStorePassword, trustStore, trustStorePassword, connectTimeout, readTimeout, null);
    }

    @Override
    public String toString() {
        return "EndpointConfig[" + baseUri + ", keyStore=" + keyStore + ", trustStore=" + trustStore
                + ", connect=" + connectTimeout + ", read=" + readTimeout
                + ", documentSigningAnchor=" + documentSigningAnchor + "]";
    }
}
