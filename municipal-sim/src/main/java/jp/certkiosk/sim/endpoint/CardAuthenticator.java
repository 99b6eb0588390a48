package jp.certkiosk.sim.endpoint;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.ErrorCode;

/**
 * Checks a card's user-authentication certificate and its signature over the authentication
 * payload: the certificate must chain (PKIX) to the user-authentication CA at the clock's time,
 * carry the digitalSignature key usage, and its RSA key must verify SHA256withRSA over the payload.
 * Revocation is checked by the JDK's PKIX revocation checker over OCSP only (no CRL fallback, no
 * soft fail) against the configured responder: a hold (certificateHold) is a suspended card, any
 * other reason a revoked certificate, no answer a status that cannot be learned now.
 */
public final class CardAuthenticator {
    /** A card whose certificate and signature passed: the certificate and the SHA-256 of its DER (hex). */
    public record AuthenticatedCard(X509Certificate certificate, String certificateSha256) {}

    private static final System.Logger LOG = System.getLogger(CardAuthenticator.class.getName());

    private final TrustAnchor anchor;
    private final URI ocspResponder;
    private final Clock clock;

    public CardAuthenticator(X509Certificate userAuthenticationCa, URI ocspResponder, Clock clock) {
        this.anchor = new TrustAnchor(userAuthenticationCa, null);
        this.ocspResponder = ocspResponder;
        this.clock = clock;
    }

    /** @throws ApiException with the contract's code for the first check that fails */
    public AuthenticatedCard authenticate(byte[] certificateDer, byte[] signature, byte[] signedPayload) {
        X509Certificate certificate = parse(certificateDer);
        // the signature first: a forgery costs no revocation query
        verifySignature(certificate, signature, signedPayload);
        validateChain(certificate);
        return new AuthenticatedCard(certificate, AuthenticationPayload.sha256Hex(certificateDer));
    }

    private static X509Certificate parse(byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "the certificate is not exactly one DER certificate");
            }
            return certificate;
        } catch (CertificateException | ClassCastException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the certificate does not parse");
        }
    }

    private void validateChain(X509Certificate certificate) {
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
            revocation.setOcspResponder(ocspResponder);
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            PKIXParameters parameters = new PKIXParameters(Set.of(anchor));
            parameters.setRevocationEnabled(true);
            parameters.addCertPathChecker(revocation);
            parameters.setDate(Date.from(clock.instant()));
            validator.validate(path, parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == BasicReason.REVOKED) {
                if (e.getCause() instanceof CertificateRevokedException revoked
                        && revoked.getRevocationReason() == CRLReason.CERTIFICATE_HOLD) {
                    throw new ApiException(ErrorCode.CERTIFICATE_SUSPENDED, "the certificate is suspended (card reported lost)");
                }
                throw new ApiException(ErrorCode.CERTIFICATE_REVOKED, "the certificate is revoked");
            }
            if (e.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                LOG.log(System.Logger.Level.WARNING, "revocation status undetermined: {0}", e.getMessage());
                throw new ApiException(ErrorCode.REVOCATION_STATUS_UNAVAILABLE,
                        "the revocation status cannot be learned now");
            }
            if (e.getReason() == BasicReason.EXPIRED) {
                throw new ApiException(ErrorCode.CERTIFICATE_EXPIRED, "the certificate has expired");
            }
            if (e.getReason() == BasicReason.NOT_YET_VALID) {
                throw new ApiException(ErrorCode.CERTIFICATE_NOT_YET_VALID, "the certificate is not yet valid");
            }
            LOG.log(System.Logger.Level.INFO, "certificate path refused: {0} ({1})", e.getMessage(), e.getReason());
            throw new ApiException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "the certificate does not chain to the user-authentication CA");
        } catch (CertificateException | InvalidAlgorithmParameterException e) {
            throw new ApiException(ErrorCode.CERTIFICATE_UNTRUSTED, "the certificate path cannot be checked");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is required by every Java runtime", e);
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null || !keyUsage[0] || certificate.getBasicConstraints() != -1) {
            throw new ApiException(ErrorCode.CERTIFICATE_UNTRUSTED, "not a user-authentication certificate");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            throw new ApiException(ErrorCode.CERTIFICATE_UNTRUSTED, "the certificate key is not RSA");
        }
    }

    private static void verifySignature(X509Certificate certificate, byte[] signature, byte[] payload) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(payload);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a malformed signature is as invalid as a wrong one
        }
        throw new ApiException(ErrorCode.SIGNATURE_INVALID, "the signature does not verify");
    }
}
