package jp.certkiosk.card.pcsc;

import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.apdu.ResponseApdu;

/**
 * The ISO 7816-4 transport rules a reader connection applies below the card application:
 * {@code 61 xx} (more data: GET RESPONSE with Le = xx, repeated while the card says so) and
 * {@code 6C xx} (wrong Le: the same command again with Le = xx), each at most
 * {@value #MAX_ROUNDS} times so that a misbehaving card cannot keep the kiosk busy.
 */
final class IsoResponseHandling {
    /** Most GET RESPONSE or re-send rounds for one command. */
    static final int MAX_ROUNDS = 16;

    /** One raw exchange with the card: command bytes in, response bytes (with SW) out. */
    interface RawExchange {
        byte[] exchange(byte[] command) throws CardIoException;
    }

    private IsoResponseHandling() {
    }

    static ResponseApdu transmit(RawExchange link, CommandApdu command) throws CardIoException {
        ResponseApdu response = decode(command, link.exchange(command.encode()));
        for (int round = 0; (response.sw1() == 0x6C) && round <= MAX_ROUNDS; round++) {
            if (round == MAX_ROUNDS) {
                throw new CardIoException(step(command) + ": card keeps answering " + Hex.sw(response.sw()));
            }
            int le = response.sw2() == 0 ? CommandApdu.MAX_NE : response.sw2();
            CommandApdu again = new CommandApdu(command.cla(), command.ins(), command.p1(), command.p2(),
                    command.data(), le);
            response = decode(command, link.exchange(again.encode()));
        }
        if (response.sw1() != 0x61) {
            return response;
        }
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        data.writeBytes(response.data());
        for (int round = 0; response.sw1() == 0x61; round++) {
            if (round == MAX_ROUNDS) {
                throw new CardIoException(step(command) + ": more than " + MAX_ROUNDS + " GET RESPONSE rounds");
            }
            int le = response.sw2() == 0 ? CommandApdu.MAX_NE : response.sw2();
            response = decode(command, link.exchange(new CommandApdu(0x00, 0xC0, 0x00, 0x00, le).encode()));
            data.writeBytes(response.data());
        }
        return new ResponseApdu(data.toByteArray(), response.sw());
    }

    private static ResponseApdu decode(CommandApdu command, byte[] raw) throws CardIoException {
        if (raw == null || raw.length < 2) {
            throw new CardIoException(step(command) + ": malformed response, "
                    + (raw == null ? 0 : raw.length) + " bytes, no status word");
        }
        return ResponseApdu.decode(raw);
    }

    /** The command's header, as the step of a transport failure ("00 B0 00 04"); never the data. */
    static String step(CommandApdu command) {
        return "APDU " + Hex.toHex(new byte[] {(byte) command.cla(), (byte) command.ins(), (byte) command.p1(),
                (byte) command.p2()});
    }
}
