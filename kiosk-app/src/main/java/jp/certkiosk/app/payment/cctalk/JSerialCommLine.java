package jp.certkiosk.app.payment.cctalk;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;

/** A serial port through jSerialComm, set up the way ccTalk runs: 9600 baud, 8 data bits, no parity, 1 stop bit. */
public final class JSerialCommLine implements SerialLine {
    public static final int CCTALK_BAUD = 9600;

    private final SerialPort port;
    private final String name;

    private JSerialCommLine(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    public static JSerialCommLine open(String device) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the library's native part could not be loaded on this machine
            throw new IOException("no serial port " + device + ": " + e, e);
        }
        port.setComPortParameters(CCTALK_BAUD, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open the serial port " + device + " (error " + port.getLastErrorCode()
                    + "): does it exist, and may the kiosk's user open it (group dialout)?");
        }
        return new JSerialCommLine(port, device);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("wrote " + written + " of " + bytes.length + " bytes to " + name);
        }
    }

    @Override
    public int read(byte[] into, int length, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int read = 0;
        while (read < length) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (System.nanoTime() >= deadline) {
                break;
            }
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.min(left, Integer.MAX_VALUE), 0);
            int n = port.readBytes(into, length - read, read);
            if (n < 0) {
                throw new IOException("reading " + name + " failed (error " + port.getLastErrorCode() + ")");
            }
            read += n;
        }
        return read;
    }

    @Override
    public void discardInput() throws IOException {
        int available;
        byte[] junk = new byte[256];
        while ((available = port.bytesAvailable()) > 0) {
            if (port.readBytes(junk, Math.min(available, junk.length)) < 0) {
                throw new IOException("reading " + name + " failed (error " + port.getLastErrorCode() + ")");
            }
        }
        if (available < 0) {
            throw new IOException(name + " is gone (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
