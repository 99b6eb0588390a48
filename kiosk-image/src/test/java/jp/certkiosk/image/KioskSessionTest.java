package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kiosk-session, the kiosk's voice towards systemd, with the real script and a stand-in for
 * the JVM (a shell script that beats the heartbeat file as told) and for systemd-notify (it writes
 * down what it was asked to send). The watchdog period is 3 s here, so the watcher checks every
 * second and calls a beat stale after 2 s.
 */
class KioskSessionTest {
    @TempDir Path work;

    @Test
    void readyAfterTheFirstBeatThenWatchdogWhileBeatingThenSilenceAndAThreadDumpWhenTheBeatsStop() throws Exception {
        // beats for 3 s, then hangs without beating; records the SIGQUIT the watcher sends
        Session s = session("""
                trap 'echo QUIT >> "$KIOSK_TEST_DIR/signals"' QUIT
                sleep 1
                for i in 1 2 3 4 5 6; do touch "$KIOSK_HEARTBEAT"; sleep 0.5; done
                for i in $(seq 1 80); do sleep 0.1; done
                exit 75
                """);
        Process p = s.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "kiosk-session did not end");
        assertEquals(75, p.exitValue(), "the kiosk's exit status (75: staff restart) is the service's");

        List<String> sent = Files.readAllLines(work.resolve("notify.log"));
        int ready = sent.indexOf("--ready --status=kiosk running (headless)");
        assertTrue(ready >= 0, "READY=1 after the first beat: " + sent);
        assertEquals(1, sent.stream().filter(l -> l.startsWith("--ready")).count(), "READY=1 once: " + sent);
        int stale = indexOfFirst(sent, "--status=kiosk stopped beating");
        assertTrue(stale > ready, "the stale beat is reported after ready: " + sent);
        assertTrue(sent.subList(ready, stale).contains("WATCHDOG=1"), "WATCHDOG=1 while beating: " + sent);
        assertTrue(!sent.subList(stale, sent.size()).contains("WATCHDOG=1"),
                "no WATCHDOG=1 once the beats stopped, so systemd's watchdog fires: " + sent);
        assertEquals(List.of("QUIT"), Files.readAllLines(work.resolve("signals")),
                "one thread dump asked for (SIGQUIT)");
    }

    @Test
    void noReadyWithoutABeat() throws Exception {
        Session s = session("""
                sleep 3
                exit 1
                """);
        Process p = s.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "kiosk-session did not end");
        assertEquals(1, p.exitValue());
        List<String> sent = Files.readAllLines(work.resolve("notify.log"));
        assertTrue(sent.stream().noneMatch(l -> l.startsWith("--ready")), "never ready: " + sent);
        assertTrue(sent.contains("WATCHDOG=1"), "kept alive while starting (TimeoutStartSec bounds it): " + sent);
    }

    @Test
    void theScreenRunsTheProvisionedConfigurationOrTellsStaffItIsNotProvisionedNeverTheDemo() throws Exception {
        String recordArgs = "echo \"$*\" > \"$KIOSK_TEST_DIR/args\"\n";
        Process unprovisioned = session(recordArgs, "ui").start();
        assertTrue(unprovisioned.waitFor(30, TimeUnit.SECONDS), "kiosk-session did not end");
        Path config = work.resolve("state/config/kiosk.properties");
        assertEquals("--not-provisioned " + config, Files.readString(work.resolve("args")).strip());

        Files.createDirectories(config.getParent());
        Files.writeString(config, "kiosk.id=kiosk-0001\n");
        Process provisioned = session(recordArgs, "ui").start();
        assertTrue(provisioned.waitFor(30, TimeUnit.SECONDS), "kiosk-session did not end");
        assertEquals("run --config " + config, Files.readString(work.resolve("args")).strip());
    }

    private record Session(ProcessBuilder builder) {
        Process start() throws Exception {
            return builder.start();
        }
    }

    private Session session(String fakeKiosk) throws Exception {
        return session(fakeKiosk, "headless");
    }

    private Session session(String fakeKiosk, String mode) throws Exception {
        Path home = Files.createDirectories(work.resolve("home/bin"));
        Path sessionScript = Files.copy(Path.of("runtime/bin/kiosk-session"), home.resolve("kiosk-session"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        executable(sessionScript);
        executable(Files.writeString(home.resolve("kiosk"), "#!/bin/bash\n" + fakeKiosk));
        Path fakes = Files.createDirectories(work.resolve("fake-bin"));
        executable(Files.writeString(fakes.resolve("systemd-notify"),
                "#!/bin/bash\necho \"$*\" >> \"$KIOSK_TEST_DIR/notify.log\"\n"));
        Files.writeString(work.resolve("notify.log"), "");
        Files.writeString(work.resolve("signals"), "");
        Path run = Files.createDirectories(work.resolve("run"));
        // A JVM's children start with SIGQUIT blocked (the JVM keeps it for its thread dumps); under
        // systemd the kiosk starts with nothing blocked, so unblock it as systemd would.
        ProcessBuilder pb = new ProcessBuilder("perl", "-MPOSIX", "-e",
                "sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGQUIT)) or die; exec @ARGV or die",
                sessionScript.toString(), mode)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("session.log").toFile());
        var env = pb.environment();
        env.put("PATH", fakes + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("KIOSK_TEST_DIR", work.toString());
        env.put("NOTIFY_SOCKET", "/run/systemd/notify-not-used-by-the-fake");
        env.put("WATCHDOG_USEC", "3000000");
        env.put("KIOSK_HEARTBEAT_STALE_SECONDS", "2");
        env.put("RUNTIME_DIRECTORY", run.toString());
        env.put("KIOSK_STATE", work.resolve("state").toString());
        return new Session(pb);
    }

    private static void executable(Path p) {
        assertTrue(p.toFile().setExecutable(true), "chmod +x " + p);
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
