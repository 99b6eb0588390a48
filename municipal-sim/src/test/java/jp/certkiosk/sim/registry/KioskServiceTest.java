package jp.certkiosk.sim.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import jp.certkiosk.api.DocumentType;
import org.junit.jupiter.api.Test;

/** Service hours in Japan time: 6:30 to 23:00, closed Dec 29 - Jan 3, family registers on weekdays. */
class KioskServiceTest {
    private final KioskService service = new KioskService("999001", KioskService.USUAL_OPENING,
            KioskService.USUAL_CLOSING, Set.of(DocumentType.FAMILY_REGISTER), Set.of());

    private static Instant jst(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(KioskService.JAPAN).toInstant();
    }

    @Test
    void openFromHalfPastSixToElevenJapanTime() {
        assertFalse(service.isOpen(jst("2026-06-10T06:29:59")));
        assertTrue(service.isOpen(jst("2026-06-10T06:30:00")));
        assertTrue(service.isOpen(jst("2026-06-10T22:59:59")));
        assertFalse(service.isOpen(jst("2026-06-10T23:00:00")));
        assertFalse(service.isOpen(jst("2026-06-10T02:00:00")));
    }

    @Test
    void closedFromDecember29ToJanuary3() {
        assertTrue(service.isOpen(jst("2026-12-28T22:00:00")));
        assertFalse(service.isOpen(jst("2026-12-29T10:00:00")));
        assertFalse(service.isOpen(jst("2027-01-01T10:00:00")));
        assertFalse(service.isOpen(jst("2027-01-03T22:00:00")));
        assertTrue(service.isOpen(jst("2027-01-04T06:30:00")));
    }

    @Test
    void familyRegisterDocumentsOnWeekdaysOnly() {
        assertTrue(service.issuesNow(DocumentType.FAMILY_REGISTER, jst("2026-06-12T10:00:00")), "Friday");
        assertFalse(service.issuesNow(DocumentType.FAMILY_REGISTER, jst("2026-06-13T10:00:00")), "Saturday");
        assertFalse(service.issuesNow(DocumentType.FAMILY_REGISTER, jst("2026-06-14T10:00:00")), "Sunday");
        assertTrue(service.issuesNow(DocumentType.RESIDENT_RECORD_COPY, jst("2026-06-13T10:00:00")));
    }

    @Test
    void unregisteredCharactersAreThoseKeptAsPrivateUseCodes() {
        assertTrue(PersonName.of("渡辺 \uE0A1子", null).hasUnregisteredCharacters());
        assertFalse(PersonName.of("渡邉 𠮷子", null).hasUnregisteredCharacters());
    }
}
