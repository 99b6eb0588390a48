package jp.certkiosk.app.payment.cctalk;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The host's end of a ccTalk bus: one command, one reply, one at a time. On a one-wire bus the
 * line hands every byte the host sends back to it (local echo): that echo is read and checked
 * before the reply. Nothing is repeated here: whether a command may be sent again is the caller's
 * decision (a second dispense command pays twice).
 */
public final class CcTalkBus implements AutoCloseable {
    /** What came back for one command. */
    public sealed interface Reply {
        record Ack(byte[] data) implements Reply {
            public Ack {
                data = data.clone();
            }

            @Override
            public byte[] data() {
                return data.clone();
            }
        }

        record Nak() implements Reply {}

        record Busy() implements Reply {}

        /** No usable reply: silence, a garbled or foreign frame. */
        record NoAnswer(String why) implements Reply {}
    }

    private final SerialLine line;
    private final Duration replyTimeout;
    private final boolean localEcho;

    public CcTalkBus(SerialLine line, Duration replyTimeout, boolean localEcho) {
        this.line = line;
        this.replyTimeout = replyTimeout;
        this.localEcho = localEcho;
    }

    public String lineName() {
        return line.name();
    }

    public synchronized Reply send(int address, int header, byte... data) {
        CcTalkFrame command = CcTalkFrame.command(address, header, data);
        byte[] bytes = command.encode();
        try {
            line.discardInput();
            line.write(bytes);
            if (localEcho) {
                byte[] echo = new byte[bytes.length];
                int n = line.read(echo, echo.length, replyTimeout);
                if (n < echo.length || !Arrays.equals(echo, bytes)) {
                    return new Reply.NoAnswer("the line did not echo the command (another sender, or a broken line)");
                }
            }
            byte[] head = new byte[2];
            if (line.read(head, 2, replyTimeout) < 2) {
                return new Reply.NoAnswer("no reply within " + replyTimeout.toMillis() + " ms");
            }
            int length = head[1] & 0xFF;
            byte[] frame = Arrays.copyOf(head, length + CcTalkFrame.OVERHEAD);
            byte[] rest = new byte[frame.length - 2];
            if (line.read(rest, rest.length, replyTimeout) < rest.length) {
                return new Reply.NoAnswer("the reply broke off");
            }
            System.arraycopy(rest, 0, frame, 2, rest.length);
            CcTalkFrame reply = CcTalkFrame.decode(frame);
            if (reply.destination() != CcTalkFrame.HOST || reply.source() != address) {
                return new Reply.NoAnswer("a reply from address " + reply.source() + " to " + reply.destination());
            }
            return switch (reply.header()) {
                case CcTalkFrame.ACK -> new Reply.Ack(reply.data());
                case CcTalkFrame.NAK -> new Reply.Nak();
                case CcTalkFrame.BUSY -> new Reply.Busy();
                default -> new Reply.NoAnswer("a reply with header " + reply.header());
            };
        } catch (CcTalkFrame.Malformed e) {
            return new Reply.NoAnswer(e.getMessage());
        } catch (IOException e) {
            return new Reply.NoAnswer(e.getMessage());
        }
    }

    @Override
    public void close() {
        line.close();
    }
}
