package jp.certkiosk.sim.endpoint;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.CertificateEncodingException;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.sim.registry.KioskRegister;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.util.Globals;

/**
 * Names the kiosk behind each request from its TLS client certificate. The TLS handshake has
 * already required a certificate issued by the kiosk CA; this filter reads it from Grizzly's
 * request (attribute {@code jakarta.servlet.request.X509Certificate}, which Grizzly fills from
 * the SSL session), checks it against the allow-list of registered kiosks (the CN registered with
 * exactly this certificate) and makes its CN the request's principal.
 */
@Priority(Priorities.AUTHENTICATION)
public final class KioskAuthenticationFilter implements ContainerRequestFilter {
    @Inject
    private Provider<Request> grizzlyRequest;
    @Inject
    private KioskRegister register;

    @Override
    public void filter(ContainerRequestContext context) {
        X509Certificate certificate = peerCertificate();
        String kioskId = commonName(certificate);
        if (!register.isRegistered(kioskId, sha256(certificate))) {
            throw new ApiException(ErrorCode.KIOSK_UNKNOWN, "the kiosk certificate is not registered");
        }
        boolean secure = context.getSecurityContext().isSecure();
        context.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return new KioskIdentity(kioskId);
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.CLIENT_CERT_AUTH;
            }
        });
    }

    private X509Certificate peerCertificate() {
        Object chain = grizzlyRequest.get().getAttribute(Globals.CERTIFICATES_ATTR);
        if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
            return certificates[0];
        }
        throw new ApiException(ErrorCode.KIOSK_UNKNOWN, "no kiosk client certificate");
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return AuthenticationPayload.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new ApiException(ErrorCode.KIOSK_UNKNOWN, "the kiosk certificate cannot be read");
        }
    }

    private static String commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall through: no usable name
        }
        throw new ApiException(ErrorCode.KIOSK_UNKNOWN, "the kiosk certificate has no CN");
    }
}
