package jp.certkiosk.sim.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A family register (戸籍) as the municipality of the registered domicile keeps it, in the
 * computerized form: the domicile (本籍), the head (筆頭者), how and when the register was made
 * (戸籍事項: 編製 on a marriage, 転籍, 分籍, ...), and the persons recorded in it in register order.
 *
 * @param municipalityCode the municipality keeping it (may be one that does not issue at kiosks)
 * @param municipalityName its name, for "please ask that municipality"
 * @param compiledBy the event that made the register: 編製 (the usual), 分籍, 転籍
 */
public record FamilyRegister(String registerId, String municipalityCode, String municipalityName, String domicile,
                             String headName, String compiledBy, LocalDate compiledOn, List<RegisterPerson> persons) {
    public FamilyRegister {
        persons = List.copyOf(persons);
    }

    /** The person of the register who is this resident, if any. */
    public Optional<RegisterPerson> person(String residentId) {
        return persons.stream().filter(p -> residentId.equals(p.residentId())).findFirst();
    }

    /** The family name (氏) of the register: the head's. */
    public String familyName() {
        int space = headName.indexOf(' ');
        return space > 0 ? headName.substring(0, space) : headName;
    }
}
