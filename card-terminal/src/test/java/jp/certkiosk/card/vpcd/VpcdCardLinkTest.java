package jp.certkiosk.card.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.testing.TestCards;
import jp.certkiosk.card.virtual.VirtualJpkiCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The vpcd wire protocol, byte for byte, against a stand-in for the reader driver. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VpcdCardLinkTest {

    private static void send(OutputStream out, String payloadHex) throws Exception {
        byte[] payload = Hex.fromHex(payloadHex);
        out.write(new byte[] {(byte) (payload.length >> 8), (byte) payload.length});
        out.write(payload);
        out.flush();
    }

    private static String receiveFrame(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        int length = data.readUnsignedShort();
        byte[] payload = new byte[length];
        data.readFully(payload);
        return Hex.toHex(new byte[] {(byte) (length >> 8), (byte) length}) + (length > 0 ? " " + Hex.toHex(payload) : "");
    }

    @Test
    void answersTheReaderDriversFramesAndDisconnectsWhenTheCardIsPulled() throws Exception {
        try (ServerSocket reader = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             VpcdCardLink link = VpcdCardLink.start("127.0.0.1", reader.getLocalPort())) {
            reader.setSoTimeout(10_000);
            VirtualJpkiCard card = TestCards.card(TestCards.freshState());
            link.insert(card);
            try (Socket driver = reader.accept()) {
                InputStream in = driver.getInputStream();
                OutputStream out = driver.getOutputStream();
                send(out, "04");                                        // get ATR
                assertEquals("00 09 3B E0 00 FF 81 31 FE 45 14", receiveFrame(in));
                send(out, "01");                                        // power on: no reply
                send(out, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01");
                assertEquals("00 02 90 00", receiveFrame(in));          // the first reply is the APDU's
                send(out, "00 A4 02 0C 02 00 18");
                assertEquals("00 02 90 00", receiveFrame(in));
                send(out, "00 20 00 80");
                assertEquals("00 02 63 C3", receiveFrame(in));
                send(out, "02");                                        // reset: no reply, AP deselected
                send(out, "00 A4 02 0C 02 00 18");
                assertEquals("00 02 6A 82", receiveFrame(in));
                send(out, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 09");
                assertEquals("00 02 6A 82", receiveFrame(in));

                link.remove();
                assertEquals(-1, in.read(), "pulling the card closes the connection");
                assertTrue(!card.isPresent());
            }
            // placed again: the link connects anew
            link.insert(TestCards.card(TestCards.freshState()));
            try (Socket driver = reader.accept()) {
                send(driver.getOutputStream(), "04");
                assertEquals("00 09 3B E0 00 FF 81 31 FE 45 14", receiveFrame(driver.getInputStream()));
            }
        }
    }
}
