package jp.certkiosk.sim.endpoint;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import jp.certkiosk.api.ErrorCode;

/**
 * The kiosk a request comes from, as its TLS client certificate names it (the CN), carried as the
 * request's principal.
 */
record KioskIdentity(String kioskId) implements Principal {
    @Override
    public String getName() {
        return kioskId;
    }

    /** The kiosk id the authentication filter established for this request. */
    static String of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof KioskIdentity identity) {
            return identity.kioskId();
        }
        throw new ApiException(ErrorCode.KIOSK_UNKNOWN, "no kiosk client certificate");
    }
}
