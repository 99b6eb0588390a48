package jp.certkiosk.app.payment.cctalk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CcTalkFrameTest {
    private static byte[] hex(String text) {
        return HexFormat.ofDelimiter(" ").parseHex(text);
    }

    @Test
    void encodesTheCommandsAsDeviceManualsPrintThem() {
        assertArrayEquals(hex("02 00 01 fe ff"), CcTalkFrame.command(2, 254).encode(), "simple poll to the selector");
        assertArrayEquals(hex("03 00 01 a3 59"), CcTalkFrame.command(3, 163).encode(), "test hopper");
        assertArrayEquals(hex("03 01 01 a4 a5 b2"), CcTalkFrame.command(3, 164, (byte) 165).encode(), "enable hopper");
        assertArrayEquals(hex("03 04 01 a7 df d7 0a 01 90"),
                CcTalkFrame.command(3, 167, hex("df d7 0a 01")).encode(), "dispense one coin, serial DF D7 0A");
        assertArrayEquals(hex("02 00 01 e5 18"), CcTalkFrame.command(2, 229).encode(), "read buffered credit");
    }

    @Test
    void decodesRepliesWithTheirData() throws CcTalkFrame.Malformed {
        CcTalkFrame ack = CcTalkFrame.decode(hex("01 00 02 00 fd"));
        assertEquals(new CcTalkFrame(1, 2, CcTalkFrame.ACK, new byte[0]), ack);
        CcTalkFrame dispensed = CcTalkFrame.decode(hex("01 01 03 00 01 fa"));
        assertEquals(3, dispensed.source());
        assertArrayEquals(new byte[] {1}, dispensed.data(), "the hopper's event counter");
    }

    @Test
    void everyFrameRoundTrips() throws CcTalkFrame.Malformed {
        for (int length : new int[] {0, 1, 11, 255}) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (i * 37 + 11);
            }
            CcTalkFrame frame = new CcTalkFrame(1, 200, 0, data);
            assertEquals(frame, CcTalkFrame.decode(frame.encode()));
        }
    }

    @Test
    void refusesABadChecksumAWrongLengthAndAStub() {
        CcTalkFrame.Malformed checksum = assertThrows(CcTalkFrame.Malformed.class, () -> CcTalkFrame.decode(hex("01 00 02 00 fc")));
        assertTrue(checksum.getMessage().contains("checksum"), checksum.getMessage());
        CcTalkFrame.Malformed length = assertThrows(CcTalkFrame.Malformed.class,
                () -> CcTalkFrame.decode(hex("01 02 02 00 00 fb")));
        assertTrue(length.getMessage().contains("length byte says 2"), length.getMessage());
        assertThrows(CcTalkFrame.Malformed.class, () -> CcTalkFrame.decode(hex("01 00 02")));
        assertThrows(CcTalkFrame.Malformed.class, () -> CcTalkFrame.decode(null));
    }
}
