package jp.certkiosk.sim.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The allow-list of kiosks: the kiosk ids the municipalities' center has registered, each with the
 * SHA-256 of the one TLS client certificate it presents. A certificate issued by the kiosk CA is
 * not enough on its own: a lost or replaced terminal's certificate stops working the moment another
 * is registered for its id.
 */
public final class KioskRegister {
    private final RegistryDatabase database;

    public KioskRegister(RegistryDatabase database) {
        this.database = database;
    }

    /** Registers (or re-registers, replacing the old certificate) a kiosk. */
    public void register(String kioskId, String certificateSha256, Instant at) {
        try (Connection connection = database.connection();
             PreparedStatement merge = connection.prepareStatement(
                     "MERGE INTO registered_kiosk (kiosk_id, certificate_sha256, registered_at) KEY (kiosk_id) "
                             + "VALUES (?, ?, ?)")) {
            merge.setString(1, kioskId);
            merge.setString(2, certificateSha256);
            merge.setObject(3, at.atOffset(ZoneOffset.UTC));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new RegistryException("cannot register a kiosk", e);
        }
    }

    /** Whether this kiosk id is registered with exactly this certificate. */
    public boolean isRegistered(String kioskId, String certificateSha256) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM registered_kiosk WHERE kiosk_id = ? AND certificate_sha256 = ?")) {
            select.setString(1, kioskId);
            select.setString(2, certificateSha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read the kiosk register", e);
        }
    }
}
