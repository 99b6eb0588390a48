package jp.certkiosk.card.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void rendersUpperCaseSpacedPairs() {
        assertEquals("00 A4 0C FF", Hex.toHex(new byte[] {0x00, (byte) 0xA4, 0x0C, (byte) 0xFF}));
        assertEquals("", Hex.toHex(new byte[0]));
        assertEquals("A4 0C", Hex.toHex(new byte[] {0x00, (byte) 0xA4, 0x0C, (byte) 0xFF}, 1, 2));
    }

    @Test
    void parsesWithOrWithoutWhitespaceInEitherCase() {
        byte[] expected = {(byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00};
        assertArrayEquals(expected, Hex.fromHex("D3 92 F0 00"));
        assertArrayEquals(expected, Hex.fromHex("d392f000"));
        assertArrayEquals(expected, Hex.fromHex(" D392\n f0 00 "));
        assertArrayEquals(new byte[0], Hex.fromHex("  "));
    }

    @Test
    void rejectsOddDigitsAndNonHex() {
        assertThrows(IllegalArgumentException.class, () -> Hex.fromHex("ABC"));
        assertThrows(IllegalArgumentException.class, () -> Hex.fromHex("0G"));
        assertThrows(IllegalArgumentException.class, () -> Hex.fromHex("0A:0B"));
    }

    @Test
    void rendersStatusWordsAsFourDigits() {
        assertEquals("63C1", Hex.sw(0x63C1));
        assertEquals("9000", Hex.sw(0x9000));
        assertEquals("0000", Hex.sw(0));
    }
}
