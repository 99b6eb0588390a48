package jp.certkiosk.sim.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One person recorded in a family register (戸籍に記録されている者): name, date of birth,
 * parents, relationship to them (続柄: 長男, 長女, ...), spouse role (配偶者区分: 夫 or 妻, null
 * if not married), and the personal events (身分事項) in the order recorded. A person who left the
 * register (by marriage into a new one, death, ...) stays in it marked 除籍.
 *
 * @param residentId the resident this person is, when the register knows them as one (else null)
 * @param addresses the address history kept in the annex (戸籍の附票), oldest first
 */
public record RegisterPerson(int position, String residentId, String name, LocalDate birthDate, String father,
                             String mother, String relationship, String spouseRole, boolean removed,
                             List<StatusEntry> events, List<AnnexAddress> addresses) {
    public RegisterPerson {
        events = List.copyOf(events);
        addresses = List.copyOf(addresses);
    }

    /** 名: the given name; the computerized register prints the family name only once, as 氏名 of the head. */
    public String givenName() {
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(space + 1) : name;
    }

    /**
     * One personal event (出生, 婚姻, 死亡, 除籍 ...) with its items in the order printed, each a
     * label (【出生日】) and a value.
     */
    public record StatusEntry(String kind, List<Item> items) {
        public StatusEntry {
            items = List.copyOf(items);
        }

        /** A label (【出生日】) and either a text or a date (printed in the Japanese era). */
        public record Item(String label, String text, LocalDate date) {
            public static Item text(String label, String text) {
                return new Item(label, text, null);
            }

            public static Item date(String label, LocalDate date) {
                return new Item(label, null, date);
            }
        }
    }

    /** An address in the annex of the register: where the person lived, from when (住所を定めた年月日). */
    public record AnnexAddress(String address, LocalDate since) {}
}
