package jp.certkiosk.card.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandApduTest {

    @Test
    void encodesTheFourCases() {
        assertEquals("00 20 00 80", Hex.toHex(new CommandApdu(0x00, 0x20, 0x00, 0x80).encode()));
        assertEquals("00 B0 01 02 10", Hex.toHex(new CommandApdu(0x00, 0xB0, 0x01, 0x02, 16).encode()));
        assertEquals("00 A4 02 0C 02 00 0A",
                Hex.toHex(new CommandApdu(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x0A}).encode()));
        assertEquals("80 2A 00 80 03 01 02 03 00",
                Hex.toHex(new CommandApdu(0x80, 0x2A, 0x00, 0x80, new byte[] {1, 2, 3}, 256).encode()));
    }

    @Test
    void neOf256IsLeZeroAndDecodesBack() {
        CommandApdu command = new CommandApdu(0x00, 0xB0, 0x00, 0x00, 256);
        assertEquals("00 B0 00 00 00", Hex.toHex(command.encode()));
        assertEquals(256, CommandApdu.decode(Hex.fromHex("00 B0 00 00 00")).ne());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00 20 00 80",
        "00 B0 00 04 FF",
        "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01",
        "80 2A 00 80 02 AA BB 00",
        "00 B0 7F FF 01",
    })
    void decodeThenEncodeGivesTheSameBytes(String hex) {
        CommandApdu decoded = CommandApdu.decode(Hex.fromHex(hex));
        assertEquals(hex, Hex.toHex(decoded.encode()));
    }

    @Test
    void decodeSplitsFields() {
        CommandApdu decoded = CommandApdu.decode(Hex.fromHex("80 2A 00 80 02 AA BB 00"));
        assertEquals(new CommandApdu(0x80, 0x2A, 0x00, 0x80, new byte[] {(byte) 0xAA, (byte) 0xBB}, 256), decoded);
        assertEquals(CommandApdu.NO_LE, CommandApdu.decode(Hex.fromHex("00 A4 02 0C 02 00 0A")).ne());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "00 A4 02", "00 A4 02 0C 03 00 0A", "00 A4 02 0C 02 00 0A 00 00",
        "00 B0 00 00 00 01 00"})
    void decodeRejectsMalformedAndExtendedCommands(String hex) {
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.decode(Hex.fromHex(hex)));
    }

    @Test
    void rejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0x100, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0, 0, 0, 0, new byte[256]));
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0, 0, 0, 0, 257));
    }

    @Test
    void doesNotCopyDataAndWipeZeroesIt() {
        byte[] pin = {'1', '2', '3', '4'};
        CommandApdu verify = new CommandApdu(0x00, 0x20, 0x00, 0x80, pin);
        assertSame(pin, verify.data());
        verify.wipe();
        assertArrayEquals(new byte[4], pin);
    }

    @Test
    void toStringHidesVerifyDataButShowsHeaderAndLength() {
        CommandApdu verify = new CommandApdu(0x00, 0x20, 0x00, 0x80, new byte[] {'9', '8', '7', '6'});
        String text = verify.toString();
        assertTrue(text.contains("00 20 00 80"), text);
        assertTrue(text.contains("Lc=4"), text);
        assertFalse(text.contains("39"), text);
        assertFalse(text.contains("9876"), text);
        assertFalse(text.contains("38 37"), text);
    }

    @Test
    void toStringShowsDataOfOtherCommands() {
        String text = new CommandApdu(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x18}).toString();
        assertTrue(text.contains("00 18"), text);
    }

    @Test
    void equalityComparesDataContents() {
        assertEquals(new CommandApdu(0, 0xA4, 2, 0x0C, new byte[] {0, 10}),
                new CommandApdu(0, 0xA4, 2, 0x0C, new byte[] {0, 10}));
        assertEquals(new CommandApdu(0, 0xA4, 2, 0x0C, new byte[] {0, 10}).hashCode(),
                new CommandApdu(0, 0xA4, 2, 0x0C, new byte[] {0, 10}).hashCode());
        assertNotEquals(new CommandApdu(0, 0xA4, 2, 0x0C, new byte[] {0, 10}),
                new CommandApdu(0, 0xA4, 2, 0x0C, new byte[] {0, 11}));
    }
}
