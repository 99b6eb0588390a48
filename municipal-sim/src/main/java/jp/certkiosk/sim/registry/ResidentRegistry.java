package jp.certkiosk.sim.registry;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Menu;

/**
 * The resident register of the simulated municipalities: who lives where, which card
 * certificate belongs to whom, and what each municipality offers at kiosks. Plain JDBC.
 */
public final class ResidentRegistry {
    private static final String RESIDENT_COLUMNS = """
            resident_id, household_id, name, name_reading, birth_date, sex, relationship, resident_since,
            nationality, status_of_residence, period_of_stay_ends, status, kiosk_restricted, seal_registered, domicile,
            domicile_head""";

    private final RegistryDatabase database;

    public ResidentRegistry(RegistryDatabase database) {
        this.database = database;
    }

    /**
     * Writes whatever of the seed data the register lacks (municipalities, offers, households and
     * residents by id: rows added to the seed later arrive on the next start, rows already there are
     * left alone), then links every seeded card certificate to its resident.
     *
     * @param certificateSha256ByProfile the SHA-256 (hex) of each card's certificate, by profile
     */
    public void seed(List<Municipality> municipalities, Map<String, List<DocumentOffer>> offers,
                     List<Household> households, List<SeedCard> cards, Map<String, String> certificateSha256ByProfile) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                insertMunicipalities(connection, municipalities, offers);
                insertHouseholds(connection, households);
                linkCards(connection, cards, certificateSha256ByProfile);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot seed the registry", e);
        }
    }

    /**
     * Records the previous address (前住所) and the registered seal's text (印影) of residents,
     * where the register holds none yet. Residents not in the register are skipped.
     */
    public void seedDetails(Map<String, String> previousAddresses, Map<String, String> sealImpressions) {
        java.util.Set<String> ids = new java.util.TreeSet<>(previousAddresses.keySet());
        ids.addAll(sealImpressions.keySet());
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO resident_detail (resident_id, previous_address, seal_impression) "
                             + "SELECT resident_id, ?, ? FROM resident r WHERE resident_id = ? "
                             + "AND NOT EXISTS (SELECT 1 FROM resident_detail d WHERE d.resident_id = r.resident_id)")) {
            for (String id : ids) {
                insert.setString(1, previousAddresses.get(id));
                insert.setString(2, sealImpressions.get(id));
                insert.setString(3, id);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot seed resident details", e);
        }
    }

    /** The previous address of each member of a household that has one, by resident id. */
    public Map<String, String> previousAddresses(String householdId) {
        return details("SELECT d.resident_id, d.previous_address FROM resident_detail d JOIN resident r "
                + "ON r.resident_id = d.resident_id WHERE r.household_id = ? AND d.previous_address IS NOT NULL",
                householdId);
    }

    /** The text of the resident's registered seal, by resident id (empty when none is recorded). */
    public Map<String, String> sealImpressions(String residentId) {
        return details("SELECT resident_id, seal_impression FROM resident_detail WHERE resident_id = ? "
                + "AND seal_impression IS NOT NULL", residentId);
    }

    private Map<String, String> details(String sql, String parameter) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            Map<String, String> result = new java.util.HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    result.put(row.getString(1), row.getString(2));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new RegistryException("cannot read resident details", e);
        }
    }

    /** The resident a user-authentication certificate (by SHA-256 of its DER) belongs to. */
    public Optional<Resident> residentByCertificate(String certificateSha256) {
        return queryResidents("SELECT " + RESIDENT_COLUMNS + " FROM resident WHERE resident_id = "
                + "(SELECT resident_id FROM card_certificate WHERE certificate_sha256 = ?)", certificateSha256)
                .stream().findFirst();
    }

    public Optional<Resident> resident(String residentId) {
        return queryResidents("SELECT " + RESIDENT_COLUMNS + " FROM resident WHERE resident_id = ?", residentId)
                .stream().findFirst();
    }

    public Household household(String householdId) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT municipality_code, address FROM household WHERE household_id = ?")) {
            statement.setString(1, householdId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new RegistryException("household missing for a resident", null);
                }
                List<Resident> members = queryResidents("SELECT " + RESIDENT_COLUMNS
                        + " FROM resident WHERE household_id = ? ORDER BY position", householdId);
                return new Household(householdId, row.getString(1), row.getString(2), members);
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read a household", e);
        }
    }

    public Municipality municipality(String code) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT prefecture, name, mayor FROM municipality WHERE code = ?")) {
            statement.setString(1, code);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new RegistryException("municipality missing for a household", null);
                }
                return new Municipality(code, row.getString(1), row.getString(2), row.getString(3));
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read a municipality", e);
        }
    }

    /** Whether the municipality takes part in kiosk issuance (is in this register at all). */
    public boolean takesPart(String code) {
        try (Connection connection = database.connection()) {
            return exists(connection, "SELECT 1 FROM municipality WHERE code = ?", code);
        } catch (SQLException e) {
            throw new RegistryException("cannot read a municipality", e);
        }
    }

    /** What the municipality offers at kiosks, as the contract's menu. */
    public Menu menu(String municipalityCode) {
        Municipality municipality = municipality(municipalityCode);
        List<DocumentOffer> offers = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT document_type, title, fee_yen FROM document_offer WHERE municipality_code = ? "
                             + "ORDER BY position")) {
            statement.setString(1, municipalityCode);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    offers.add(new DocumentOffer(DocumentType.valueOf(row.getString(1)), row.getString(2), row.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read document offers", e);
        }
        return new Menu(municipality.code(), municipality.fullName(), offers);
    }

    private List<Resident> queryResidents(String sql, String parameter) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<Resident> residents = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    residents.add(resident(row));
                }
            }
            return residents;
        } catch (SQLException e) {
            throw new RegistryException("cannot read residents", e);
        }
    }

    private static Resident resident(ResultSet row) throws SQLException {
        Optional<ForeignResidence> foreign = Optional.ofNullable(row.getString("nationality"))
                .map(nationality -> {
                    try {
                        return new ForeignResidence(nationality, row.getString("status_of_residence"),
                                Optional.ofNullable(localDate(row.getDate("period_of_stay_ends"))));
                    } catch (SQLException e) {
                        throw new RegistryException("cannot read a foreign residence", e);
                    }
                });
        return new Resident(
                row.getString("resident_id"),
                row.getString("household_id"),
                PersonName.of(row.getString("name"), row.getString("name_reading")),
                localDate(row.getDate("birth_date")),
                Sex.valueOf(row.getString("sex")),
                row.getString("relationship"),
                localDate(row.getDate("resident_since")),
                foreign,
                ResidentStatus.valueOf(row.getString("status")),
                row.getBoolean("kiosk_restricted"),
                row.getBoolean("seal_registered"),
                Optional.ofNullable(row.getString("domicile"))
                        .map(domicile -> new RegisteredDomicile(domicile, headOfFamilyRegister(row))));
    }

    private static String headOfFamilyRegister(ResultSet row) {
        try {
            return row.getString("domicile_head");
        } catch (SQLException e) {
            throw new RegistryException("cannot read a registered domicile", e);
        }
    }

    private static boolean exists(Connection connection, String sql, String... keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                statement.setString(i + 1, keys[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void insertMunicipalities(Connection connection, List<Municipality> municipalities,
                                             Map<String, List<DocumentOffer>> offers) throws SQLException {
        try (PreparedStatement municipality = connection.prepareStatement(
                     "INSERT INTO municipality (code, prefecture, name, mayor) VALUES (?, ?, ?, ?)");
             PreparedStatement offer = connection.prepareStatement(
                     "INSERT INTO document_offer (municipality_code, document_type, title, fee_yen, position) "
                             + "VALUES (?, ?, ?, ?, ?)")) {
            for (Municipality m : municipalities) {
                if (!exists(connection, "SELECT 1 FROM municipality WHERE code = ?", m.code())) {
                    municipality.setString(1, m.code());
                    municipality.setString(2, m.prefecture());
                    municipality.setString(3, m.name());
                    municipality.setString(4, m.mayor());
                    municipality.executeUpdate();
                }
                // offers added to the seed later arrive too, after those already there
                int position = 0;
                for (DocumentOffer o : offers.getOrDefault(m.code(), List.of())) {
                    if (exists(connection, "SELECT 1 FROM document_offer WHERE municipality_code = ? AND document_type = ?",
                            m.code(), o.type().name())) {
                        position++;
                        continue;
                    }
                    offer.setString(1, m.code());
                    offer.setString(2, o.type().name());
                    offer.setString(3, o.title());
                    offer.setInt(4, o.feeYen());
                    offer.setInt(5, position++);
                    offer.executeUpdate();
                }
            }
        }
    }

    private static void insertHouseholds(Connection connection, List<Household> households) throws SQLException {
        try (PreparedStatement household = connection.prepareStatement(
                     "INSERT INTO household (household_id, municipality_code, address) VALUES (?, ?, ?)");
             PreparedStatement resident = connection.prepareStatement(
                     "INSERT INTO resident (position, " + RESIDENT_COLUMNS + ") "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Household h : households) {
                if (exists(connection, "SELECT 1 FROM household WHERE household_id = ?", h.householdId())) {
                    continue;
                }
                household.setString(1, h.householdId());
                household.setString(2, h.municipalityCode());
                household.setString(3, h.address());
                household.executeUpdate();
                int position = 0;
                for (Resident r : h.members()) {
                    int i = 1;
                    resident.setInt(i++, position++);
                    resident.setString(i++, r.residentId());
                    resident.setString(i++, h.householdId());
                    resident.setString(i++, r.name().written());
                    resident.setString(i++, r.name().reading().orElse(null));
                    resident.setDate(i++, Date.valueOf(r.birthDate()));
                    resident.setString(i++, r.sex().name());
                    resident.setString(i++, r.relationship());
                    resident.setDate(i++, Date.valueOf(r.residentSince()));
                    resident.setString(i++, r.foreignResidence().map(ForeignResidence::nationality).orElse(null));
                    resident.setString(i++, r.foreignResidence().map(ForeignResidence::statusOfResidence).orElse(null));
                    resident.setDate(i++, r.foreignResidence().flatMap(ForeignResidence::periodOfStayEnds)
                            .map(Date::valueOf).orElse(null));
                    resident.setString(i++, r.status().name());
                    resident.setBoolean(i++, r.kioskRestricted());
                    resident.setBoolean(i++, r.sealRegistered());
                    resident.setString(i++, r.registeredDomicile().map(RegisteredDomicile::domicile).orElse(null));
                    resident.setString(i, r.registeredDomicile().map(RegisteredDomicile::headOfFamilyRegister)
                            .orElse(null));
                    resident.executeUpdate();
                }
            }
        }
    }

    private static void linkCards(Connection connection, List<SeedCard> cards, Map<String, String> sha256ByProfile)
            throws SQLException {
        try (PreparedStatement link = connection.prepareStatement(
                "MERGE INTO card_certificate (certificate_sha256, resident_id) KEY (certificate_sha256) VALUES (?, ?)")) {
            for (SeedCard card : cards) {
                String sha256 = sha256ByProfile.get(card.profile());
                if (sha256 != null && card.residentId().isPresent()) {
                    link.setString(1, sha256);
                    link.setString(2, card.residentId().get());
                    link.executeUpdate();
                }
            }
        }
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
