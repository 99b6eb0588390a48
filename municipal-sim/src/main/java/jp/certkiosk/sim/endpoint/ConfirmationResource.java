package jp.certkiosk.sim.endpoint;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.IssuanceState;

/**
 * {@code POST /v1/issuances/{issuanceId}/confirmation}: how the issuance ended at the printer (204);
 * {@code GET /v1/issuances/{issuanceId}}: the recovery query, for the kiosk that reserved it.
 */
@Path("v1/issuances")
@Singleton
public final class ConfirmationResource {
    private final IssuanceDesk issuances;

    @Inject
    public ConfirmationResource(IssuanceDesk issuances) {
        this.issuances = issuances;
    }

    @GET
    @Path("{issuanceId}")
    @Produces(MediaType.APPLICATION_JSON)
    public IssuanceState state(@PathParam("issuanceId") String issuanceId, @Context SecurityContext security) {
        return issuances.state(KioskIdentity.of(security), issuanceId);
    }

    @POST
    @Path("{issuanceId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@PathParam("issuanceId") String issuanceId, Confirmation confirmation,
                            @Context SecurityContext security) {
        issuances.confirm(KioskIdentity.of(security), issuanceId, confirmation);
        return Response.noContent().build();
    }
}
