package jp.certkiosk.api;

/** Asks the endpoint for a single-use challenge. The kiosk id must match its TLS client certificate. */
public record ChallengeRequest(String kioskId) {}
