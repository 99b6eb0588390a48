package jp.certkiosk.sim.endpoint;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.UseRegistration;

/** {@code POST /v1/sessions/{sessionId}/use-registration} files the use registration with the domicile's municipality. */
@Path(ApiPaths.SESSIONS + "/{sessionId}/use-registration")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class UseRegistrationResource {
    private final DomicileDesk domiciles;

    @Inject
    public UseRegistrationResource(DomicileDesk domiciles) {
        this.domiciles = domiciles;
    }

    @POST
    public UseRegistration file(@PathParam("sessionId") String sessionId, @Context SecurityContext security) {
        return domiciles.file(KioskIdentity.of(security), sessionId);
    }
}
