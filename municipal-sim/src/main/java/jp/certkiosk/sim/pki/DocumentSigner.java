package jp.certkiosk.sim.pki;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A municipality's document-signing key (BouncyCastle CMS): signs the statement that binds a
 * document to its request as CMS SignedData (RFC 5652), SHA256withRSA, content encapsulated,
 * the signer's certificate included. Thread-safe: each call builds its own generator.
 */
public final class DocumentSigner {
    private final KeyEntry entry;

    DocumentSigner(KeyEntry entry) {
        this.entry = entry;
    }

    public X509Certificate certificate() {
        return entry.certificate();
    }

    /** The DER CMS SignedData encapsulating {@code content}. */
    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .build("SHA256withRSA", entry.key(), entry.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(entry.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign a document statement", e);
        }
    }
}
