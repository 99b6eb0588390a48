package jp.certkiosk.card.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.virtual.VirtualJpkiCard;

/** The fixed test card of {@code src/test/resources/testcard} (see its README). */
public final class TestCards {

    /** The test card's auth PIN. */
    public static final String PIN = "1234";

    private static final byte[] SHA256_DIGEST_INFO_PREFIX =
            Hex.fromHex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20");

    private static final X509Certificate AUTH_CERT = certificate("auth-cert.der");
    private static final X509Certificate AUTH_CA = certificate("auth-ca.der");
    private static final PrivateKey AUTH_KEY = key("auth-key.pk8");
    private static final PrivateKey CA_KEY = key("auth-ca-key.pk8");

    private TestCards() {
    }

    public static X509Certificate authCertificate() {
        return AUTH_CERT;
    }

    public static X509Certificate authCaCertificate() {
        return AUTH_CA;
    }

    public static PrivateKey authKey() {
        return AUTH_KEY;
    }

    /** A valid RSA-2048 key that does not belong to the auth certificate. */
    public static PrivateKey unrelatedKey() {
        return CA_KEY;
    }

    public static VirtualCardState freshState() {
        return VirtualCardState.withPin(PIN.toCharArray());
    }

    public static VirtualJpkiCard card(VirtualCardState state) {
        return new VirtualJpkiCard(state, AUTH_CERT, AUTH_CA, AUTH_KEY);
    }

    public static VirtualJpkiCard card(VirtualCardState state, VirtualJpkiCard.Behaviour behaviour) {
        return new VirtualJpkiCard(state, AUTH_CERT, AUTH_CA, AUTH_KEY, behaviour);
    }

    /** DER DigestInfo of SHA-256(message), as a card is asked to sign it. */
    public static byte[] sha256DigestInfo(byte[] message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
            byte[] out = new byte[SHA256_DIGEST_INFO_PREFIX.length + digest.length];
            System.arraycopy(SHA256_DIGEST_INFO_PREFIX, 0, out, 0, SHA256_DIGEST_INFO_PREFIX.length);
            System.arraycopy(digest, 0, out, SHA256_DIGEST_INFO_PREFIX.length, digest.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestCards.class.getResourceAsStream("/testcard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource testcard/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate certificate(String name) {
        try (InputStream in = TestCards.class.getResourceAsStream("/testcard/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey key(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(resource(name)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
