package jp.certkiosk.card.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VirtualCardStateTest {

    @Test
    void freshStateHasThreeTries() {
        VirtualCardState state = VirtualCardState.withPin("4321".toCharArray());
        assertEquals(3, state.triesLeft());
        assertFalse(state.isBlocked());
    }

    @Test
    void ofSetsTriesAndZeroIsBlocked() {
        assertEquals(1, VirtualCardState.of("4321".toCharArray(), 1).triesLeft());
        assertTrue(VirtualCardState.of("4321".toCharArray(), 0).isBlocked());
        assertThrows(IllegalArgumentException.class, () -> VirtualCardState.of("4321".toCharArray(), 4));
        assertThrows(IllegalArgumentException.class, () -> VirtualCardState.of("4321".toCharArray(), -1));
    }

    @Test
    void rejectsMalformedPinsWithoutEchoingThem() {
        for (String pin : new String[] {"432", "43210", "43a1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VirtualCardState.withPin(pin.toCharArray()));
            assertFalse(e.getMessage().contains(pin));
        }
    }

    @Test
    void keepsItsOwnCopyOfThePin() {
        char[] pin = "4321".toCharArray();
        VirtualCardState state = VirtualCardState.withPin(pin);
        java.util.Arrays.fill(pin, '\0');
        assertTrue(state.attempt(new byte[] {'4', '3', '2', '1'}).accepted());
    }

    @Test
    void attemptsCountDownResetAndBlock() {
        VirtualCardState state = VirtualCardState.withPin("4321".toCharArray());
        byte[] wrong = {'0', '0', '0', '0'};
        byte[] right = {'4', '3', '2', '1'};
        assertEquals(new VirtualCardState.Attempt(false, false, 2), state.attempt(wrong));
        assertEquals(new VirtualCardState.Attempt(true, false, 3), state.attempt(right));
        state.attempt(wrong);
        state.attempt(wrong);
        assertEquals(new VirtualCardState.Attempt(false, false, 0), state.attempt(wrong));
        assertEquals(new VirtualCardState.Attempt(false, true, 0), state.attempt(right));
    }

    @Test
    void toStringDoesNotShowThePin() {
        String text = VirtualCardState.withPin("4321".toCharArray()).toString();
        assertFalse(text.contains("4321"), text);
        assertFalse(text.contains("52"), text);
    }

    @Test
    void concurrentWrongAttemptsNeverGoBelowZero() throws Exception {
        VirtualCardState state = VirtualCardState.withPin("4321".toCharArray());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<VirtualCardState.Attempt>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> state.attempt(new byte[] {'0', '0', '0', '0'})));
            }
            int counted = 0;
            for (Future<VirtualCardState.Attempt> result : results) {
                if (!result.get().wasBlocked()) {
                    counted++;
                }
            }
            assertEquals(3, counted, "exactly three attempts were compared before blocking");
            assertEquals(0, state.triesLeft());
        } finally {
            pool.shutdownNow();
        }
    }
}
