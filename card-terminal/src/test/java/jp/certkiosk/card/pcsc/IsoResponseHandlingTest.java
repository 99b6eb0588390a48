package jp.certkiosk.card.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.apdu.ResponseApdu;
import org.junit.jupiter.api.Test;

/** 61xx and 6Cxx below the card application, with the exact bytes sent. */
class IsoResponseHandlingTest {
    private final List<String> sent = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();

    private IsoResponseHandling.RawExchange script(String... responses) {
        answers.addAll(List.of(responses));
        return command -> {
            sent.add(Hex.toHex(command));
            return Hex.fromHex(answers.removeFirst());
        };
    }

    @Test
    void moreDataIsFetchedWithGetResponseAndJoined() throws Exception {
        ResponseApdu response = IsoResponseHandling.transmit(script("01 02 61 03", "03 04 05 61 01", "06 90 00"),
                CommandApdu.decode(Hex.fromHex("00 B0 00 00 00")));
        assertEquals(List.of("00 B0 00 00 00", "00 C0 00 00 03", "00 C0 00 00 01"), sent);
        assertEquals("01 02 03 04 05 06 90 00", Hex.toHex(response.encode()));
    }

    @Test
    void wrongLengthIsSentAgainWithTheLengthTheCardNamed() throws Exception {
        ResponseApdu response = IsoResponseHandling.transmit(script("6C 04", "30 82 03 5E 90 00"),
                CommandApdu.decode(Hex.fromHex("00 B0 00 00 10")));
        assertEquals(List.of("00 B0 00 00 10", "00 B0 00 00 04"), sent);
        assertEquals("30 82 03 5E 90 00", Hex.toHex(response.encode()));
    }

    @Test
    void aCardThatNeverStopsIsCutOffAtTheBound() {
        String[] endless = new String[IsoResponseHandling.MAX_ROUNDS + 2];
        java.util.Arrays.fill(endless, "00 61 01");
        CardIoException e = assertThrows(CardIoException.class, () -> IsoResponseHandling.transmit(script(endless),
                CommandApdu.decode(Hex.fromHex("00 B0 00 00 00"))));
        assertTrue(e.getMessage().startsWith("APDU 00 B0 00 00"), e.getMessage());
        assertEquals(IsoResponseHandling.MAX_ROUNDS + 1, sent.size());
    }

    @Test
    void aResponseWithoutStatusWordNamesTheCommandNotItsData() {
        CardIoException e = assertThrows(CardIoException.class, () -> IsoResponseHandling.transmit(script("90"),
                CommandApdu.decode(Hex.fromHex("00 20 00 80 04 31 32 33 34"))));
        assertEquals("APDU 00 20 00 80: malformed response, 1 bytes, no status word", e.getMessage());
    }

    @Test
    void otherStatusWordsPassThroughUntouched() throws Exception {
        ResponseApdu response = IsoResponseHandling.transmit(script("63 C2"),
                CommandApdu.decode(Hex.fromHex("00 20 00 80")));
        assertEquals(0x63C2, response.sw());
        assertEquals(1, sent.size());
    }
}
