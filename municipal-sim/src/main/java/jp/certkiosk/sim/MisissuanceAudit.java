package jp.certkiosk.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.RegistryDatabase;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.SeedCard;
import jp.certkiosk.sim.registry.SeedData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * After a soak: every document and every yen checked against the endpoint's ledger. A document
 * must name its own card's resident and household and nobody of another household; the ledger
 * must have issued it to that resident at that kiosk; no issuance id may be handed out twice;
 * every fee kept must belong to a PRINTED confirmation of the same amount, and every FAILED
 * issuance must have kept no money.
 */
public final class MisissuanceAudit {
    /**
     * One transaction as a kiosk reports it.
     *
     * @param outcome the kiosk's outcome code ({@code ISSUED} when a document came out)
     * @param issuanceId null when nothing was reserved
     * @param keptYen what the resident paid and did not get back
     * @param document the printed file, or null (none came out, or it was checked with
     *     {@link #documentProblems} as it came out and is gone)
     */
    public record KioskTransaction(String kioskId, String cardProfile, String outcome, String issuanceId, int keptYen,
                                   Path document) {}

    /** What the audit found. */
    public record Result(int transactions, int issued, int printedInLedger, int failedInLedger, int stillReserved,
                         long feesYen, List<String> mismatches) {
        public boolean clean() {
            return mismatches.isEmpty();
        }
    }

    private record LedgerRow(String kioskId, String residentId, String status, int feeYen) {}

    private MisissuanceAudit() {}

    /** The audit of every issuance of these transactions' kiosks in the ledger. */
    public static Result audit(Collection<KioskTransaction> transactions, RegistryDatabase registry) {
        return audit(transactions, registry, Instant.EPOCH);
    }

    /** The audit of the issuances these transactions' kiosks reserved from {@code since} on (one run's). */
    public static Result audit(Collection<KioskTransaction> transactions, RegistryDatabase registry, Instant since) {
        Set<String> kiosks = new HashSet<>();
        transactions.forEach(t -> kiosks.add(t.kioskId()));
        Map<String, LedgerRow> ledger = ledger(registry, kiosks, since);
        List<String> mismatches = new ArrayList<>();
        Map<String, KioskTransaction> byIssuance = new HashMap<>();
        int issued = 0;
        long kept = 0;
        for (KioskTransaction t : transactions) {
            kept += t.keptYen();
            if (t.outcome().equals(ISSUED)) {
                issued++;
                if (t.issuanceId() == null || byIssuance.putIfAbsent(t.issuanceId(), t) != null) {
                    mismatches.add("issuance id handed out twice or missing: " + t.issuanceId());
                    continue;
                }
                checkDocument(t, ledger.get(t.issuanceId()), mismatches);
            } else if (t.keptYen() != 0) {
                mismatches.add(t.kioskId() + " kept " + t.keptYen() + " yen without a document (" + t.outcome() + ")");
            }
        }
        int printed = 0;
        int failed = 0;
        int reserved = 0;
        long fees = 0;
        for (Map.Entry<String, LedgerRow> entry : ledger.entrySet()) {
            LedgerRow row = entry.getValue();
            KioskTransaction t = byIssuance.get(entry.getKey());
            switch (row.status()) {
                case "PRINTED" -> {
                    printed++;
                    fees += row.feeYen();
                    if (t == null) {
                        mismatches.add("PRINTED in the ledger without a document at the kiosk: " + entry.getKey());
                    } else if (t.keptYen() != row.feeYen()) {
                        mismatches.add("fee of " + entry.getKey() + ": ledger " + row.feeYen() + ", kiosk kept "
                                + t.keptYen());
                    }
                }
                case "FAILED" -> {
                    failed++;
                    if (t != null) {
                        mismatches.add("FAILED in the ledger but a document came out: " + entry.getKey());
                    }
                }
                default -> reserved++;
            }
        }
        if (fees != kept) {
            mismatches.add("the kiosks kept " + kept + " yen, the ledger charged " + fees + " yen");
        }
        return new Result(transactions.size(), issued, printed, failed, reserved, fees, List.copyOf(mismatches));
    }

    /** The kiosks' outcome code of a transaction whose document came out. */
    public static final String ISSUED = "ISSUED";

    /**
     * What is wrong with one printed document: it must name card {@code cardProfile}'s resident and
     * household, and nobody of another household.
     */
    public static List<String> documentProblems(String issuanceId, String cardProfile, Path pdf) {
        List<String> problems = new ArrayList<>();
        String residentId = SeedData.CARDS.stream().filter(c -> c.profile().equals(cardProfile))
                .findFirst().flatMap(SeedCard::residentId).orElse(null);
        Household own = SeedData.HOUSEHOLDS.stream()
                .filter(h -> h.members().stream().anyMatch(m -> m.residentId().equals(residentId)))
                .findFirst().orElse(null);
        if (own == null) {
            return List.of(issuanceId + ": a document for card " + cardProfile + ", which has no resident");
        }
        String text = compact(text(pdf));
        Resident resident = own.members().stream().filter(m -> m.residentId().equals(residentId)).findFirst()
                .orElseThrow();
        if (!text.contains(compact(resident.name().written())) || !text.contains(compact(own.address()))) {
            problems.add(issuanceId + ": the document does not name card " + cardProfile
                    + "'s resident and household");
        }
        for (Household other : SeedData.HOUSEHOLDS) {
            if (other.householdId().equals(own.householdId())) {
                continue;
            }
            for (Resident stranger : other.members()) {
                if (text.contains(compact(stranger.name().written()))) {
                    problems.add(issuanceId + ": the document of card " + cardProfile
                            + " names a resident of household " + other.householdId());
                }
            }
        }
        return problems;
    }

    private static void checkDocument(KioskTransaction t, LedgerRow row, List<String> mismatches) {
        String residentId = SeedData.CARDS.stream().filter(c -> c.profile().equals(t.cardProfile()))
                .findFirst().flatMap(SeedCard::residentId).orElse(null);
        if (row == null) {
            mismatches.add(t.issuanceId() + ": a document the ledger does not know");
        } else if (!row.residentId().equals(residentId) || !row.kioskId().equals(t.kioskId())) {
            mismatches.add(t.issuanceId() + ": issued to " + row.residentId() + " at " + row.kioskId()
                    + ", printed for card " + t.cardProfile() + " at " + t.kioskId());
        }
        if (t.document() != null) {
            mismatches.addAll(documentProblems(t.issuanceId(), t.cardProfile(), t.document()));
        }
    }

    private static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            return "";
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Map<String, LedgerRow> ledger(RegistryDatabase registry, Set<String> kiosks, Instant since) {
        Map<String, LedgerRow> rows = new HashMap<>();
        try (Connection connection = registry.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT issuance_id, kiosk_id, resident_id, status, fee_yen FROM issuance "
                             + "WHERE kiosk_id = ? AND reserved_at >= ?")) {
            for (String kiosk : kiosks) {
                select.setString(1, kiosk);
                select.setObject(2, since.atOffset(java.time.ZoneOffset.UTC));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.put(row.getString(1), new LedgerRow(row.getString(2), row.getString(3), row.getString(4),
                                row.getInt(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger", e);
        }
        return rows;
    }
}
