package jp.certkiosk.sim.endpoint;

import java.nio.charset.StandardCharsets;
import jp.certkiosk.api.AuthenticationPayload;

/**
 * References to household members that mean something in one session only: the resident id never
 * leaves the endpoint, and a reference from one session names no one in another.
 */
final class MemberRefs {
    private MemberRefs() {}

    static String of(String sessionId, String residentId) {
        return AuthenticationPayload.sha256Hex(("member\n" + sessionId + "\n" + residentId)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }
}
