package jp.certkiosk.sim.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A date in the Japanese era calendar (和暦) as printed on certificates: 平成元年1月8日,
 * 昭和64年1月7日. The first year of an era is written 元年.
 *
 * <p>Era start dates: 明治 1868-01-25 (taken as the start here; the era was proclaimed later
 * that year and applied from its beginning in the lunar calendar), 大正 1912-07-30,
 * 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01. Dates before 明治 are refused.
 */
public record JapaneseEraDate(String era, int year, int month, int day) {
    private record Era(String name, LocalDate start) {}

    /** Newest first. */
    private static final List<Era> ERAS = List.of(
            new Era("令和", LocalDate.of(2019, 5, 1)),
            new Era("平成", LocalDate.of(1989, 1, 8)),
            new Era("昭和", LocalDate.of(1926, 12, 25)),
            new Era("大正", LocalDate.of(1912, 7, 30)),
            new Era("明治", LocalDate.of(1868, 1, 25)));

    public static JapaneseEraDate of(LocalDate date) {
        for (Era era : ERAS) {
            if (!date.isBefore(era.start())) {
                return new JapaneseEraDate(era.name(), date.getYear() - era.start().getYear() + 1,
                        date.getMonthValue(), date.getDayOfMonth());
            }
        }
        throw new IllegalArgumentException("dates before the Meiji era are not written in an era");
    }

    /** Formats a date directly: {@code JapaneseEraDate.format(LocalDate.of(1989, 1, 8))} is 平成元年1月8日. */
    public static String format(LocalDate date) {
        return of(date).toString();
    }

    @Override
    public String toString() {
        return era + (year == 1 ? "元" : Integer.toString(year)) + "年" + month + "月" + day + "日";
    }
}
