package jp.certkiosk.app.payment.cctalk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The far end of a ccTalk bus for tests: a coin selector and payout hoppers that answer the way
 * the public device manuals describe, plus the one-wire bus's echo. Bytes go in through
 * {@link #receive}; what the line then carries back (echo, reply) comes out. Faults on demand: a
 * lost reply, a device gone silent, a hopper running empty.
 */
final class CcTalkDeviceEmulator {
    private final int selectorAddress;
    private final boolean echo;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    // the selector
    private final Map<Integer, String> coinIds = new HashMap<>();
    private int inhibitMask;
    private boolean masterEnabled;
    private int counter;
    private final Deque<int[]> events = new ArrayDeque<>(); // newest first
    private int creditsLogged;

    // the hoppers
    private final Map<Integer, Hopper> hoppers = new HashMap<>();

    // faults
    private int repliesToDrop;
    private int repliesToDuplicate;
    private boolean selectorSilent;
    private boolean allSilent;
    private int creditReads;

    static final class Hopper {
        final byte[] serial;
        int coins;
        boolean enabled;
        int counter;
        int remaining;
        int paid;
        int unpaid;
        int paidTotal;

        Hopper(int coins, byte[] serial) {
            this.coins = coins;
            this.serial = serial;
        }
    }

    CcTalkDeviceEmulator(int selectorAddress, boolean echo) {
        this.selectorAddress = selectorAddress;
        this.echo = echo;
    }

    synchronized CcTalkDeviceEmulator coin(int position, String id) {
        coinIds.put(position, id);
        return this;
    }

    synchronized CcTalkDeviceEmulator hopper(int address, int coins) {
        hoppers.put(address, new Hopper(coins, new byte[] {(byte) address, 0x5A, 0x01}));
        return this;
    }

    /** A resident drops the coin of {@code position} into the slot; true when the selector credits it. */
    synchronized boolean insert(int position) {
        boolean taken = masterEnabled && (inhibitMask & (1 << (position - 1))) != 0 && coinIds.containsKey(position);
        log(taken ? new int[] {position, 1} : new int[] {0, 2}); // error 2: inhibited coin, handed back
        if (taken) {
            creditsLogged++;
        }
        return taken;
    }

    private void log(int[] event) {
        counter = counter == 255 ? 1 : counter + 1;
        events.addFirst(event);
        while (events.size() > CreditBuffer.EVENTS) {
            events.removeLast();
        }
    }

    synchronized boolean masterEnabled() {
        return masterEnabled;
    }

    synchronized int creditsLogged() {
        return creditsLogged;
    }

    synchronized int creditReads() {
        return creditReads;
    }

    synchronized Hopper hopper(int address) {
        return hoppers.get(address);
    }

    /** The next {@code n} commands are carried out but their replies are lost on the line. */
    synchronized void dropReplies(int n) {
        repliesToDrop = n;
    }

    /** The next {@code n} replies reach the host twice (a repeater or an interface that resends). */
    synchronized void duplicateReplies(int n) {
        repliesToDuplicate = n;
    }

    synchronized void silenceSelector() {
        selectorSilent = true;
    }

    /** The whole bus goes quiet (cable pulled behind the interface): only the line's echo is left. */
    synchronized void silenceAll() {
        allSilent = true;
    }

    /** Takes bytes from the host; returns what the line carries back. */
    synchronized byte[] receive(byte[] bytes, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (echo) {
            out.write(bytes, 0, length);
        }
        pending.write(bytes, 0, length);
        byte[] buffered = pending.toByteArray();
        int at = 0;
        while (buffered.length - at >= CcTalkFrame.OVERHEAD) {
            int frameLength = (buffered[at + 1] & 0xFF) + CcTalkFrame.OVERHEAD;
            if (buffered.length - at < frameLength) {
                break;
            }
            byte[] frame = Arrays.copyOfRange(buffered, at, at + frameLength);
            at += frameLength;
            try {
                byte[] reply = answer(CcTalkFrame.decode(frame));
                if (reply != null) {
                    out.writeBytes(reply);
                }
            } catch (CcTalkFrame.Malformed e) {
                // a real device stays silent on a bad checksum
            }
        }
        pending.reset();
        pending.write(buffered, at, buffered.length - at);
        return out.toByteArray();
    }

    private byte[] answer(CcTalkFrame command) {
        int address = command.destination();
        if (allSilent || (address == selectorAddress && selectorSilent)) {
            return null;
        }
        byte[] data;
        if (address == selectorAddress) {
            data = selector(command);
        } else if (hoppers.containsKey(address)) {
            data = hopper(hoppers.get(address), command);
        } else {
            return null;
        }
        if (repliesToDrop > 0) {
            repliesToDrop--;
            return null;
        }
        byte[] reply = data == null ? new CcTalkFrame(CcTalkFrame.HOST, address, CcTalkFrame.NAK, new byte[0]).encode()
                : new CcTalkFrame(CcTalkFrame.HOST, address, CcTalkFrame.ACK, data).encode();
        if (repliesToDuplicate > 0) {
            repliesToDuplicate--;
            byte[] twice = Arrays.copyOf(reply, reply.length * 2);
            System.arraycopy(reply, 0, twice, reply.length, reply.length);
            return twice;
        }
        return reply;
    }

    private byte[] selector(CcTalkFrame command) {
        byte[] d = command.data();
        switch (command.header()) {
            case Headers.SIMPLE_POLL:
                return new byte[0];
            case Headers.REQUEST_COIN_ID:
                return coinIds.getOrDefault(d[0] & 0xFF, "......").getBytes(StandardCharsets.US_ASCII);
            case Headers.MODIFY_INHIBIT_STATUS:
                inhibitMask = (d[0] & 0xFF) | (d[1] & 0xFF) << 8;
                return new byte[0];
            case Headers.MODIFY_MASTER_INHIBIT:
                masterEnabled = (d[0] & 1) == 1;
                return new byte[0];
            case Headers.READ_BUFFERED_CREDIT:
                creditReads++;
                byte[] buffer = new byte[11];
                buffer[0] = (byte) counter;
                int i = 1;
                for (int[] event : events) {
                    buffer[i++] = (byte) event[0];
                    buffer[i++] = (byte) event[1];
                }
                return buffer;
            default:
                return null;
        }
    }

    private byte[] hopper(Hopper h, CcTalkFrame command) {
        byte[] d = command.data();
        switch (command.header()) {
            case Headers.SIMPLE_POLL:
                return new byte[0];
            case Headers.REQUEST_SERIAL_NUMBER:
                return h.serial.clone();
            case Headers.ENABLE_HOPPER:
                h.enabled = (d[0] & 0xFF) == Headers.HOPPER_ENABLE_CODE;
                return new byte[0];
            case Headers.TEST_HOPPER:
                return new byte[] {(byte) (h.enabled ? 0 : 0x80), 0};
            case Headers.DISPENSE_HOPPER_COINS:
                h.counter = h.counter == 255 ? 1 : h.counter + 1;
                if (!h.enabled || d.length != 4 || !Arrays.equals(Arrays.copyOf(d, 3), h.serial) || h.remaining > 0) {
                    return null;
                }
                h.remaining = d[3] & 0xFF;
                h.paid = 0;
                h.unpaid = 0;
                return new byte[] {(byte) h.counter};
            case Headers.REQUEST_HOPPER_STATUS:
                if (h.remaining > 0) { // a coin leaves between two status requests
                    if (h.coins > 0) {
                        h.coins--;
                        h.remaining--;
                        h.paid++;
                        h.paidTotal++;
                    } else {
                        h.unpaid = h.remaining;
                        h.remaining = 0;
                    }
                }
                return new byte[] {(byte) h.counter, (byte) h.remaining, (byte) h.paid, (byte) h.unpaid};
            default:
                return null;
        }
    }
}
