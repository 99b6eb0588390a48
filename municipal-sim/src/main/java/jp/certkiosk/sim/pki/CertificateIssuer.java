package jp.certkiosk.sim.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the certificates of the test PKI with BouncyCastle: RSA 2048 keys, SHA256withRSA
 * signatures, random positive serials. Uses the default JCA providers, so no provider is
 * registered globally.
 */
final class CertificateIssuer {
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int KEY_BITS = 2048;

    private final SecureRandom random;

    CertificateIssuer(SecureRandom random) {
        this.random = random;
    }

    /** A self-signed root that may sign end-entity certificates only (path length 0). */
    KeyEntry certificateAuthority(X500Name subject, Validity validity) {
        KeyPair pair = newKeyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, validity, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = sign(builder, pair.getPrivate());
            return new KeyEntry(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue CA certificate", e);
        }
    }

    /**
     * A user-authentication certificate shaped like JPKI's: subject {@code C=JP, CN=<opaque id>}
     * and nothing else (no name, no address), key usage digitalSignature only.
     */
    KeyEntry userAuthentication(KeyEntry ca, String opaqueId, Validity validity) {
        X500Name subject = new X500Name("C=JP,CN=" + opaqueId);
        return endEntity(ca, subject, validity, new KeyUsage(KeyUsage.digitalSignature), null, null);
    }

    /** A TLS server certificate for a loopback host: SAN DNS:{@code dnsName} and IP:{@code ipAddress}. */
    KeyEntry tlsServer(KeyEntry ca, X500Name subject, String dnsName, String ipAddress, Validity validity) {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, dnsName), new GeneralName(GeneralName.iPAddress, ipAddress)
        });
        return endEntity(ca, subject, validity, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth), names);
    }

    /** A municipality's document-signing certificate: digitalSignature and nonRepudiation. */
    KeyEntry documentSigning(KeyEntry ca, X500Name subject, Validity validity) {
        return endEntity(ca, subject, validity, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                null, null);
    }

    /** A TLS client certificate (a kiosk's). */
    KeyEntry tlsClient(KeyEntry ca, X500Name subject, Validity validity) {
        return endEntity(ca, subject, validity, new KeyUsage(KeyUsage.digitalSignature),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth), null);
    }

    private KeyEntry endEntity(KeyEntry ca, X500Name subject, Validity validity, KeyUsage keyUsage,
                               ExtendedKeyUsage extendedKeyUsage, GeneralNames subjectAltNames) {
        KeyPair pair = newKeyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = builder(issuer, subject, validity, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, keyUsage)
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage);
            }
            if (subjectAltNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
            }
            X509Certificate certificate = sign(builder, ca.key());
            return new KeyEntry(pair.getPrivate(), List.of(certificate, ca.certificate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue end-entity certificate", e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Validity validity, PublicKey key) {
        BigInteger serial = new BigInteger(64, random).setBit(62);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(validity.notBefore()),
                Date.from(validity.notAfter()), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required by every Java runtime", e);
        }
    }
}
