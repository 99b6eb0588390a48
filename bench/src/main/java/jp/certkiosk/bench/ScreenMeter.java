package jp.certkiosk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * What one action on the screen costs: the scene-graph nodes it created (or put back) and the CPU
 * of the JavaFX application thread and of the renderer thread, the action itself and the pulse
 * that styles, lays out and paints its result. Depends on JavaFX alone, so that the same counting
 * runs against any version of the screens (docs/BENCHMARKS.md, "Screens").
 */
public final class ScreenMeter {
    /** Pause after the pulse that follows an action, for the renderer to paint it. */
    static final long PAINT_MILLIS = 100;

    /**
     * The nodes of a scene graph by identity. Each look compares the graph with the last look:
     * nodes never seen before (created), nodes that came into the graph (created or put back), nodes
     * that left it. A node whose text or style changed in place counts as nothing.
     */
    public static final class Census {
        public record Change(int created, int entered, int left, int total) {}

        private final Set<Node> everSeen = identitySet();
        private Set<Node> inGraph = identitySet();

        public Change look(Node root) {
            Set<Node> now = identitySet();
            collect(root, now);
            int created = 0;
            int entered = 0;
            for (Node node : now) {
                if (!inGraph.contains(node)) {
                    entered++;
                    if (everSeen.add(node)) {
                        created++;
                    }
                }
            }
            int left = 0;
            for (Node node : inGraph) {
                if (!now.contains(node)) {
                    left++;
                }
            }
            inGraph = now;
            return new Change(created, entered, left, now.size());
        }

        private static void collect(Node node, Set<Node> into) {
            into.add(node);
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    collect(child, into);
                }
            }
        }

        private static Set<Node> identitySet() {
            return Collections.newSetFromMap(new IdentityHashMap<>());
        }
    }

    /** One action: what it changed in the graph, and the CPU of the two JavaFX threads until it was painted. */
    public record Sample(Census.Change change, long fxCpuNanos, long renderCpuNanos) {
        public double cpuMs() {
            return (fxCpuNanos + renderCpuNanos) / 1e6;
        }
    }

    private final Scene scene;
    private final Census census = new Census();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong pulses = new AtomicLong();
    private long fxThread = -1;
    private long renderThread = -1;

    /** Call on the JavaFX thread, with the scene shown. */
    public ScreenMeter(Scene scene) {
        this.scene = scene;
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        fxThread = Thread.currentThread().getId();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("QuantumRenderer")) {
                renderThread = thread.getId();
            }
        }
    }

    /** Whether the renderer thread was found (its CPU is counted only then). */
    public boolean seesRenderer() {
        return renderThread >= 0;
    }

    /**
     * Runs each action on the JavaFX thread, one after the other, each followed by a pulse and a
     * pause for painting; returns what each one cost. The census of the graph is taken between
     * actions and is not counted in their CPU.
     */
    public List<Sample> measure(List<Runnable> actions) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long[] mark = new long[2];
        for (int i = 0; i <= actions.size(); i++) {
            int index = i;
            long pulsesBefore = onFx(() -> {
                long fx = threads.getThreadCpuTime(fxThread);
                long render = renderCpu();
                Census.Change change = census.look(scene.getRoot());
                if (index > 0) {
                    samples.add(new Sample(change, fx - mark[0], render - mark[1]));
                }
                long seen = pulses.get();
                if (index < actions.size()) {
                    mark[0] = threads.getThreadCpuTime(fxThread);
                    mark[1] = renderCpu();
                    actions.get(index).run();
                    Platform.requestNextPulse();
                }
                return seen;
            });
            if (index < actions.size()) {
                awaitPulseAfter(pulsesBefore);
                Thread.sleep(PAINT_MILLIS);
            }
        }
        return samples;
    }

    /** Runs work on the JavaFX thread, without measuring it (setting a screen up). */
    public void settle(Runnable work) throws Exception {
        long before = onFx(() -> {
            work.run();
            Platform.requestNextPulse();
            return pulses.get();
        });
        awaitPulseAfter(before);
        Thread.sleep(PAINT_MILLIS);
        onFx(() -> census.look(scene.getRoot()));
    }

    private void awaitPulseAfter(long seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pulses.get() <= seen && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private long renderCpu() {
        return renderThread < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread));
    }

    /** Runs on the JavaFX thread and waits for the answer. */
    public static <T> T onFx(java.util.function.Supplier<T> work) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.get(60, TimeUnit.SECONDS);
    }

    /**
     * Starts JavaFX headless on Monocle with the software renderer, as the kiosk's UI tests run it,
     * unless a toolkit is already up in this process. Portrait kiosk panel.
     */
    public static void startHeadless() throws Exception {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("headless.geometry", "1080x1920-32");
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.get(60, TimeUnit.SECONDS);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
