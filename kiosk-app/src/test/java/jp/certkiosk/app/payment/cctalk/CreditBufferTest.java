package jp.certkiosk.app.payment.cctalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.certkiosk.app.payment.cctalk.CreditBuffer.Event.Credit;
import jp.certkiosk.app.payment.cctalk.CreditBuffer.Event.Error;
import org.junit.jupiter.api.Test;

class CreditBufferTest {
    /** Counter, then five events newest first, each as coin id (0 for an error) and path or error code. */
    private static CreditBuffer buffer(int counter, int... events) {
        byte[] data = new byte[11];
        data[0] = (byte) counter;
        for (int i = 0; i < events.length; i++) {
            data[1 + i] = (byte) events[i];
        }
        return CreditBuffer.parse(data);
    }

    @Test
    void theFirstReadIsTheBaselineNotNews() {
        assertEquals(List.of(), buffer(7, 3, 1, 3, 1).since(-1).events());
    }

    @Test
    void newEventsComeOldestFirstAndAReadAgainCountsNothingTwice() {
        CreditBuffer twoCoins = buffer(9, 4, 1, 0, 2, 3, 1);
        CreditBuffer.News news = twoCoins.since(6);
        assertEquals(List.of(new Credit(3, 1), new Error(2), new Credit(4, 1)), news.events());
        assertEquals(0, news.lost());
        assertEquals(List.of(), twoCoins.since(9).events(), "the same buffer read again (its first reply was lost)");
    }

    @Test
    void theCounterWrapsFrom255To1() {
        CreditBuffer.News news = buffer(2, 1, 1, 2, 1, 3, 1).since(254);
        assertEquals(List.of(new Credit(3, 1), new Credit(2, 1), new Credit(1, 1)), news.events());
    }

    @Test
    void moreEventsThanTheBufferHoldsAreCountedAsLost() {
        CreditBuffer.News news = buffer(17, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).since(10);
        assertEquals(5, news.events().size());
        assertEquals(2, news.lost());
    }

    @Test
    void aCounterBackAtZeroIsAReset() {
        CreditBuffer.News news = buffer(0).since(42);
        assertTrue(news.reset());
        assertEquals(List.of(), news.events());
    }
}
