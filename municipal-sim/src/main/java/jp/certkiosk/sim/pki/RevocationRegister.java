package jp.certkiosk.sim.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The revocation status of the user-authentication certificates, as the OCSP responder reports
 * it: suspended after a lost card was reported on the hotline (certificateHold, lifted when the
 * card is found), or revoked for good. Certificates not listed are good.
 */
public final class RevocationRegister {
    /** Why a certificate is not good. */
    public enum Reason { SUSPENDED, REVOKED }

    /** An entry of the register: since when and why. */
    public record Entry(Reason reason, Instant since) {}

    private final ConcurrentMap<BigInteger, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public RevocationRegister(Clock clock) {
        this.clock = clock;
    }

    /** A lost card reported: its certificate is suspended from now on. */
    public void suspend(X509Certificate certificate) {
        put(certificate, Reason.SUSPENDED, clock.instant());
    }

    public void revoke(X509Certificate certificate) {
        put(certificate, Reason.REVOKED, clock.instant());
    }

    /** The card was found and brought to the municipal office: the suspension is lifted. */
    public void reinstate(X509Certificate certificate) {
        entries.computeIfPresent(certificate.getSerialNumber(),
                (serial, entry) -> entry.reason() == Reason.SUSPENDED ? null : entry);
    }

    public Optional<Entry> status(BigInteger serial) {
        return Optional.ofNullable(entries.get(serial));
    }

    /** Registers a seeded card's condition as it was a day before the clock's time. */
    void seed(X509Certificate certificate, CertificateCondition condition) {
        Instant aDayAgo = clock.instant().minus(Duration.ofDays(1));
        if (condition == CertificateCondition.SUSPENDED) {
            put(certificate, Reason.SUSPENDED, aDayAgo);
        } else if (condition == CertificateCondition.REVOKED) {
            put(certificate, Reason.REVOKED, aDayAgo);
        }
    }

    private void put(X509Certificate certificate, Reason reason, Instant since) {
        // a status reported before the validation time: the checker compares it with its own date
        entries.put(certificate.getSerialNumber(), new Entry(reason, since.minusSeconds(1)));
    }
}
