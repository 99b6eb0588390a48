package jp.certkiosk.sim.pki;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960) for the user-authentication CA, BouncyCastle: answers each
 * request with the status in the {@link RevocationRegister}, signed by the CA itself (so the
 * response verifies against the same anchor as the certificate). Suspension is reported as
 * revoked with reason certificateHold, as a hold is in X.509; a certificate of another issuer is
 * "unknown". The revocation times come from the register (the endpoint's injected clock, which the
 * validation compares them with); the response's own thisUpdate / nextUpdate / producedAt come from
 * the real time, like TLS: the JDK's OCSP client checks a response's freshness against the real time
 * whatever date the path is validated at.
 */
public final class OcspResponder {
    private static final Duration NEXT_UPDATE = Duration.ofHours(1);

    private final X509CertificateHolder issuer;
    private final PrivateKey issuerKey;
    private final RevocationRegister register;
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    OcspResponder(KeyEntry issuer, RevocationRegister register) {
        try {
            this.issuer = new JcaX509CertificateHolder(issuer.certificate());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("cannot set up the OCSP responder", e);
        }
        this.issuerKey = issuer.key();
        this.register = register;
        this.clock = Clock.systemUTC();
    }

    /** The DER OCSPResponse for a DER OCSPRequest; a malformed request gets malformedRequest. */
    public byte[] respond(byte[] requestDer) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            Instant now = clock.instant();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubject()));
            for (Req single : request.getRequestList()) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, status(id), Date.from(now), Date.from(now.plus(NEXT_UPDATE)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey),
                    new X509CertificateHolder[] {issuer}, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP response", e);
        }
    }

    private CertificateStatus status(CertificateID id) throws OCSPException {
        if (!id.matchesIssuer(issuer, digests)) {
            return new UnknownStatus();
        }
        return register.status(id.getSerialNumber())
                .<CertificateStatus>map(entry -> new RevokedStatus(Date.from(entry.since()),
                        entry.reason() == RevocationRegister.Reason.SUSPENDED
                                ? CRLReason.certificateHold : CRLReason.keyCompromise))
                .orElse(CertificateStatus.GOOD);
    }
}
