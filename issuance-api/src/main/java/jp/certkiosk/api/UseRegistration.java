package jp.certkiosk.api;

import java.time.Instant;

/**
 * The resident's use registration (利用登録申請) with the municipality of their registered
 * domicile, which lets them print family-register documents at kiosks once it is approved. Filing
 * it is free and prints nothing ({@code POST /v1/sessions/{id}/use-registration}); repeating it
 * returns the registration already on file.
 */
public record UseRegistration(Status status, String municipalityCode, String municipalityName, Instant filedAt) {
    public enum Status { PENDING, APPROVED }
}
