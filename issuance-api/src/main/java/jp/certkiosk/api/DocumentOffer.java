package jp.certkiosk.api;

/**
 * One document the municipality issues at the kiosk, with its fee per copy in yen. The fee of an
 * issuance ({@link Issuance#feeYen}) is this fee times the copies: the total for all copies.
 */
public record DocumentOffer(DocumentType type, String title, int feeYen) {}
