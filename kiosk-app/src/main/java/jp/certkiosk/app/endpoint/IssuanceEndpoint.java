package jp.certkiosk.app.endpoint;

import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import jp.certkiosk.api.UseRegistration;

/** The municipal endpoint as the kiosk sees it: version 1 of the contract in {@code jp.certkiosk.api}. */
public interface IssuanceEndpoint extends AutoCloseable {
    EndpointResult<Challenge> challenge(String kioskId);

    EndpointResult<Session> openSession(SessionRequest request);

    EndpointResult<Issuance> reserve(String sessionId, IssuanceRequest request);

    EndpointResult<Void> confirm(String issuanceId, Confirmation confirmation);

    /** The recovery query: where an issuance of this kiosk stands. */
    EndpointResult<IssuanceState> state(String issuanceId);

    /**
     * Files the session's resident's use registration with the municipality of their registered
     * domicile (free, nothing printed). An endpoint that does not know it refuses.
     */
    default EndpointResult<UseRegistration> fileUseRegistration(String sessionId) {
        return new EndpointResult.Refused<>(jp.certkiosk.api.ErrorCode.DOCUMENT_NOT_OFFERED, "use registration not supported");
    }

    @Override
    default void close() {}
}
