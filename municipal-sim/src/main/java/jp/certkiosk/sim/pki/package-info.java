/**
 * The simulator's test PKI (BouncyCastle): a user-authentication CA shaped like JPKI's with the
 * virtual cards it personalised, the kiosk CA and kiosk client certificates, and the server CA
 * and localhost server certificate, kept as PKCS12 files.
 */
package jp.certkiosk.sim.pki;
