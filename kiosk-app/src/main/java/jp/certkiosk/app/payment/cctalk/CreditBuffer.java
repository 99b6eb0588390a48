package jp.certkiosk.app.payment.cctalk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to "read buffered credit or error codes": an event counter and the last five events,
 * newest first. The counter counts 1 to 255 and wraps to 1; 0 means the selector was reset. The
 * host keeps the last counter it saw: the difference tells how many events are new, so a reply
 * that was lost is simply read again, and no coin counts twice or goes missing (up to five).
 */
public record CreditBuffer(int counter, List<Event> newestFirst) {
    public static final int EVENTS = 5;

    /** One logged event: a coin credited (coin id 1-16, the sorter path) or an error code. */
    public sealed interface Event {
        record Credit(int coinId, int sorterPath) implements Event {}

        record Error(int code) implements Event {}
    }

    /** What is new since the counter the host saw last. */
    public record News(List<Event> events, int lost, boolean reset) {
        static final News NONE = new News(List.of(), 0, false);
    }

    public CreditBuffer {
        newestFirst = List.copyOf(newestFirst);
    }

    /** The 11 data bytes of the reply. */
    public static CreditBuffer parse(byte[] data) {
        if (data.length != 1 + 2 * EVENTS) {
            throw new IllegalArgumentException("a credit buffer has 11 bytes, not " + data.length);
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            int a = data[1 + 2 * i] & 0xFF;
            int b = data[2 + 2 * i] & 0xFF;
            events.add(a != 0 ? new Event.Credit(a, b) : new Event.Error(b));
        }
        return new CreditBuffer(data[0] & 0xFF, events);
    }

    /**
     * The events after {@code lastCounter}, oldest first. {@code lastCounter} -1 means none seen
     * yet: this buffer is the baseline and nothing in it is new.
     */
    public News since(int lastCounter) {
        if (lastCounter < 0 || counter == lastCounter) {
            return News.NONE;
        }
        if (counter == 0) {
            return new News(List.of(), 0, true);
        }
        int fresh = counter - lastCounter;
        if (fresh <= 0) {
            fresh += 255; // the counter skips 0 when it wraps
        }
        int kept = Math.min(fresh, EVENTS);
        List<Event> events = new ArrayList<>(newestFirst.subList(0, kept));
        Collections.reverse(events);
        return new News(events, fresh - kept, false);
    }
}
