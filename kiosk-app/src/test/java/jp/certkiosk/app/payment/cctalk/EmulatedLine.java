package jp.certkiosk.app.payment.cctalk;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/** A serial line in memory with the emulator at its far end: what the emulator answers is there at once. */
final class EmulatedLine implements SerialLine {
    private final CcTalkDeviceEmulator device;
    private byte[] incoming = new byte[0];
    private int at;

    EmulatedLine(CcTalkDeviceEmulator device) {
        this.device = device;
    }

    @Override
    public String name() {
        return "emulated";
    }

    @Override
    public synchronized void write(byte[] bytes) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(incoming, at, incoming.length - at);
        rest.writeBytes(device.receive(bytes, bytes.length));
        incoming = rest.toByteArray();
        at = 0;
    }

    @Override
    public synchronized int read(byte[] into, int length, Duration timeout) {
        int n = Math.min(length, incoming.length - at);
        System.arraycopy(incoming, at, into, 0, n);
        at += n;
        return n;
    }

    @Override
    public synchronized void discardInput() {
        at = incoming.length;
    }

    @Override
    public void close() {}
}
