package jp.certkiosk.sim;

import java.nio.file.Path;

/**
 * What a kiosk needs to talk to the simulated endpoint over mutual TLS.
 *
 * @param kioskId the kiosk's id: the CN of its client certificate, and the id it must send
 * @param keyStore PKCS12 holding the kiosk's client key and chain (kiosk certificate, kiosk CA)
 * @param trustStore PKCS12 holding the CA that issued the endpoint's server certificate
 */
public record KioskCredentials(String kioskId, Path keyStore, char[] keyStorePassword, Path trustStore,
                               char[] trustStorePassword) {}
