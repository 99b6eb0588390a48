package jp.certkiosk.app.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.Issuance;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the municipality's signature over a document before anything is printed (BouncyCastle
 * CMS, JDK PKIX): the CMS SignedData has exactly one signer, whose certificate it carries; the
 * signature verifies; the signer's certificate chains to the configured municipal document-signing
 * anchor at the kiosk's clock and names (CN) the municipality the statement is for; the encapsulated
 * statement names this issuance, document and copies,
 * this kiosk, and the SHA-256 of the very PDF bytes received. What it answers is the signed
 * statement: the flow then checks that it names the session and the card in the reader.
 */
public final class DocumentVerifier {
    /** The result: the signed statement, or why there is none. */
    public sealed interface Verification {
        record Verified(DocumentStatement statement) implements Verification {}

        record Rejected(String reason) implements Verification {}
    }

    private final TrustAnchor anchor;
    private final String kioskId;
    private final Clock clock;

    public DocumentVerifier(X509Certificate anchor, String kioskId, Clock clock) {
        this.anchor = new TrustAnchor(anchor, null);
        this.kioskId = kioskId;
        this.clock = clock;
    }

    /** Reads the anchor from a DER or PEM certificate file. */
    public static X509Certificate readAnchor(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read the document-signing anchor " + file + ": " + e.getMessage(), e);
        }
    }

    public Verification verify(Issuance issuance) {
        if (issuance.signedStatement() == null || issuance.pdf() == null) {
            return new Verification.Rejected("the document is not signed");
        }
        DocumentStatement statement;
        try {
            CMSSignedData signed = new CMSSignedData(issuance.signedStatement());
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1 || signed.getSignedContent() == null) {
                return new Verification.Rejected("not exactly one signer over encapsulated content");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                return new Verification.Rejected("the signer's certificate is missing");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return new Verification.Rejected("the signature does not verify");
            }
            String chainProblem = chainProblem(certificate);
            if (chainProblem != null) {
                return new Verification.Rejected(chainProblem);
            }
            statement = DocumentStatement.decode((byte[]) signed.getSignedContent().getContent());
            if (!statement.municipalityCode().equals(commonName(certificate))) {
                return new Verification.Rejected("signed by another municipality's key");
            }
        } catch (CMSException | OperatorCreationException | CertificateException | IllegalArgumentException
                 | ClassCastException e) {
            return new Verification.Rejected("the signature cannot be checked: " + e.getClass().getSimpleName());
        }
        if (!statement.pdfSha256().equals(AuthenticationPayload.sha256Hex(issuance.pdf()))) {
            return new Verification.Rejected("the PDF is not the one signed");
        }
        if (!statement.issuanceId().equals(issuance.issuanceId())) {
            return new Verification.Rejected("signed for another issuance");
        }
        if (statement.documentType() != issuance.documentType() || statement.copies() != issuance.copies()) {
            return new Verification.Rejected("signed for another document");
        }
        if (!kioskId.equals(statement.kioskId())) {
            return new Verification.Rejected("signed for another kiosk");
        }
        return new Verification.Verified(statement);
    }

    /** Null when the signer chains to the anchor at the clock's time with a signing key usage. */
    private String chainProblem(X509Certificate signer) {
        boolean[] usage = signer.getKeyUsage();
        if (usage == null || !(usage[0] || usage[1])) {
            return "the signer's certificate is not for signing";
        }
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(anchor));
            // the document-signing CA publishes no revocation service in this contract yet
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(signer)), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return "the signer does not chain to the municipal anchor (" + e.getReason() + ")";
        } catch (GeneralSecurityException e) {
            return "the signer's chain cannot be checked";
        }
    }

    /** The CN of the signer: a municipality's document-signing certificate names its local government code. */
    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // no usable name
        }
        return "";
    }
}
