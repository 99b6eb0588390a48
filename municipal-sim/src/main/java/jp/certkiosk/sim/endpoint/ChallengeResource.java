package jp.certkiosk.sim.endpoint;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.ChallengeRequest;

/** {@code POST /v1/challenges}: a single-use challenge for the kiosk's card to sign. */
@Path(ApiPaths.CHALLENGES)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ChallengeResource {
    private final SessionDesk desk;

    @Inject
    public ChallengeResource(SessionDesk desk) {
        this.desk = desk;
    }

    @POST
    public Challenge issue(ChallengeRequest request, @Context SecurityContext security) {
        return desk.challenge(KioskIdentity.of(security), request);
    }
}
