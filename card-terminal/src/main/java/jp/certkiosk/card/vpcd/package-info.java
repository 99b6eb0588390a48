/**
 * The virtual JPKI card as a PC/SC card: {@link jp.certkiosk.card.vpcd.VpcdCardLink} connects a
 * {@link jp.certkiosk.card.virtual.VirtualJpkiCard} to the {@code vsmartcard-vpcd} reader driver of
 * pcscd over loopback TCP, so that every PC/SC client on the machine (the kiosk, OpenSC) sees it in
 * the reader "Virtual PCD 00 00".
 */
package jp.certkiosk.card.vpcd;
