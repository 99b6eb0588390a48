package jp.certkiosk.sim.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.SeedData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * One writer serves every kiosk at once: documents written in parallel each come out whole, with
 * their own household's names and no one else's.
 */
class CertificatePdfWriterConcurrencyTest {
    @Test
    void documentsWrittenAtOnceEachHoldTheirOwnHousehold() throws Exception {
        List<Household> households = SeedData.HOUSEHOLDS.subList(0, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CertificatePdfWriter writer = CertificatePdfWriter.standard()) {
            ResidentRecordDocument document = new ResidentRecordDocument(writer);
            List<Future<String>> texts = new ArrayList<>();
            List<Household> asked = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Household household = households.get(i % households.size());
                asked.add(household);
                texts.add(pool.submit(() -> {
                    byte[] pdf = document.render(municipalityOf(household), household, household.members(),
                            "ISS-PAR", LocalDate.of(2026, 12, 1));
                    try (PDDocument parsed = Loader.loadPDF(pdf)) {
                        return new PDFTextStripper().getText(parsed);
                    }
                }));
            }
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i).get(2, TimeUnit.MINUTES);
                Household own = asked.get(i);
                for (Resident member : own.members()) {
                    assertTrue(text.contains(member.name().written()), "document " + i + " lacks its own member");
                }
                for (Household other : households) {
                    if (!other.householdId().equals(own.householdId())) {
                        for (Resident stranger : other.members()) {
                            assertFalse(text.contains(stranger.name().written()),
                                    "document " + i + " names someone of another household");
                        }
                    }
                }
            }
            assertEquals(32, texts.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Municipality municipalityOf(Household household) {
        return SeedData.MUNICIPALITIES.stream().filter(m -> m.code().equals(household.municipalityCode()))
                .findFirst().orElseThrow();
    }
}
