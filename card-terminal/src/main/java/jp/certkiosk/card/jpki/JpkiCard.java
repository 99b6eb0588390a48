package jp.certkiosk.card.jpki;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.ResponseApdu;

/**
 * The JPKI application of one My Number Card, spoken over an {@link ApduTransport}: read the
 * user-authentication certificate, ask and verify its PIN, sign with its key.
 *
 * <p>The class holds no state apart from the transport; the card holds the selection and
 * security status. After a card reset the caller selects the AP again ({@link #selectAp()}).
 * Every method throws {@link JpkiException} naming its step when the card answers with an
 * unexpected status word or malformed content, and {@link CardIoException} (or
 * {@link jp.certkiosk.card.apdu.CardRemovedException}) when the transport fails.
 *
 * <p>Step names: {@value #STEP_SELECT_AP}, {@code "SELECT <file>"} (e.g. "SELECT auth PIN"),
 * {@value #STEP_READ_CERT}, {@value #STEP_PARSE_CERT}, {@value #STEP_TRIES_LEFT},
 * {@value #STEP_VERIFY}, {@value #STEP_SIGN}.
 */
public final class JpkiCard {

    /** Length of the user-authentication PIN, in digits. */
    public static final int AUTH_PIN_LENGTH = 4;
    /** Consecutive wrong user-authentication PINs that block it. */
    public static final int AUTH_PIN_MAX_TRIES = 3;
    /** Size of an RSA-2048 signature from the auth key. */
    public static final int SIGNATURE_LENGTH = 256;
    /** Largest READ BINARY chunk the kiosk asks for. */
    public static final int MAX_READ_CHUNK = 255;

    /** Step names, as reported by {@link JpkiException#step()}. */
    public static final String STEP_SELECT_AP = "SELECT JPKI AP";
    public static final String STEP_READ_CERT = "READ BINARY auth certificate";
    public static final String STEP_PARSE_CERT = "parse auth certificate";
    public static final String STEP_TRIES_LEFT = "VERIFY auth PIN (tries left)";
    public static final String STEP_VERIFY = "VERIFY auth PIN";
    public static final String STEP_SIGN = "SIGN auth key";

    private static final int SW_SUCCESS = 0x9000;
    private static final int SW_END_OF_FILE = 0x6282;
    private static final int SW_PIN_BLOCKED = 0x6983;
    private static final int SW_NOT_FOUND = 0x6A82;
    private static final int HEADER_LENGTH = 4;

    private final ApduTransport transport;

    public JpkiCard(ApduTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Selects the JPKI AP. Needed after every insertion or reset, before anything else.
     *
     * @throws NotJpkiCardException if the card has no JPKI application ({@code 6A 82})
     */
    public void selectAp() throws JpkiException, CardIoException {
        ResponseApdu response = transport.transmit(JpkiCommands.selectAp());
        if (response.sw() == SW_NOT_FOUND) {
            throw new NotJpkiCardException(STEP_SELECT_AP, response.sw());
        }
        expectSuccessWithoutData(STEP_SELECT_AP, response);
    }

    /**
     * Reads the DER user-authentication certificate (no PIN needed): selects EF 000A, reads the
     * 4-byte {@code 30 82 LL LL} header, then the rest in chunks of at most
     * {@value #MAX_READ_CHUNK} bytes.
     */
    public byte[] readAuthCertificate() throws JpkiException, CardIoException {
        selectEf(JpkiFile.AUTH_CERT);
        ResponseApdu headerResponse = readChunk(0, HEADER_LENGTH);
        byte[] header = headerResponse.data();
        if (header.length != HEADER_LENGTH || (header[0] & 0xFF) != 0x30 || (header[1] & 0xFF) != 0x82) {
            throw new JpkiException(STEP_READ_CERT, headerResponse.sw(),
                    "certificate does not start with a 30 82 LL LL header");
        }
        int size = (((header[2] & 0xFF) << 8) | (header[3] & 0xFF)) + HEADER_LENGTH;
        if (size - 1 > JpkiCommands.MAX_READ_OFFSET) {
            throw new JpkiException(STEP_READ_CERT, headerResponse.sw(),
                    "certificate of " + size + " bytes is beyond READ BINARY offsets");
        }
        byte[] der = new byte[size];
        System.arraycopy(header, 0, der, 0, HEADER_LENGTH);
        int offset = HEADER_LENGTH;
        while (offset < size) {
            int wanted = Math.min(MAX_READ_CHUNK, size - offset);
            ResponseApdu chunk = readChunk(offset, wanted);
            byte[] data = chunk.data();
            if (data.length == 0 || data.length > wanted) {
                throw new JpkiException(STEP_READ_CERT, chunk.sw(),
                        "asked for " + wanted + " bytes at offset " + offset + ", got " + data.length);
            }
            System.arraycopy(data, 0, der, offset, data.length);
            offset += data.length;
        }
        return der;
    }

    /** Reads the user-authentication certificate and parses it as X.509. */
    public X509Certificate authCertificate() throws JpkiException, CardIoException {
        byte[] der = readAuthCertificate();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new JpkiException(STEP_PARSE_CERT, SW_SUCCESS, "not an X.509 certificate", e);
        }
    }

    /**
     * Remaining tries of the user-authentication PIN: selects EF 0018 and sends VERIFY without
     * data, which does not use a try. {@code 0} means blocked.
     */
    public int authPinTriesLeft() throws JpkiException, CardIoException {
        selectEf(JpkiFile.AUTH_PIN);
        ResponseApdu response = transport.transmit(JpkiCommands.pinTriesLeft());
        expectNoData(STEP_TRIES_LEFT, response);
        if (response.sw() == SW_PIN_BLOCKED) {
            return 0;
        }
        if (isCounter(response.sw())) {
            return response.sw2() & 0x0F;
        }
        throw new JpkiException(STEP_TRIES_LEFT, response.sw());
    }

    /**
     * Verifies the user-authentication PIN: selects EF 0018, then VERIFY with the 4 ASCII
     * digits. The ASCII copy of the PIN and the command data are wiped before this method
     * returns or throws; the caller wipes {@code pin}.
     *
     * @param pin exactly 4 digits {@code '0'..'9'}
     * @throws IllegalArgumentException if {@code pin} is not exactly 4 ASCII digits (nothing
     *                                  is sent to the card; the message does not contain the PIN)
     */
    public PinOutcome verifyAuthPin(char[] pin) throws JpkiException, CardIoException {
        requireAuthPinShape(pin);
        selectEf(JpkiFile.AUTH_PIN);
        byte[] ascii = null;
        CommandApdu command = null;
        ResponseApdu response;
        try {
            ascii = new byte[AUTH_PIN_LENGTH];
            for (int i = 0; i < AUTH_PIN_LENGTH; i++) {
                ascii[i] = (byte) pin[i];
            }
            command = JpkiCommands.verifyPin(ascii);
            response = transport.transmit(command);
        } finally {
            if (command != null) {
                command.wipe();
            }
            if (ascii != null) {
                Arrays.fill(ascii, (byte) 0);
            }
        }
        expectNoData(STEP_VERIFY, response);
        int sw = response.sw();
        if (sw == SW_SUCCESS) {
            return new PinOutcome.Verified();
        }
        if (sw == SW_PIN_BLOCKED) {
            return new PinOutcome.Blocked();
        }
        if (isCounter(sw)) {
            int triesLeft = sw & 0x0F;
            return triesLeft == 0 ? new PinOutcome.Blocked() : new PinOutcome.WrongPin(triesLeft);
        }
        throw new JpkiException(STEP_VERIFY, sw);
    }

    /**
     * Signs a DER DigestInfo with the user-authentication key (PKCS#1 v1.5 padding by the
     * card): selects EF 0017, then the SIGN command. Needs a verified auth PIN; otherwise the
     * card answers {@code 69 82} and this throws a {@link JpkiException} with step
     * {@value #STEP_SIGN}.
     *
     * @return the {@value #SIGNATURE_LENGTH}-byte signature
     * @throws IllegalArgumentException if the DigestInfo is empty or longer than 255 bytes
     */
    public byte[] signWithAuthKey(byte[] digestInfo) throws JpkiException, CardIoException {
        CommandApdu command = JpkiCommands.sign(digestInfo);
        selectEf(JpkiFile.AUTH_KEY);
        ResponseApdu response = transport.transmit(command);
        if (response.sw() != SW_SUCCESS) {
            throw new JpkiException(STEP_SIGN, response.sw());
        }
        if (response.data().length != SIGNATURE_LENGTH) {
            throw new JpkiException(STEP_SIGN, response.sw(),
                    "expected a " + SIGNATURE_LENGTH + "-byte signature, got " + response.data().length + " bytes");
        }
        return response.data();
    }

    private void selectEf(JpkiFile file) throws JpkiException, CardIoException {
        expectSuccessWithoutData("SELECT " + file.label(), transport.transmit(JpkiCommands.selectEf(file)));
    }

    /** READ BINARY; accepts 90 00 and 62 82 (end of file reached before Le bytes). */
    private ResponseApdu readChunk(int offset, int length) throws JpkiException, CardIoException {
        ResponseApdu response = transport.transmit(JpkiCommands.readBinary(offset, length));
        if (response.sw() != SW_SUCCESS && response.sw() != SW_END_OF_FILE) {
            throw new JpkiException(STEP_READ_CERT, response.sw());
        }
        return response;
    }

    private static void expectSuccessWithoutData(String step, ResponseApdu response) throws JpkiException {
        if (response.sw() != SW_SUCCESS) {
            throw new JpkiException(step, response.sw());
        }
        expectNoData(step, response);
    }

    private static void expectNoData(String step, ResponseApdu response) throws JpkiException {
        if (response.data().length != 0) {
            throw new JpkiException(step, response.sw(),
                    "unexpected " + response.data().length + " bytes of response data");
        }
    }

    /** {@code 63 Cx}: verification counter. */
    private static boolean isCounter(int sw) {
        return (sw & 0xFFF0) == 0x63C0;
    }

    private static void requireAuthPinShape(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        boolean ok = pin.length == AUTH_PIN_LENGTH;
        for (int i = 0; ok && i < pin.length; i++) {
            ok = pin[i] >= '0' && pin[i] <= '9';
        }
        if (!ok) {
            throw new IllegalArgumentException("auth PIN must be exactly " + AUTH_PIN_LENGTH + " ASCII digits");
        }
    }
}
