package jp.certkiosk.sim.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The municipalities' tax rolls: one row per resident and fiscal year, in H2. */
public final class TaxRoll {
    private static final String COLUMNS = """
            resident_id, fiscal_year, municipality_code, address, salary_income, employment_income, other_income,
            total_income, deductions, taxable_income, municipal_income_levy, municipal_per_capita,
            prefectural_income_levy, prefectural_per_capita, dependents""";

    private final RegistryDatabase database;

    public TaxRoll(RegistryDatabase database) {
        this.database = database;
    }

    /** Writes the rows the roll lacks (by resident and year); rows already there are left alone. */
    public void seed(List<TaxRecord> records) {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO tax_record (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                             + "WHERE NOT EXISTS (SELECT 1 FROM tax_record WHERE resident_id = ? AND fiscal_year = ?)")) {
            for (TaxRecord r : records) {
                int i = 1;
                insert.setString(i++, r.residentId());
                insert.setInt(i++, r.fiscalYear());
                insert.setString(i++, r.municipalityCode());
                insert.setString(i++, r.addressOnJanuaryFirst());
                for (long yen : new long[] {r.salaryIncome(), r.employmentIncome(), r.otherIncome(), r.totalIncome(),
                        r.deductions(), r.taxableIncome(), r.municipalIncomeLevy(), r.municipalPerCapita(),
                        r.prefecturalIncomeLevy(), r.prefecturalPerCapita()}) {
                    insert.setLong(i++, yen);
                }
                insert.setInt(i++, r.dependents());
                insert.setString(i++, r.residentId());
                insert.setInt(i, r.fiscalYear());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot seed the tax roll", e);
        }
    }

    /** The resident's row of a fiscal year in this municipality's roll. */
    public Optional<TaxRecord> of(String residentId, int fiscalYear, String municipalityCode) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM tax_record WHERE resident_id = ? AND fiscal_year = ? AND municipality_code = ?")) {
            statement.setString(1, residentId);
            statement.setInt(2, fiscalYear);
            statement.setString(3, municipalityCode);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TaxRecord(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10),
                        row.getLong(11), row.getLong(12), row.getLong(13), row.getLong(14), row.getInt(15)));
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read the tax roll", e);
        }
    }
}
