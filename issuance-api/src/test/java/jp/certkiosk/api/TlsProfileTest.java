package jp.certkiosk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class TlsProfileTest {
    @Test
    void everySocketAndEngineOfARestrictedContextKeepsTheProfile() throws Exception {
        SSLContext base = SSLContext.getInstance("TLS");
        base.init(null, null, null);
        SSLContext restricted = TlsProfile.restrict(base);
        try (SSLSocket socket = (SSLSocket) restricted.getSocketFactory().createSocket()) {
            assertEquals(TlsProfile.PROTOCOLS, List.of(socket.getEnabledProtocols()));
            for (String suite : socket.getEnabledCipherSuites()) {
                assertTrue(TlsProfile.CIPHER_SUITES.contains(suite), suite);
                assertTrue(!suite.contains("CBC") && !suite.startsWith("TLS_RSA_"), suite);
            }
        }
        SSLEngine engine = restricted.createSSLEngine("localhost", 443);
        assertEquals(TlsProfile.PROTOCOLS, List.of(engine.getEnabledProtocols()));
        assertTrue(List.of(engine.getEnabledCipherSuites()).stream().allMatch(TlsProfile.CIPHER_SUITES::contains));
    }

    @Test
    void theProfileHasOnlyEphemeralAeadSuites() {
        for (String suite : TlsProfile.CIPHER_SUITES) {
            assertTrue(suite.contains("GCM") || suite.contains("CHACHA20_POLY1305"), suite);
            assertTrue(suite.startsWith("TLS_ECDHE_") || !suite.contains("_WITH_"), suite);
        }
    }
}
