package jp.certkiosk.card.virtual;

import static jp.certkiosk.card.jpki.JpkiCommands.CLA_ISO;
import static jp.certkiosk.card.jpki.JpkiCommands.CLA_PROPRIETARY;
import static jp.certkiosk.card.jpki.JpkiCommands.INS_READ_BINARY;
import static jp.certkiosk.card.jpki.JpkiCommands.INS_SELECT;
import static jp.certkiosk.card.jpki.JpkiCommands.INS_SIGN;
import static jp.certkiosk.card.jpki.JpkiCommands.INS_VERIFY;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.ResponseApdu;
import jp.certkiosk.card.jpki.JpkiFile;

/**
 * An in-process My Number Card with the JPKI application, answering APDUs byte for byte as
 * a real card does for the commands the kiosk (and OpenSC's jpki driver) use.
 *
 * <p><b>Files.</b> SELECT AP by AID ({@code 00 A4 04 0C}); any other AID gives {@code 6A 82}.
 * SELECT EF ({@code 00 A4 02 0C}, 2-byte fid) only after the AP is selected, otherwise and for
 * unknown ids {@code 6A 82}. Other P1/P2 give {@code 6A 86}.
 *
 * <p><b>READ BINARY</b> ({@code 00 B0}, 15-bit offset) reads the current EF: the auth
 * certificate (000A) and its CA (000B) need no PIN. The signing side is not modelled: the
 * sign certificate (0001) and sign CA (0002) answer {@code 69 82} (as if the signing PIN were
 * never verified); key and PIN EFs are not transparent ({@code 69 81}); no current EF gives
 * {@code 69 86}; a missing Le gives {@code 67 00}. An offset at or beyond the end of the file
 * gives {@code 6B 00}. When Le asks for more than remains, the remaining bytes are returned
 * with the ISO 7816-4 warning {@code 62 82} ("end of file reached before reading Ne bytes");
 * an exact read gives {@code 90 00}. Short-EF-id addressing (P1 bit 8) is not supported
 * ({@code 6A 86}).
 *
 * <p><b>VERIFY</b> ({@code 00 20 00 80}) on the auth PIN EF (0018): without data it answers
 * {@code 63 Cx} with the remaining tries, always, also after a success ({@code 63 C0} when
 * blocked). With 4 bytes: when blocked {@code 69 83} without comparing; correct gives
 * {@code 90 00}, resets the counter to 3 and sets the "auth PIN verified" security status;
 * wrong decrements the counter, clears the security status and gives {@code 63 Cx}
 * ({@code 63 C0} on the third). Any other data length gives {@code 67 00} without using a
 * try. On the sign PIN EF (001B, not modelled) an empty VERIFY gives {@code 63 C5} and a
 * VERIFY with data {@code 69 84}; on any other EF {@code 69 86}.
 *
 * <p><b>SIGN</b> ({@code 80 2A 00 80}) with the auth key EF (0017) selected and the auth PIN
 * verified: a PKCS#1 v1.5 signature of the given DigestInfo ({@code NONEwithRSA}) and
 * {@code 90 00}. Without the verified PIN, or with the sign key EF selected, {@code 69 82};
 * another EF {@code 69 86}; empty data {@code 67 00}; data too long for the key {@code 6A 80}.
 *
 * <p><b>Classes and instructions.</b> CLA other than {@code 00}/{@code 80}, or the wrong one of
 * the two for the instruction, gives {@code 6E 00}; an unknown INS {@code 6D 00}. Bytes that
 * are not a short-form command APDU give {@code 67 00}.
 *
 * <p><b>Security status</b> (PIN verified) is cleared by {@link #reset()}, by re-selecting
 * the AP, by {@link #remove()}/{@link #insert()} and by a wrong PIN. The PIN counter lives in
 * the {@link VirtualCardState} and survives all of these.
 *
 * <p><b>Fault injection.</b> {@link #remove()} makes every exchange throw
 * {@link CardRemovedException} until {@link #insert()}, which is a power cycle. The
 * {@link Behaviour} chosen at construction can make the card a non-JPKI IC card or a card
 * answering garbage.
 *
 * <p><b>Inspection.</b> {@link #received()} lists the commands received (the last
 * {@value #RECEIVED_LOG_LIMIT}); PIN-carrying commands are stored with their data replaced
 * by zeros of the same length, so no PIN digits linger in the log.
 *
 * <p>Thread-safe: exchanges and fault injection are serialized on the card.
 */
public final class VirtualJpkiCard implements ApduTransport {

    /** How the virtual card misbehaves, if at all. */
    public enum Behaviour {
        /** A faithful JPKI card. */
        NORMAL,
        /** Some other IC card: SELECT of the JPKI AP answers {@code 6A 82}. */
        NO_JPKI_APPLICATION,
        /**
         * A broken card or link: every command is answered, deterministically in rotation,
         * with an empty or one-byte answer (no status word), a bogus status word, or junk
         * data followed by {@code 90 00} or {@code 6F 00}.
         */
        GARBAGE
    }

    /** Most commands kept by {@link #received()}; older ones are dropped. */
    public static final int RECEIVED_LOG_LIMIT = 1000;

    /** ATR of a JPKI card as OpenSC matches it (T=1). */
    private static final byte[] JPKI_ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};
    /** Minimal valid T=1 ATR for the non-JPKI card. */
    private static final byte[] OTHER_ATR = {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};

    private static final byte[][] GARBAGE_ANSWERS = {
        {},
        {(byte) 0x90},
        {0x12, 0x34},
        {0x01, 0x02, 0x03, (byte) 0x90, 0x00},
        {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x6F, 0x00},
    };


    private static final int SW_SUCCESS = 0x9000;
    private static final int SW_END_OF_FILE = 0x6282;
    private static final int SW_COUNTER = 0x63C0;
    private static final int SW_WRONG_LENGTH = 0x6700;
    private static final int SW_NOT_TRANSPARENT = 0x6981;
    private static final int SW_SECURITY_NOT_SATISFIED = 0x6982;
    private static final int SW_PIN_BLOCKED = 0x6983;
    private static final int SW_REFERENCE_NOT_USABLE = 0x6984;
    private static final int SW_NO_CURRENT_EF = 0x6986;
    private static final int SW_WRONG_DATA = 0x6A80;
    private static final int SW_NOT_FOUND = 0x6A82;
    private static final int SW_WRONG_P1P2 = 0x6A86;
    private static final int SW_WRONG_OFFSET = 0x6B00;
    private static final int SW_INS_NOT_SUPPORTED = 0x6D00;
    private static final int SW_CLA_NOT_SUPPORTED = 0x6E00;
    private static final int SW_NO_DIAGNOSIS = 0x6F00;
    private static final int SIGN_PIN_TRIES = 5;

    private final VirtualCardState state;
    private final byte[] authCertificateDer;
    private final byte[] authCaCertificateDer;
    private final PrivateKey authKey;
    private final Behaviour behaviour;

    private final Deque<CommandApdu> received = new ArrayDeque<>();
    private boolean present = true;
    private boolean apSelected;
    private JpkiFile currentEf;
    private boolean authPinVerified;
    private int garbageIndex;

    /** A faithful JPKI card ({@link Behaviour#NORMAL}). */
    public VirtualJpkiCard(VirtualCardState state, X509Certificate authCertificate,
            X509Certificate authCaCertificate, PrivateKey authKey) {
        this(state, authCertificate, authCaCertificate, authKey, Behaviour.NORMAL);
    }

    /**
     * A virtual card with the given behaviour.
     *
     * @param state             the card's persistent PIN state (may be shared with other instances
     *                          standing for the same card)
     * @param authCertificate   the user-authentication certificate served from EF 000A
     * @param authCaCertificate its CA certificate, served from EF 000B
     * @param authKey           the RSA-2048 key matching {@code authCertificate}
     * @throws IllegalArgumentException if the key is not RSA-2048 or does not match the certificate
     */
    public VirtualJpkiCard(VirtualCardState state, X509Certificate authCertificate,
            X509Certificate authCaCertificate, PrivateKey authKey, Behaviour behaviour) {
        this.state = Objects.requireNonNull(state, "state");
        Objects.requireNonNull(authCertificate, "authCertificate");
        Objects.requireNonNull(authCaCertificate, "authCaCertificate");
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.authCertificateDer = encoded(authCertificate, "auth certificate");
        this.authCaCertificateDer = encoded(authCaCertificate, "auth CA certificate");
        requireMatchingRsa2048(authKey, authCertificate.getPublicKey());
    }

    /** The persistent PIN state of this card. */
    public VirtualCardState state() {
        return state;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** The card's answer to reset: the JPKI ATR, or a generic T=1 ATR for a non-JPKI card. */
    public byte[] atr() {
        return behaviour == Behaviour.NO_JPKI_APPLICATION ? OTHER_ATR.clone() : JPKI_ATR.clone();
    }

    /**
     * Exchanges one command. The encoded command bytes are wiped after processing.
     *
     * @throws CardRemovedException after {@link #remove()}
     * @throws CardIoException      if the card's answer has no status word (only in
     *                              {@link Behaviour#GARBAGE})
     */
    @Override
    public ResponseApdu transmit(CommandApdu command) throws CardIoException {
        Objects.requireNonNull(command, "command");
        byte[] raw = command.encode();
        byte[] answer;
        try {
            answer = exchange(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        if (answer.length < 2) {
            throw new CardIoException("malformed response from the card: " + answer.length + " bytes, no status word");
        }
        return ResponseApdu.decode(answer);
    }

    /**
     * Exchanges raw bytes, as a reader bridge (e.g. to {@code vpcd}) needs: command APDU bytes
     * in, response APDU bytes (data and SW) out. {@code commandBytes} stays the caller's to wipe.
     *
     * @throws CardRemovedException after {@link #remove()}
     */
    public synchronized byte[] exchange(byte[] commandBytes) throws CardRemovedException {
        Objects.requireNonNull(commandBytes, "commandBytes");
        if (!present) {
            throw new CardRemovedException("the card was removed");
        }
        CommandApdu command;
        try {
            command = CommandApdu.decode(commandBytes);
        } catch (IllegalArgumentException e) {
            return ResponseApdu.of(SW_WRONG_LENGTH).encode();
        }
        try {
            log(command);
            if (behaviour == Behaviour.GARBAGE) {
                byte[] answer = GARBAGE_ANSWERS[garbageIndex].clone();
                garbageIndex = (garbageIndex + 1) % GARBAGE_ANSWERS.length;
                return answer;
            }
            return respond(command).encode();
        } finally {
            command.wipe();
        }
    }

    /** A warm reset: deselects the AP and the EF and clears the security status. */
    public synchronized void reset() {
        apSelected = false;
        currentEf = null;
        authPinVerified = false;
    }

    /** Takes the card off the reader: every exchange throws {@link CardRemovedException}. */
    public synchronized void remove() {
        present = false;
        reset();
    }

    /** Puts the card back on the reader, freshly powered (nothing selected, no PIN verified). */
    public synchronized void insert() {
        present = true;
        reset();
    }

    /** Whether the card is on the reader. */
    public synchronized boolean isPresent() {
        return present;
    }

    /** Whether the auth PIN is currently verified (security status), for inspection. */
    public synchronized boolean isAuthPinVerified() {
        return authPinVerified;
    }

    /**
     * The commands received so far, oldest first (a snapshot); PIN-carrying commands have
     * their data zeroed.
     */
    public synchronized List<CommandApdu> received() {
        return List.copyOf(received);
    }

    /** Forgets the received commands. */
    public synchronized void clearReceived() {
        received.clear();
    }

    private void log(CommandApdu command) {
        byte[] data = command.carriesReferenceData() ? new byte[command.nc()] : command.data().clone();
        if (received.size() == RECEIVED_LOG_LIMIT) {
            received.removeFirst();
        }
        received.addLast(new CommandApdu(command.cla(), command.ins(), command.p1(), command.p2(), data, command.ne()));
    }

    private ResponseApdu respond(CommandApdu command) {
        int cla = command.cla();
        if (cla != CLA_ISO && cla != CLA_PROPRIETARY) {
            return ResponseApdu.of(SW_CLA_NOT_SUPPORTED);
        }
        int expectedCla;
        switch (command.ins()) {
            case INS_SELECT, INS_VERIFY, INS_READ_BINARY -> expectedCla = CLA_ISO;
            case INS_SIGN -> expectedCla = CLA_PROPRIETARY;
            default -> {
                return ResponseApdu.of(SW_INS_NOT_SUPPORTED);
            }
        }
        if (cla != expectedCla) {
            return ResponseApdu.of(SW_CLA_NOT_SUPPORTED);
        }
        return switch (command.ins()) {
            case INS_SELECT -> select(command);
            case INS_VERIFY -> verify(command);
            case INS_READ_BINARY -> readBinary(command);
            default -> sign(command);
        };
    }

    private ResponseApdu select(CommandApdu command) {
        if (command.p1() == 0x04 && (behaviour == Behaviour.NO_JPKI_APPLICATION
                || !Arrays.equals(command.data(), JpkiFile.apAid()))) {
            // an application the card does not have, whatever response was asked for (OpenSC probes
            // other cards' AIDs with P2 00 before it tries the JPKI AP)
            return ResponseApdu.of(SW_NOT_FOUND);
        }
        if (command.p2() != 0x0C) {
            return ResponseApdu.of(SW_WRONG_P1P2);
        }
        if (command.p1() == 0x04) {
            if (behaviour == Behaviour.NO_JPKI_APPLICATION || !Arrays.equals(command.data(), JpkiFile.apAid())) {
                return ResponseApdu.of(SW_NOT_FOUND);
            }
            apSelected = true;
            currentEf = null;
            authPinVerified = false;
            return ResponseApdu.of(SW_SUCCESS);
        }
        if (command.p1() == 0x02) {
            if (command.nc() != 2) {
                return ResponseApdu.of(SW_WRONG_LENGTH);
            }
            if (!apSelected) {
                return ResponseApdu.of(SW_NOT_FOUND);
            }
            int fid = ((command.data()[0] & 0xFF) << 8) | (command.data()[1] & 0xFF);
            return JpkiFile.byFid(fid).map(file -> {
                currentEf = file;
                return ResponseApdu.of(SW_SUCCESS);
            }).orElseGet(() -> ResponseApdu.of(SW_NOT_FOUND));
        }
        return ResponseApdu.of(SW_WRONG_P1P2);
    }

    private ResponseApdu readBinary(CommandApdu command) {
        if ((command.p1() & 0x80) != 0) {
            return ResponseApdu.of(SW_WRONG_P1P2);
        }
        if (currentEf == null) {
            return ResponseApdu.of(SW_NO_CURRENT_EF);
        }
        if (command.ne() == CommandApdu.NO_LE || command.nc() != 0) {
            return ResponseApdu.of(SW_WRONG_LENGTH);
        }
        byte[] content;
        switch (currentEf) {
            case AUTH_CERT -> content = authCertificateDer;
            case AUTH_CA -> content = authCaCertificateDer;
            case SIGN_CERT, SIGN_CA -> {
                return ResponseApdu.of(SW_SECURITY_NOT_SATISFIED);
            }
            default -> {
                return ResponseApdu.of(SW_NOT_TRANSPARENT);
            }
        }
        int offset = (command.p1() << 8) | command.p2();
        if (offset >= content.length) {
            return ResponseApdu.of(SW_WRONG_OFFSET);
        }
        int n = Math.min(command.ne(), content.length - offset);
        return new ResponseApdu(Arrays.copyOfRange(content, offset, offset + n),
                n < command.ne() ? SW_END_OF_FILE : SW_SUCCESS);
    }

    private ResponseApdu verify(CommandApdu command) {
        if (command.p1() != 0x00 || command.p2() != 0x80) {
            return ResponseApdu.of(SW_WRONG_P1P2);
        }
        if (currentEf == JpkiFile.SIGN_PIN) {
            return ResponseApdu.of(command.nc() == 0 ? SW_COUNTER | SIGN_PIN_TRIES : SW_REFERENCE_NOT_USABLE);
        }
        if (currentEf != JpkiFile.AUTH_PIN) {
            return ResponseApdu.of(SW_NO_CURRENT_EF);
        }
        if (command.nc() == 0) {
            return ResponseApdu.of(SW_COUNTER | state.triesLeft());
        }
        if (command.nc() != 4) {
            return ResponseApdu.of(SW_WRONG_LENGTH);
        }
        VirtualCardState.Attempt attempt = state.attempt(command.data());
        if (attempt.wasBlocked()) {
            authPinVerified = false;
            return ResponseApdu.of(SW_PIN_BLOCKED);
        }
        authPinVerified = attempt.accepted();
        return ResponseApdu.of(attempt.accepted() ? SW_SUCCESS : SW_COUNTER | attempt.triesLeft());
    }

    private ResponseApdu sign(CommandApdu command) {
        if (command.p1() != 0x00 || command.p2() != 0x80) {
            return ResponseApdu.of(SW_WRONG_P1P2);
        }
        if (currentEf == JpkiFile.SIGN_KEY) {
            return ResponseApdu.of(SW_SECURITY_NOT_SATISFIED);
        }
        if (currentEf != JpkiFile.AUTH_KEY) {
            return ResponseApdu.of(SW_NO_CURRENT_EF);
        }
        if (!authPinVerified) {
            return ResponseApdu.of(SW_SECURITY_NOT_SATISFIED);
        }
        if (command.nc() == 0) {
            return ResponseApdu.of(SW_WRONG_LENGTH);
        }
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(authKey);
            rsa.update(command.data());
            return new ResponseApdu(rsa.sign(), SW_SUCCESS);
        } catch (SignatureException e) {
            return ResponseApdu.of(SW_WRONG_DATA);
        } catch (GeneralSecurityException e) {
            return ResponseApdu.of(SW_NO_DIAGNOSIS);
        }
    }

    private static byte[] encoded(X509Certificate certificate, String what) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(what + " cannot be DER-encoded", e);
        }
    }

    private static void requireMatchingRsa2048(PrivateKey key, PublicKey certificateKey) {
        if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("auth key must be RSA, not " + key.getAlgorithm());
        }
        if (key instanceof RSAKey rsaKey && certificateKey instanceof RSAKey rsaPublic) {
            if (rsaKey.getModulus().bitLength() != 2048) {
                throw new IllegalArgumentException("auth key must be RSA-2048, not " + rsaKey.getModulus().bitLength() + " bits");
            }
            if (!rsaKey.getModulus().equals(rsaPublic.getModulus())) {
                throw new IllegalArgumentException("auth key does not match the auth certificate");
            }
        }
    }
}
