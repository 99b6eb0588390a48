package jp.certkiosk.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.card.vpcd.VpcdCardLink;

/**
 * The small long-running process that holds virtual cards on the PC/SC reader "Virtual PCD 00 00"
 * (through the vsmartcard-vpcd driver), so that separate shell commands can place and pull them:
 * {@code ./kiosk card insert --profile adult}, {@code ./kiosk card remove}. It listens on the Unix
 * socket {@code <data>/cards/control.sock} for one-line commands ({@code insert NAME},
 * {@code remove}, {@code status}, {@code verifies}: VERIFY commands the card on the reader received, {@code stop}) and keeps its pid in {@code <data>/cards/card-process.pid}
 * and its log in {@code <data>/cards/card-process.log}.
 */
public final class VirtualCardProcess {
    private VirtualCardProcess() {
    }

    static Path socket(Path dataDir) {
        return dataDir.resolve("cards").resolve("control.sock");
    }

    /** Runs the card process until a {@code stop} command. */
    public static void serve(Path dataDir, int port) throws IOException {
        VirtualCardProfiles profiles = VirtualCardProfiles.open(dataDir, Clock.systemDefaultZone());
        Path socket = socket(dataDir);
        Files.createDirectories(socket.getParent());
        Files.setPosixFilePermissions(socket.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(socket);
        Path pidFile = socket.resolveSibling("card-process.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        String inserted = null;
        jp.certkiosk.card.virtual.VirtualJpkiCard card = null;
        try (VpcdCardLink link = VpcdCardLink.start(VpcdCardLink.DEFAULT_HOST, port);
             ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            // only its owner may place or pull cards: the socket is 0600 and each peer's user is checked
            Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            java.nio.file.attribute.UserPrincipal owner = Files.getOwner(socket);
            System.out.println("card process " + ProcessHandle.current().pid() + " on vpcd port " + port);
            while (true) {
                try (SocketChannel client = server.accept();
                     IdleGuard guard = new IdleGuard(client, CLIENT_IDLE_MILLIS);
                     BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(Channels.newOutputStream(client), true, StandardCharsets.UTF_8)) {
                    if (!ownedBy(client, owner)) {
                        out.println("error only the owner of the card process may use it");
                        continue;
                    }
                    String line = in.readLine();
                    String[] words = line == null ? new String[0] : line.trim().split("\\s+");
                    String command = words.length == 0 ? "" : words[0];
                    if (command.equals("insert") && words.length == 2) {
                        var profile = profiles.find(words[1]);
                        if (profile.isEmpty()) {
                            out.println("error no virtual card profile '" + words[1] + "' (see ./kiosk card list)");
                            continue;
                        }
                        card = profiles.card(profile.get());
                        link.insert(card);
                        inserted = words[1];
                        System.out.println("inserted " + inserted);
                        out.println("ok card '" + inserted + "' placed on the reader 'Virtual PCD 00 00'");
                    } else if (command.equals("remove")) {
                        link.remove();
                        out.println(inserted == null ? "ok no card was on the reader" : "ok card '" + inserted + "' removed");
                        System.out.println("removed " + inserted);
                        inserted = null;
                        card = null;
                    } else if (command.equals("verifies")) {
                        out.println("ok " + (card == null ? 0 : jp.certkiosk.app.headless.CardHand.countVerifies(card.received())));
                    } else if (command.equals("status")) {
                        out.println("ok " + (inserted == null ? "no card on the reader" : "card '" + inserted + "' on the reader"));
                    } else if (command.equals("stop")) {
                        link.remove();
                        out.println("ok card process stopped");
                        return;
                    } else {
                        out.println("error unknown command: " + line);
                    }
                } catch (java.nio.channels.ClosedChannelException idle) {
                    System.out.println("a client stayed idle and was disconnected");
                }
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(pidFile);
        }
    }

    /** A client that sends no command within this time is disconnected, so it cannot block the others. */
    static final long CLIENT_IDLE_MILLIS = 5_000;

    private static boolean ownedBy(SocketChannel client, java.nio.file.attribute.UserPrincipal owner) {
        try {
            return client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName().equals(owner.getName());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Closes a client that stays idle too long (a blocking read has no time limit of its own). */
    private static final class IdleGuard implements AutoCloseable {
        private final Thread timer;

        IdleGuard(SocketChannel client, long millis) {
            timer = new Thread(() -> {
                try {
                    Thread.sleep(millis);
                    client.close();
                } catch (InterruptedException | IOException done) {
                    // answered in time, or already closed
                }
            }, "card-process-idle-guard");
            timer.setDaemon(true);
            timer.start();
        }

        @Override
        public void close() {
            timer.interrupt();
        }
    }

    /** Sends one command to the running card process; empty answer if none runs. */
    public static java.util.Optional<String> send(Path dataDir, String command) {
        Path socket = socket(dataDir);
        if (!Files.exists(socket)) {
            return java.util.Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             PrintWriter out = new PrintWriter(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.println(command);
            String answer = in.readLine();
            return java.util.Optional.of(answer == null ? "error the card process closed the connection" : answer);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Starts the card process in the background (same Java, same class path) and waits for it. */
    public static void spawn(Path dataDir) throws IOException, InterruptedException {
        Path log = socket(dataDir).resolveSibling("card-process.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DemoMain.class.getName());
        command.add("card");
        command.add("serve");
        command.add("--data");
        command.add(dataDir.toString());
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        long end = System.currentTimeMillis() + 30_000;
        while (send(dataDir, "status").isEmpty()) {
            if (System.currentTimeMillis() > end) {
                throw new IOException("the card process did not start within 30 s; see " + log);
            }
            Thread.sleep(100);
        }
    }
}
