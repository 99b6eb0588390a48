package jp.certkiosk.card.jpki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import org.junit.jupiter.api.Test;

class JpkiCommandsTest {

    private static String hex(CommandApdu command) {
        return Hex.toHex(command.encode());
    }

    @Test
    void selectAp() {
        assertEquals("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", hex(JpkiCommands.selectAp()));
        assertArrayEquals(Hex.fromHex(JpkiFile.AP_AID_HEX), JpkiFile.apAid());
    }

    @Test
    void selectEachEf() {
        assertEquals("00 A4 02 0C 02 00 0A", hex(JpkiCommands.selectEf(JpkiFile.AUTH_CERT)));
        assertEquals("00 A4 02 0C 02 00 0B", hex(JpkiCommands.selectEf(JpkiFile.AUTH_CA)));
        assertEquals("00 A4 02 0C 02 00 17", hex(JpkiCommands.selectEf(JpkiFile.AUTH_KEY)));
        assertEquals("00 A4 02 0C 02 00 18", hex(JpkiCommands.selectEf(JpkiFile.AUTH_PIN)));
        assertEquals("00 A4 02 0C 02 00 01", hex(JpkiCommands.selectEf(JpkiFile.SIGN_CERT)));
        assertEquals("00 A4 02 0C 02 00 02", hex(JpkiCommands.selectEf(JpkiFile.SIGN_CA)));
        assertEquals("00 A4 02 0C 02 00 1A", hex(JpkiCommands.selectEf(JpkiFile.SIGN_KEY)));
        assertEquals("00 A4 02 0C 02 00 1B", hex(JpkiCommands.selectEf(JpkiFile.SIGN_PIN)));
    }

    @Test
    void filesAreFoundByFid() {
        assertEquals(Optional.of(JpkiFile.AUTH_PIN), JpkiFile.byFid(0x0018));
        assertEquals(Optional.empty(), JpkiFile.byFid(0x0019));
    }

    @Test
    void apAidIsACopy() {
        JpkiFile.apAid()[0] = 0;
        assertEquals((byte) 0xD3, JpkiFile.apAid()[0]);
    }

    @Test
    void pinTriesLeftHasNoDataAndNoLe() {
        assertEquals("00 20 00 80", hex(JpkiCommands.pinTriesLeft()));
    }

    @Test
    void verifyPinSendsTheAsciiDigitsWithoutCopying() {
        byte[] digits = {'1', '2', '3', '4'};
        CommandApdu verify = JpkiCommands.verifyPin(digits);
        assertEquals("00 20 00 80 04 31 32 33 34", hex(verify));
        assertSame(digits, verify.data());
    }

    @Test
    void verifyPinRejectsAnythingButFourAsciiDigits() {
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.verifyPin(new byte[] {'1', '2', '3'}));
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.verifyPin(new byte[] {'1', '2', '3', 'x'}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JpkiCommands.verifyPin(new byte[] {'5', '6', '7', '8', '9'}));
        assertFalse(e.getMessage().contains("5678"));
    }

    @Test
    void readBinary() {
        assertEquals("00 B0 00 00 04", hex(JpkiCommands.readBinary(0, 4)));
        assertEquals("00 B0 01 03 FF", hex(JpkiCommands.readBinary(259, 255)));
        assertEquals("00 B0 7F FF 00", hex(JpkiCommands.readBinary(0x7FFF, 256)));
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.readBinary(0x8000, 1));
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.readBinary(0, 0));
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.readBinary(0, 257));
    }

    @Test
    void sign() {
        assertEquals("80 2A 00 80 03 AA BB CC 00", hex(JpkiCommands.sign(new byte[] {(byte) 0xAA, (byte) 0xBB, (byte) 0xCC})));
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.sign(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> JpkiCommands.sign(new byte[256]));
    }
}
