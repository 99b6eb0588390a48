package jp.certkiosk.app.payment.cctalk;

import java.io.IOException;
import java.time.Duration;

/** The serial line the ccTalk bus runs on: bytes out, bytes in with a deadline. */
public interface SerialLine extends AutoCloseable {
    /** Its name for messages, e.g. the device path. */
    String name();

    void write(byte[] bytes) throws IOException;

    /** Reads {@code length} bytes, or fewer if {@code timeout} passes first; returns how many it read. */
    int read(byte[] into, int length, Duration timeout) throws IOException;

    /** Drops whatever arrived unasked (noise, a late reply to an earlier command). */
    void discardInput() throws IOException;

    @Override
    void close();
}
