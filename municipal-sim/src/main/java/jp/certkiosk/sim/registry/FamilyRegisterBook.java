package jp.certkiosk.sim.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.certkiosk.api.ApiJson;

/**
 * The family registers (戸籍) and their annexes (戸籍の附票) the municipalities keep, in H2: one
 * row per register, one per person recorded in it (the personal events as JSON, in the order
 * printed), one per address of the annex.
 */
public final class FamilyRegisterBook {
    private static final ObjectMapper JSON = ApiJson.newMapper();
    private static final TypeReference<List<RegisterPerson.StatusEntry>> EVENTS = new TypeReference<>() {};

    private final RegistryDatabase database;

    public FamilyRegisterBook(RegistryDatabase database) {
        this.database = database;
    }

    /** Writes the registers the book lacks (by id); registers already there are left alone. */
    public void seed(List<FamilyRegister> registers) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                for (FamilyRegister register : registers) {
                    if (!exists(connection, register.registerId())) {
                        insert(connection, register);
                    }
                }
                connection.commit();
            } catch (SQLException | JsonProcessingException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new RegistryException("cannot seed the family registers", e);
        }
    }

    /** The register in which this resident is recorded (and not removed from), if the book knows one. */
    public Optional<FamilyRegister> ofResident(String residentId) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT register_id FROM register_person WHERE resident_id = ? AND NOT removed")) {
            statement.setString(1, residentId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(register(connection, row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read a family register", e);
        }
    }

    private static FamilyRegister register(Connection connection, String registerId) throws SQLException {
        List<RegisterPerson> persons = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position, resident_id, name, birth_date, father, mother, relationship, spouse_role, removed, "
                        + "events FROM register_person WHERE register_id = ? ORDER BY position")) {
            statement.setString(1, registerId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int position = row.getInt("position");
                    List<RegisterPerson.StatusEntry> events;
                    try {
                        events = JSON.readValue(row.getString("events"), EVENTS);
                    } catch (JsonProcessingException e) {
                        throw new RegistryException("cannot read the personal events of a register", e);
                    }
                    persons.add(new RegisterPerson(position, row.getString("resident_id"), row.getString("name"),
                            row.getDate("birth_date").toLocalDate(), row.getString("father"), row.getString("mother"),
                            row.getString("relationship"), row.getString("spouse_role"), row.getBoolean("removed"),
                            events, addresses(connection, registerId, position)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT municipality_code, municipality_name, domicile, head_name, compiled_by, compiled_on "
                        + "FROM family_register WHERE register_id = ?")) {
            statement.setString(1, registerId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new RegistryException("a register person without a register", null);
                }
                return new FamilyRegister(registerId, row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getDate(6).toLocalDate(), persons);
            }
        }
    }

    private static List<RegisterPerson.AnnexAddress> addresses(Connection connection, String registerId, int position)
            throws SQLException {
        List<RegisterPerson.AnnexAddress> addresses = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT address, since FROM annex_address WHERE register_id = ? AND position = ? ORDER BY seq")) {
            statement.setString(1, registerId);
            statement.setInt(2, position);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    addresses.add(new RegisterPerson.AnnexAddress(row.getString(1), row.getDate(2).toLocalDate()));
                }
            }
        }
        return addresses;
    }

    private static boolean exists(Connection connection, String registerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM family_register WHERE register_id = ?")) {
            statement.setString(1, registerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void insert(Connection connection, FamilyRegister register)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO family_register (register_id, municipality_code, municipality_name, domicile, head_name, "
                        + "compiled_by, compiled_on) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, register.registerId());
            statement.setString(2, register.municipalityCode());
            statement.setString(3, register.municipalityName());
            statement.setString(4, register.domicile());
            statement.setString(5, register.headName());
            statement.setString(6, register.compiledBy());
            statement.setDate(7, Date.valueOf(register.compiledOn()));
            statement.executeUpdate();
        }
        try (PreparedStatement person = connection.prepareStatement(
                "INSERT INTO register_person (register_id, position, resident_id, name, birth_date, father, mother, "
                        + "relationship, spouse_role, removed, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement address = connection.prepareStatement(
                     "INSERT INTO annex_address (register_id, position, seq, address, since) VALUES (?, ?, ?, ?, ?)")) {
            for (RegisterPerson p : register.persons()) {
                int i = 1;
                person.setString(i++, register.registerId());
                person.setInt(i++, p.position());
                person.setString(i++, p.residentId());
                person.setString(i++, p.name());
                person.setDate(i++, Date.valueOf(p.birthDate()));
                person.setString(i++, p.father());
                person.setString(i++, p.mother());
                person.setString(i++, p.relationship());
                person.setString(i++, p.spouseRole());
                person.setBoolean(i++, p.removed());
                person.setString(i, JSON.writeValueAsString(p.events()));
                person.executeUpdate();
                int seq = 0;
                for (RegisterPerson.AnnexAddress a : p.addresses()) {
                    address.setString(1, register.registerId());
                    address.setInt(2, p.position());
                    address.setInt(3, seq++);
                    address.setString(4, a.address());
                    address.setDate(5, Date.valueOf(a.since()));
                    address.executeUpdate();
                }
            }
        }
    }
}
