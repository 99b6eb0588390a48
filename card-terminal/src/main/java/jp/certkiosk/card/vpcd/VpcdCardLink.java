package jp.certkiosk.card.vpcd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Objects;
import jdk.net.ExtendedSocketOptions;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.virtual.VirtualJpkiCard;

/**
 * Puts virtual JPKI cards into the {@code vsmartcard-vpcd} reader of pcscd.
 *
 * <p>The link connects to the reader driver over TCP (default {@code 127.0.0.1:35963}, the first
 * slot) and answers its frames: a 2-byte big-endian length, then the payload. One-byte payloads are
 * control ({@code 00} power off, {@code 01} power on, {@code 02} reset, no reply to any of them;
 * {@code 04} get ATR, answered with the ATR, or with an empty frame when no card is on the reader);
 * longer payloads are command APDUs, answered with the response APDU including SW.
 *
 * <p>The link is connected while a card is on the reader: {@link #insert} connects (the reader
 * driver then powers the card and reads its ATR), {@link #remove} disconnects, which the driver
 * reports to pcscd as the card leaving. (The driver drops the connection itself when a card
 * answers get-ATR with nothing, so an open connection without a card is not a state it keeps.)
 * When the connection drops while a card is on the reader (pcscd restarted, driver not there yet)
 * the link reconnects every {@value #RECONNECT_MILLIS} ms until {@link #close()}d. One thread per
 * link.
 */
public final class VpcdCardLink implements AutoCloseable {
    /** Port of the first vpcd slot ("Virtual PCD 00 00"). */
    public static final int DEFAULT_PORT = 35963;
    public static final String DEFAULT_HOST = "127.0.0.1";
    static final int RECONNECT_MILLIS = 250;

    static final int POWER_OFF = 0x00;
    static final int POWER_ON = 0x01;
    static final int RESET = 0x02;
    static final int GET_ATR = 0x04;

    private static final System.Logger LOG = System.getLogger(VpcdCardLink.class.getName());

    private static final boolean TRACE = Boolean.getBoolean("certkiosk.vpcd.trace");

    private final InetSocketAddress reader;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile Socket socket;
    private VirtualJpkiCard card;
    private int removeOnIns = -1;

    private VpcdCardLink(InetSocketAddress reader) {
        this.reader = reader;
        this.thread = new Thread(this::run, "vpcd-card-link-" + reader.getPort());
        this.thread.setDaemon(true);
    }

    /** Starts a link to the reader slot at {@code host:port}, with no card on the reader yet. */
    public static VpcdCardLink start(String host, int port) {
        VpcdCardLink link = new VpcdCardLink(new InetSocketAddress(host, port));
        link.thread.start();
        return link;
    }

    /** Starts a link to the first vpcd slot on loopback. */
    public static VpcdCardLink start() {
        return start(DEFAULT_HOST, DEFAULT_PORT);
    }

    /** Places {@code card} on the reader (freshly powered), replacing any card there. */
    public synchronized void insert(VirtualJpkiCard card) {
        Objects.requireNonNull(card, "card");
        if (this.card != null && this.card != card) {
            this.card.remove();
        }
        card.insert();
        this.card = card;
        notifyAll();
    }

    /** Takes the card off the reader; commands still in flight fail as "card removed". */
    public synchronized void remove() {
        if (card != null) {
            card.remove();
        }
        card = null;
        disconnect();
    }

    private void disconnect() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * Fault injection: the next command with instruction byte {@code ins} finds the card gone, as
     * if the resident pulled it while the card was working on it. The command gets no answer and
     * the card is off the reader from then on.
     */
    public synchronized void removeWhenReceived(int ins) {
        removeOnIns = ins;
    }

    /** The card on the reader now, if any. */
    public synchronized java.util.Optional<VirtualJpkiCard> card() {
        return java.util.Optional.ofNullable(card);
    }

    /** Whether the reader driver is connected right now (only while a card is on the reader). */
    public boolean isConnected() {
        return connected;
    }

    /** Waits until the reader driver is connected (after {@link #insert}); false on timeout. */
    public boolean awaitConnected(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!connected && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return connected;
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            try {
                awaitCard();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try (Socket s = new Socket()) {
                s.connect(reader, 1000);
                s.setTcpNoDelay(true);
                socket = s;
                connected = true;
                warned = false;
                LOG.log(System.Logger.Level.DEBUG, "connected to the vpcd reader at {0}", reader);
                serve(s, new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
            } catch (IOException e) {
                if (!closed && !warned) {
                    LOG.log(System.Logger.Level.DEBUG, "vpcd reader at {0} not reachable ({1}); retrying",
                            reader, e.getMessage());
                    warned = true;
                }
            } finally {
                connected = false;
                socket = null;
            }
            if (!closed) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private synchronized void awaitCard() throws InterruptedException {
        while (card == null && !closed) {
            wait();
        }
    }

    private void serve(Socket s, DataInputStream in, DataOutputStream out) throws IOException {
        while (!closed) {
            acknowledgeAtOnce(s);
            byte[] payload = readFrame(in);
            try {
                byte[] reply = answer(payload);
                if (TRACE) {
                    System.err.println("vpcd> " + (payload.length == 1 ? jp.certkiosk.card.apdu.Hex.toHex(payload)
                            : payload.length + " bytes " + jp.certkiosk.card.apdu.Hex.toHex(payload, 0, Math.min(5, payload.length)))
                            + " < " + (reply == null ? "(no reply)" : jp.certkiosk.card.apdu.Hex.toHex(reply)));
                }
                if (reply != null) {
                    writeFrame(out, reply);
                }
            } finally {
                Arrays.fill(payload, (byte) 0);
            }
        }
    }

    /**
     * The reader's driver writes a frame's length and its body in two writes, without
     * {@code TCP_NODELAY}: its body waits for our acknowledgement of the length, which Linux delays
     * by up to 40 ms once the connection looks interactive. Asking for the next acknowledgement at
     * once (it is not a lasting setting: the kernel falls back after each exchange) takes that wait
     * out of every APDU.
     */
    private static void acknowledgeAtOnce(Socket s) {
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
            try {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "TCP_QUICKACK not set: {0}", e.getMessage());
            }
        }
    }

    /** The answer to one frame from the reader, or null when the frame gets no reply. */
    byte[] answer(byte[] payload) {
        VirtualJpkiCard current;
        synchronized (this) {
            if (payload.length > 4 && (payload[1] & 0xFF) == removeOnIns) {
                removeOnIns = -1;
                remove();
            }
            current = card;
        }
        if (payload.length == 1) {
            int control = payload[0] & 0xFF;
            if (control == GET_ATR) {
                return current == null ? new byte[0] : current.atr();
            }
            if (control == POWER_OFF || control == POWER_ON || control == RESET) {
                if (current != null) {
                    current.reset();
                }
                return null;
            }
            LOG.log(System.Logger.Level.WARNING, "unknown vpcd control byte {0}", control);
            return null;
        }
        if (current == null) {
            return new byte[0];
        }
        try {
            return current.exchange(payload);
        } catch (CardRemovedException e) {
            return new byte[0];
        }
    }

    private static byte[] readFrame(InputStream in) throws IOException {
        int hi = in.read();
        int lo = in.read();
        if (hi < 0 || lo < 0) {
            throw new EOFException("the reader closed the connection");
        }
        byte[] payload = new byte[(hi << 8) | lo];
        new DataInputStream(in).readFully(payload);
        return payload;
    }

    private static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > 0xFFFF) {
            throw new IOException("frame too long: " + payload.length);
        }
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    /** Stops the link and closes the connection; the reader then sees no card. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        disconnect();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
