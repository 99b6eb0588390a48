package jp.certkiosk.card.vpcd;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicLong;
import jp.certkiosk.card.testing.TestCards;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz target for the frames the vsmartcard reader driver sends the virtual card: control bytes
 * and command APDUs of any shape, framed as on the wire (2-byte length, payload). The card answers
 * or stays silent; it never throws.
 */
class VpcdFrameFuzzTests {
    static final AtomicLong EXECUTIONS = new AtomicLong();
    static VpcdCardLink link;

    @AfterAll
    static void report() {
        System.out.println("fuzz target vpcdFrames: " + EXECUTIONS.get() + " executions");
    }

    @FuzzTest(maxExecutions = 10_000, maxDuration = "3m")
    void vpcdFrames(FuzzedDataProvider data) {
        EXECUTIONS.incrementAndGet();
        synchronized (VpcdFrameFuzzTests.class) {
            if (link == null) {
                // the frames come from the fuzzer, not a reader: the link's connection thread ends
                // before it ever connects (it waits for a card first)
                link = VpcdCardLink.start("127.0.0.1", 9);
                link.close();
            }
        }
        link.insert(TestCards.card(TestCards.freshState()));
        while (data.remainingBytes() >= 2) {
            int length = data.consumeInt(0, 300);
            link.answer(data.consumeBytes(length));
        }
    }
}
