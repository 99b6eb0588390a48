package jp.certkiosk.sim.endpoint;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;

/**
 * {@code POST /v1/sessions} opens a session with a signed challenge; {@code POST
 * /v1/sessions/{sessionId}/issuances} reserves a document in it.
 */
@Path(ApiPaths.SESSIONS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class SessionResource {
    private final SessionDesk sessions;
    private final IssuanceDesk issuances;

    @Inject
    public SessionResource(SessionDesk sessions, IssuanceDesk issuances) {
        this.sessions = sessions;
        this.issuances = issuances;
    }

    @POST
    public Session open(SessionRequest request, @Context SecurityContext security) {
        return sessions.open(KioskIdentity.of(security), request);
    }

    @POST
    @Path("{sessionId}/issuances")
    public Issuance reserve(@PathParam("sessionId") String sessionId, IssuanceRequest request,
                            @Context SecurityContext security) {
        return issuances.reserve(KioskIdentity.of(security), sessionId, request);
    }
}
