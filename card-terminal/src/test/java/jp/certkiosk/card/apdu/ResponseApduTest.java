package jp.certkiosk.card.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseApduTest {

    @Test
    void splitsDataAndStatusWord() {
        ResponseApdu response = ResponseApdu.decode(Hex.fromHex("30 82 03 62 90 00"));
        assertArrayEquals(Hex.fromHex("30 82 03 62"), response.data());
        assertEquals(0x9000, response.sw());
        assertEquals(0x90, response.sw1());
        assertEquals(0x00, response.sw2());
        assertTrue(response.isSuccess());
    }

    @Test
    void statusWordOnly() {
        ResponseApdu response = ResponseApdu.decode(Hex.fromHex("63 C2"));
        assertEquals(0, response.data().length);
        assertEquals(0x63, response.sw1());
        assertEquals(0xC2, response.sw2());
        assertFalse(response.isSuccess());
        assertEquals("63 C2", Hex.toHex(response.encode()));
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        assertEquals("01 02 62 82", Hex.toHex(new ResponseApdu(new byte[] {1, 2}, 0x6282).encode()));
        assertEquals(ResponseApdu.decode(Hex.fromHex("01 02 62 82")), new ResponseApdu(new byte[] {1, 2}, 0x6282));
    }

    @Test
    void rejectsResponsesWithoutStatusWord() {
        assertThrows(IllegalArgumentException.class, () -> ResponseApdu.decode(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> ResponseApdu.decode(new byte[] {(byte) 0x90}));
        assertThrows(IllegalArgumentException.class, () -> new ResponseApdu(null, 0x10000));
    }
}
