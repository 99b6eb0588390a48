package jp.certkiosk.sim.registry;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions.RecordItem;

/**
 * How a municipality runs its kiosk service: daily hours (Japan time), the year-end closure
 * (Dec 29 - Jan 3), the documents issued on weekdays only (family-register documents, as the
 * family-register office keeps office days), and the optional items a resident-record copy may show.
 * National holidays are not modelled: "weekdays" are Monday to Friday. {@code fiscalYears} are the
 * fiscal years (年度) of the tax certificates it issues, newest first.
 */
public record KioskService(String municipalityCode, LocalTime opens, LocalTime closes,
                           Set<DocumentType> weekdaysOnly, Set<RecordItem> allowedItems, List<Integer> fiscalYears) {
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    public static final LocalTime USUAL_OPENING = LocalTime.of(6, 30);
    public static final LocalTime USUAL_CLOSING = LocalTime.of(23, 0);
    private static final MonthDay YEAR_END_CLOSURE_STARTS = MonthDay.of(12, 29);
    private static final MonthDay YEAR_END_CLOSURE_ENDS = MonthDay.of(1, 3);

    public KioskService {
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("the service closes after it opens");
        }
        weekdaysOnly = Set.copyOf(weekdaysOnly);
        allowedItems = Set.copyOf(allowedItems);
        fiscalYears = fiscalYears == null ? List.of() : List.copyOf(fiscalYears);
    }

    /** A service that issues no tax certificates. */
    public KioskService(String municipalityCode, LocalTime opens, LocalTime closes, Set<DocumentType> weekdaysOnly,
                        Set<RecordItem> allowedItems) {
        this(municipalityCode, opens, closes, weekdaysOnly, allowedItems, List.of());
    }

    /** Whether the service is open at {@code instant}: within the hours and outside the year-end closure. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(JAPAN);
        MonthDay day = MonthDay.from(local);
        if (!day.isBefore(YEAR_END_CLOSURE_STARTS) || !day.isAfter(YEAR_END_CLOSURE_ENDS)) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    /** Whether {@code document} can be issued at {@code instant} (the service being open). */
    public boolean issuesNow(DocumentType document, Instant instant) {
        if (!weekdaysOnly.contains(document)) {
            return true;
        }
        DayOfWeek day = instant.atZone(JAPAN).getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
