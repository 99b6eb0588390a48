package jp.certkiosk.bench.start;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Window;

/**
 * A Java agent that notes when a JavaFX application shows its first frame, without a line of the
 * application changed: as soon as the toolkit runs, it watches the windows; the first window shown
 * with a scene gets a pulse listener, and at that scene's first laid-out pulse the agent prints
 * {@code certkiosk-first-frame <epoch ms> <controls> <CPU ms>} on standard error (the controls counted in
 * the scene graph, skins included; the process's CPU time up to then) and ends the process.
 *
 * <pre>java -javaagent:bench/target/bench-agent.jar … (the application as usual)</pre>
 */
public final class FirstFrameAgent {
    public static final String MARK = "certkiosk-first-frame";

    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private FirstFrameAgent() {}

    public static void premain(String args) {
        Thread watch = new Thread(FirstFrameAgent::waitForToolkit, "first-frame-agent");
        watch.setDaemon(true);
        watch.start();
    }

    private static void waitForToolkit() {
        while (!WATCHING.get()) {
            try {
                Platform.runLater(FirstFrameAgent::watchWindows);
            } catch (IllegalStateException toolkitNotYetStarted) {
                // try again shortly
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** On the FX thread, once: every window shown from now on, and those already shown. */
    private static void watchWindows() {
        if (!WATCHING.compareAndSet(false, true)) {
            return;
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(FirstFrameAgent::hook);
            }
        });
        Window.getWindows().forEach(FirstFrameAgent::hook);
    }

    private static void hook(Window window) {
        Scene scene = window.getScene();
        if (scene == null || !HOOKED.compareAndSet(false, true)) {
            return;
        }
        Runnable[] firstPulse = new Runnable[1];
        firstPulse[0] = () -> {
            long now = System.currentTimeMillis();
            scene.removePostLayoutPulseListener(firstPulse[0]);
            System.err.println(MARK + " " + now + " " + controls(scene.getRoot()) + " " + cpuMillis());
            System.err.flush();
            new Thread(() -> System.exit(0), "first-frame-exit").start();
        };
        scene.addPostLayoutPulseListener(firstPulse[0]);
        Platform.requestNextPulse();
    }

    /** The CPU time the whole process has used so far (every thread, the JIT compilers' and collector's too). */
    static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    static int controls(Node node) {
        int count = node instanceof Control ? 1 : 0;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += controls(child);
            }
        }
        return count;
    }
}
