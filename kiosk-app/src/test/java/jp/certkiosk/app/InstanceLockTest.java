package jp.certkiosk.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
    @TempDir Path dir;

    @Test
    void aSecondKioskOnTheSameDataIsRefusedUntilTheFirstEnds() throws Exception {
        Path file = dir.resolve("kiosk.lock");
        try (InstanceLock first = InstanceLock.acquire(file)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> InstanceLock.acquire(file));
            assertTrue(refused.getMessage().contains("another kiosk"), refused.getMessage());
        }
        InstanceLock.acquire(file).close();
    }
}
