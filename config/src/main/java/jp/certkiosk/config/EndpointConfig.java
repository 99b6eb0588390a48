package jp.certkiosk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the kiosk reaches its municipal endpoint: the base URI, the kiosk's client key store
 * (PKCS12, for mutual TLS), the trust store holding the endpoint's CA, and the time limits.
 */
public record EndpointConfig(URI baseUri, Path keyStore, char[] keyStorePassword,
                             Path trustStore, char[] trustStorePassword,
                             Duration connectTimeout, Duration readTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    @Override
    public String toString() {
        return "EndpointConfig[" + baseUri + ", keyStore=" + keyStore + ", trustStore=" + trustStore
                + ", connect=" + connectTimeout + ", read=" + readTimeout + "]";
    }
}
