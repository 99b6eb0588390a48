package jp.certkiosk.sim.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One person in the resident register (住民基本台帳): name, birth date, sex, relationship to the
 * head of household (続柄), the date they became a resident of the municipality, and for foreign
 * residents their nationality and status of residence.
 *
 * @param kioskRestricted the record must not be issued at a kiosk (e.g. DV / stalking support measures)
 * @param sealRegistered the resident has a registered seal (印鑑登録), so 印鑑登録証明書 can be issued
 * @param registeredDomicile 本籍・筆頭者, for Japanese nationals
 */
public record Resident(
        String residentId,
        String householdId,
        PersonName name,
        LocalDate birthDate,
        Sex sex,
        String relationship,
        LocalDate residentSince,
        Optional<ForeignResidence> foreignResidence,
        ResidentStatus status,
        boolean kioskRestricted,
        boolean sealRegistered,
        Optional<RegisteredDomicile> registeredDomicile) {

    public Resident {
        registeredDomicile = registeredDomicile == null ? Optional.empty() : registeredDomicile;
    }

    /** A resident without a registered domicile on record. */
    public Resident(String residentId, String householdId, PersonName name, LocalDate birthDate, Sex sex,
                    String relationship, LocalDate residentSince, Optional<ForeignResidence> foreignResidence,
                    ResidentStatus status, boolean kioskRestricted, boolean sealRegistered) {
        this(residentId, householdId, name, birthDate, sex, relationship, residentSince, foreignResidence, status,
                kioskRestricted, sealRegistered, Optional.empty());
    }

    /** 世帯主: the relationship of the head of household to themselves. */
    public static final String HEAD_OF_HOUSEHOLD = "世帯主";

    public boolean isHeadOfHousehold() {
        return HEAD_OF_HOUSEHOLD.equals(relationship);
    }

    /** Whether a kiosk may issue this person's records at all. */
    public boolean issuableAtKiosk() {
        return kioskRefusal().isEmpty();
    }

    /** Why a kiosk must not issue this person's records (please use the counter), if it must not. */
    public Optional<String> kioskRefusal() {
        if (status == ResidentStatus.MOVED_OUT) {
            return Optional.of("moved out");
        }
        if (status == ResidentStatus.DECEASED) {
            return Optional.of("deceased");
        }
        if (kioskRestricted) {
            return Optional.of("under support measures");
        }
        if (name.hasUnregisteredCharacters()) {
            return Optional.of("name with characters still being registered");
        }
        return Optional.empty();
    }

    /** This resident with 本籍・筆頭者 on record. */
    public Resident withDomicile(RegisteredDomicile domicile) {
        return new Resident(residentId, householdId, name, birthDate, sex, relationship, residentSince,
                foreignResidence, status, kioskRestricted, sealRegistered, Optional.of(domicile));
    }

    public boolean isJapaneseNational() {
        return foreignResidence.isEmpty();
    }
}
