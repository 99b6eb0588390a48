package jp.certkiosk.card.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.Hex;
import jp.certkiosk.card.apdu.ResponseApdu;

/**
 * A test channel that plays a script: each step names the exact command bytes expected and
 * the canned answer (raw response bytes, or an exception). Any difference fails the test.
 * Raw answers shorter than two bytes make {@link #transmit} throw {@link CardIoException}, as a
 * real transport does.
 */
public final class ScriptedTransport implements ApduTransport {

    private record Step(byte[] command, byte[] response, CardIoException failure) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<CommandApdu> sent = new ArrayList<>();
    private int next;

    /** Expects {@code commandHex} and answers {@code responseHex} (data then SW). */
    public ScriptedTransport expect(String commandHex, String responseHex) {
        return expect(commandHex, Hex.fromHex(responseHex));
    }

    public ScriptedTransport expect(String commandHex, byte[] response) {
        steps.add(new Step(Hex.fromHex(commandHex), response.clone(), null));
        return this;
    }

    /** Expects {@code commandHex} and fails the exchange with {@code failure}. */
    public ScriptedTransport expectAndFail(String commandHex, CardIoException failure) {
        steps.add(new Step(Hex.fromHex(commandHex), null, failure));
        return this;
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) throws CardIoException {
        int index = next;
        if (index >= steps.size()) {
            fail("unexpected command #" + index + " after the end of the script: " + command);
        }
        Step step = steps.get(index);
        byte[] actual = command.encode();
        try {
            assertEquals(Hex.toHex(step.command()), Hex.toHex(actual), "command #" + index);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
        sent.add(command);
        next++;
        if (step.failure() != null) {
            throw step.failure();
        }
        if (step.response().length < 2) {
            throw new CardIoException("malformed response: " + step.response().length + " bytes");
        }
        return ResponseApdu.decode(step.response());
    }

    /** Fails unless every scripted command was sent. */
    public void assertFinished() {
        assertEquals(steps.size(), next, "commands sent of the script");
    }

    /** The command objects as passed to {@link #transmit} (same instances, to check wiping). */
    public List<CommandApdu> sent() {
        return List.copyOf(sent);
    }
}
