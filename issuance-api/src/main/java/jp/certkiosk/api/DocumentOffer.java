package jp.certkiosk.api;

/** One document the municipality issues at the kiosk, with its fee per copy in yen. */
public record DocumentOffer(DocumentType type, String title, int feeYen) {}
