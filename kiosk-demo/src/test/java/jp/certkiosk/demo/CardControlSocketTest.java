package jp.certkiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card process's control socket is its owner's alone (0600, in a 0700 folder), and a client that
 * connects and says nothing is disconnected, so that it cannot keep the owner's commands waiting.
 * No reader is needed: the card process waits for the vpcd reader on a port where none listens.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CardControlSocketTest {
    @TempDir
    Path data;

    @Test
    void theSocketIsTheOwnersAndAnIdleClientIsDisconnected() throws Exception {
        int noReader;
        try (ServerSocket probe = new ServerSocket(0)) {
            noReader = probe.getLocalPort();
        }
        Thread process = new Thread(() -> {
            try {
                VirtualCardProcess.serve(data, noReader);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "card-process");
        process.setDaemon(true);
        process.start();
        Path socket = VirtualCardProcess.socket(data);
        while (VirtualCardProcess.send(data, "status").isEmpty()) {
            Thread.sleep(100);
        }

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));

        try (SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            // the owner's command waits behind the idle client only until that client is cut off
            assertEquals(Optional.of("ok no card on the reader"), VirtualCardProcess.send(data, "status"));
            ByteBuffer buffer = ByteBuffer.allocate(16);
            assertEquals(-1, idle.read(buffer), "the idle client was disconnected without an answer");
        }
        assertEquals(Optional.of("ok card process stopped"), VirtualCardProcess.send(data, "stop"));
        process.join(10_000);
        assertTrue(!Files.exists(socket), "the socket goes with the process");
    }
}
