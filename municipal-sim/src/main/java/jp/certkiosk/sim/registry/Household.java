package jp.certkiosk.sim.registry;

import java.util.List;
import java.util.Optional;

/** A household (世帯): its address in the municipality and its members in register order. */
public record Household(String householdId, String municipalityCode, String address, List<Resident> members) {
    public Household {
        members = List.copyOf(members);
    }

    /** The head of household (世帯主), if the register names one among the members. */
    public Optional<Resident> head() {
        return members.stream().filter(Resident::isHeadOfHousehold).findFirst();
    }
}
