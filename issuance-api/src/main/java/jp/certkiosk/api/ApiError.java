package jp.certkiosk.api;

/** The body of every non-2xx answer: a stable code the kiosk maps to a message, and a detail for logs. */
public record ApiError(ErrorCode code, String detail) {}
