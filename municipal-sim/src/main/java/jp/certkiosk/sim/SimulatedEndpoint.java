package jp.certkiosk.sim;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What a kiosk's configuration needs of a running simulated endpoint, one instance
 * ({@link MunicipalSimulator}) or several behind a balancer ({@link SimulatorCluster}).
 */
public interface SimulatedEndpoint {
    /** Where kiosks connect. */
    URI baseUri();

    /** A kiosk's TLS credentials, issued on first request and registered in the allow-list. */
    KioskCredentials kioskCredentials(String kioskId);

    /** The municipal document-signing anchor kiosks trust (DER). */
    Path documentSigningAnchor();

    /** The virtual cards of the seed data, in seed order. */
    List<IssuedCard> cards();
}
