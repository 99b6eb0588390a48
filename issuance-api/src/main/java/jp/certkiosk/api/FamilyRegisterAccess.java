package jp.certkiosk.api;

import java.util.List;
import java.util.Optional;

/**
 * Whether this kiosk can issue documents from the resident's family register (戸籍), which the
 * municipality of the registered domicile (本籍地) keeps, not the municipality of the address.
 *
 * @param municipalityCode the domicile's municipality, where one is known
 * @param municipalityName its name, to tell the resident where to ask or apply
 * @param persons the persons recorded in the register, for a 個人事項証明書, under references
 *     valid in this session only (listed only when {@link Status#AVAILABLE})
 */
public record FamilyRegisterAccess(Status status, String municipalityCode, String municipalityName,
                                   List<HouseholdMember> persons) {
    public enum Status {
        /** The domicile is this municipality, or the use registration there is approved. */
        AVAILABLE,
        /** Another participating municipality: the kiosk can file the use registration (free, nothing printed). */
        USE_REGISTRATION_REQUIRED,
        /** Filed, not yet approved by the domicile's municipality. */
        USE_REGISTRATION_PENDING,
        /** The domicile's municipality does not issue at kiosks: please ask it. */
        DOMICILE_NOT_PARTICIPATING,
        /** No family register on record (e.g. a foreign resident). */
        NONE
    }

    public FamilyRegisterAccess {
        status = status == null ? Status.NONE : status;
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    public static FamilyRegisterAccess none() {
        return new FamilyRegisterAccess(Status.NONE, null, null, List.of());
    }

    /** The refusal a request for a family-register document meets, unless {@link Status#AVAILABLE}. */
    public Optional<ErrorCode> refusal() {
        return switch (status) {
            case AVAILABLE -> Optional.empty();
            case USE_REGISTRATION_REQUIRED -> Optional.of(ErrorCode.USE_REGISTRATION_REQUIRED);
            case USE_REGISTRATION_PENDING -> Optional.of(ErrorCode.USE_REGISTRATION_PENDING);
            case DOMICILE_NOT_PARTICIPATING -> Optional.of(ErrorCode.DOMICILE_NOT_PARTICIPATING);
            case NONE -> Optional.of(ErrorCode.DOCUMENT_REFUSED);
        };
    }

    @Override
    public String toString() {
        return "FamilyRegisterAccess[" + status + ", " + municipalityCode + ", " + persons.size() + " persons]";
    }
}
