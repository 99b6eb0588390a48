package jp.certkiosk.sim.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JapaneseEraDateTest {
    private static String format(int year, int month, int day) {
        return JapaneseEraDate.format(LocalDate.of(year, month, day));
    }

    @Test
    void eraBoundaries() {
        assertEquals("令和元年5月1日", format(2019, 5, 1));
        assertEquals("平成31年4月30日", format(2019, 4, 30));
        assertEquals("平成元年1月8日", format(1989, 1, 8));
        assertEquals("昭和64年1月7日", format(1989, 1, 7));
        assertEquals("昭和元年12月25日", format(1926, 12, 25));
        assertEquals("大正15年12月24日", format(1926, 12, 24));
        assertEquals("大正元年7月30日", format(1912, 7, 30));
        assertEquals("明治45年7月29日", format(1912, 7, 29));
        assertEquals("明治元年1月25日", format(1868, 1, 25));
    }

    @Test
    void ordinaryDates() {
        assertEquals("昭和55年4月15日", format(1980, 4, 15));
        assertEquals("令和7年11月28日", format(2025, 11, 28));
        assertEquals(new JapaneseEraDate("平成", 4, 11, 30), JapaneseEraDate.of(LocalDate.of(1992, 11, 30)));
    }

    @Test
    void datesBeforeMeijiAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> format(1868, 1, 24));
    }
}
