package jp.certkiosk.app.payment.cctalk;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real serial line for tests: a pseudo-terminal pair made by socat, the kiosk's end at
 * {@link #kioskPort()}, the emulated devices answering on the other end through the kernel's tty
 * layer, byte by byte, the way a USB ccTalk interface would.
 */
final class PseudoTerminalBus implements AutoCloseable {
    private final Process socat;
    private final Path kioskPort;
    private final Thread device;
    private volatile boolean closed;

    PseudoTerminalBus(Path dir, CcTalkDeviceEmulator emulator) throws IOException, InterruptedException {
        kioskPort = dir.resolve("ttyKiosk");
        Path devicePort = dir.resolve("ttyDevices");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + kioskPort, "pty,raw,echo=0,link=" + devicePort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 200 && !(Files.exists(kioskPort) && Files.exists(devicePort)); i++) {
            if (!socat.isAlive()) {
                throw new IOException("socat ended: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(50);
        }
        if (!Files.exists(devicePort)) {
            throw new IOException("socat made no pseudo-terminals: " + Files.readString(dir.resolve("socat.log")));
        }
        InputStream in = new FileInputStream(devicePort.toFile());
        OutputStream out = new FileOutputStream(devicePort.toFile());
        device = new Thread(() -> {
            byte[] buffer = new byte[512];
            try (in; out) {
                int n;
                while (!closed && (n = in.read(buffer)) > 0) {
                    out.write(emulator.receive(buffer, n));
                    out.flush();
                }
            } catch (IOException gone) {
                // socat ended: the line is gone
            }
        }, "cctalk-emulator");
        device.setDaemon(true);
        device.start();
    }

    String kioskPort() {
        return kioskPort.toString();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
        device.join(5000);
    }
}
