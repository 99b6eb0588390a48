package jp.certkiosk.sim;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What a kiosk's configuration needs of a running simulated endpoint, one instance
 * ({@link MunicipalSimulator}) or several behind a balancer ({@link SimulatorCluster}).
 */
public interface SimulatedEndpoint extends AutoCloseable {
    /**
     * Starts one instance ({@code instances} 1) or a cluster of them behind HAProxy on
     * {@code options.port()}.
     */
    static SimulatedEndpoint start(SimulatorOptions options, int instances) {
        return instances > 1 ? SimulatorCluster.start(options, instances) : MunicipalSimulator.start(options);
    }

    /** Where kiosks connect. */
    URI baseUri();

    /** A kiosk's TLS credentials, issued on first request and registered in the allow-list. */
    KioskCredentials kioskCredentials(String kioskId);

    /** The municipal document-signing anchor kiosks trust (DER). */
    Path documentSigningAnchor();

    /** The virtual cards of the seed data, in seed order. */
    List<IssuedCard> cards();

    /** The domicile municipalities approve every pending use registration now; returns how many. */
    int approveUseRegistrations();

    /** What else a vendor should know of it, one line each (e.g. the OCSP responder, the instances). */
    List<String> about();

    /** Stops it. */
    @Override
    void close();
}
