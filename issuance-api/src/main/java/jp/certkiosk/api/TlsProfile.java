package jp.certkiosk.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The one TLS profile of the contract, for the kiosk's client and the endpoint alike: TLS 1.3,
 * and TLS 1.2 only with ephemeral ECDH key exchange and AEAD ciphers (AES-GCM, ChaCha20-Poly1305).
 * No CBC suite (LUCKY13 and its kin), no static RSA key exchange, no SHA-1 MAC.
 */
public final class TlsProfile {
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsProfile() {}

    public static String[] protocols() {
        return PROTOCOLS.toArray(String[]::new);
    }

    public static String[] cipherSuites() {
        return CIPHER_SUITES.toArray(String[]::new);
    }

    /** The profile's protocols and suites on top of {@code base} (other settings kept). */
    public static SSLParameters apply(SSLParameters base) {
        base.setProtocols(protocols());
        base.setCipherSuites(cipherSuites());
        return base;
    }

    /**
     * The same context, with every socket and engine it makes limited to the profile: for clients
     * that take an {@link SSLContext} and nothing else (the JAX-RS client builder).
     */
    public static SSLContext restrict(SSLContext context) {
        return new ProfiledContext(context);
    }

    private static final class ProfiledContext extends SSLContext {
        ProfiledContext(SSLContext delegate) {
            super(new ProfiledSpi(delegate), delegate.getProvider(), delegate.getProtocol());
        }
    }

    private static final class ProfiledSpi extends SSLContextSpi {
        private final SSLContext delegate;

        ProfiledSpi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            delegate.init(keys, trust, random);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new ProfiledSocketFactory(delegate.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("a restricted context is for clients and engines");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine engine = delegate.createSSLEngine();
            engine.setSSLParameters(apply(engine.getSSLParameters()));
            return engine;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine engine = delegate.createSSLEngine(host, port);
            engine.setSSLParameters(apply(engine.getSSLParameters()));
            return engine;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return apply(delegate.getDefaultSSLParameters());
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return apply(delegate.getSupportedSSLParameters());
        }
    }

    private static final class ProfiledSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        ProfiledSocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket profiled(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                ssl.setSSLParameters(apply(ssl.getSSLParameters()));
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return cipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return Arrays.stream(delegate.getSupportedCipherSuites()).filter(CIPHER_SUITES::contains)
                    .toArray(String[]::new);
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return profiled(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return profiled(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return profiled(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return profiled(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return profiled(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return profiled(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
