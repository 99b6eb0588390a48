/**
 * The contract between the kiosk and the municipal endpoint, version 1: JSON over HTTPS with
 * mutual TLS. Records here are the wire format; both the simulator and the kiosk client use them,
 * so a change to the contract is a change to this module alone.
 *
 * <p>One transaction: {@code POST /v1/challenges} → the card signs
 * {@link AuthenticationPayload#digest} → {@code POST /v1/sessions} → {@code POST
 * /v1/sessions/{id}/issuances} → print → {@code POST /v1/issuances/{id}/confirmation}.
 */
package jp.certkiosk.api;
