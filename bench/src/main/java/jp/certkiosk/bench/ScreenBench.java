package jp.certkiosk.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.api.Session;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.ui.model.FlowPort;
import jp.certkiosk.app.ui.model.KioskModel;
import jp.certkiosk.app.ui.view.KioskView;

/**
 * Section {@code screen}: what the kiosk's screens cost, re-rendering only what changed. The
 * product's own {@link KioskModel} and {@link KioskView} in a real JavaFX scene (Monocle headless,
 * software renderer, a 1080x1920 panel), the flow scripted through {@link FlowPort} as the screen
 * tests script it, the clock moved a second a tick. Measured with {@link ScreenMeter}: per idle
 * tick on the welcome screen and on the PIN screen with the "are you still there?" countdown
 * running, and per screen change (welcome → PIN → menu → welcome), the nodes created and the CPU
 * of the JavaFX and renderer threads until the result is painted.
 */
final class ScreenBench {
    /** The screens' idle timeouts as the embedded configuration sets them. */
    static final Duration IDLE_WARNING = Duration.ofSeconds(60);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(90);
    /** Ticks a countdown allows before it gives up (with a margin). */
    private static final int TICKS_PER_COUNTDOWN = 20;

    private static final Menu MENU = new Menu("131016", "千代田区",
            List.of(new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200),
                    new DocumentOffer(DocumentType.SEAL_REGISTRATION, "印鑑登録証明書", 300)),
            Set.of(IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP),
            List.of(new HouseholdMember("m1", "山田 一郎"), new HouseholdMember("m2", "山田 花子")));
    private static final Session SESSION = new Session("s-bench", Instant.parse("2026-11-28T11:00:00Z"), MENU);

    /** Averages a sample list: nodes created, nodes that entered the graph, FX + renderer CPU (and FX alone). */
    record Cost(int samples, double created, double entered, double cpuMs, double fxCpuMs, int graphNodes) {
        static Cost of(List<ScreenMeter.Sample> samples) {
            double created = 0;
            double entered = 0;
            double cpu = 0;
            double fx = 0;
            for (ScreenMeter.Sample s : samples) {
                created += s.change().created();
                entered += s.change().entered();
                cpu += s.cpuMs();
                fx += s.fxCpuNanos() / 1e6;
            }
            int n = samples.size();
            return new Cost(n, created / n, entered / n, cpu / n, fx / n,
                    samples.get(n - 1).change().total());
        }
    }

    record Result(Cost welcomeTick, Cost pinCountdownTick, Cost firstChange, Cost change, boolean renderer) {}

    /** A clock the bench moves by hand: one second a tick. */
    static final class SteppedClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-28T01:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The flow as a script: the bench says which state comes next, as the engine would. */
    static final class ScriptedFlow implements FlowPort {
        private FlowState state = new FlowState.Welcome();
        private final List<Consumer<FlowState>> listeners = new ArrayList<>();

        @Override
        public FlowState state() {
            return state;
        }

        @Override
        public void onStateChange(Consumer<FlowState> listener) {
            listeners.add(listener);
        }

        @Override
        public void dispatch(FlowEvent event) {
            // the script decides the next state; events are not acted on
        }

        void to(FlowState next) {
            state = next;
            listeners.forEach(l -> l.accept(next));
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final ScriptedFlow flow = new ScriptedFlow();
    private KioskModel model;
    private Stage stage;
    private ScreenMeter meter;

    /** {@code ticks} idle ticks of each kind and {@code cycles} welcome → PIN → menu → welcome, each after as many to warm up. */
    static Result run(int ticks, int cycles) throws Exception {
        ScreenMeter.startHeadless();
        ScreenBench bench = new ScreenBench();
        try {
            return bench.measure(ticks, cycles);
        } finally {
            ScreenMeter.onFx(() -> {
                if (bench.stage != null) {
                    bench.stage.close();
                }
                return null;
            });
        }
    }

    private Result measure(int ticks, int cycles) throws Exception {
        ScreenMeter.onFx(() -> {
            model = new KioskModel(flow, new SimulatedPaymentDevice(1000), null, null, Optional.empty(),
                    new KioskModel.Setup(Runnable::run, Runnable::run, clock, IDLE_WARNING, IDLE_TIMEOUT,
                            cue -> { }, (language, key) -> { }));
            stage = new Stage();
            stage.setScene(new Scene(new KioskView(model).root(), 1080, 1920));
            stage.show();
            meter = new ScreenMeter(stage.getScene());
            return null;
        });
        meter.settle(() -> { });

        // the first visit of each screen builds its view: measured once, apart
        Cost firstChange = Cost.of(meter.measure(cycle()));
        meter.measure(repeat(cycles, this::cycle));
        Cost change = Cost.of(meter.measure(repeat(cycles, this::cycle)));

        meter.measure(welcomeTicks(ticks));
        Cost welcome = Cost.of(meter.measure(welcomeTicks(ticks)));

        pinCountdown(ticks);
        Cost pin = Cost.of(pinCountdown(ticks));
        return new Result(welcome, pin, firstChange, change, meter.seesRenderer());
    }

    private List<Runnable> cycle() {
        return List.of(
                () -> flow.to(new FlowState.EnteringPin("tx-bench", null, 3, false, false)),
                () -> flow.to(new FlowState.ChoosingDocument("tx-bench", null, SESSION)),
                () -> flow.to(new FlowState.Welcome()));
    }

    private List<Runnable> welcomeTicks(int ticks) {
        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            actions.add(this::tick);
        }
        return actions;
    }

    /** On the PIN screen, past the idle warning: each tick counts the overlay's seconds down. */
    private List<ScreenMeter.Sample> pinCountdown(int ticks) throws Exception {
        List<ScreenMeter.Sample> samples = new ArrayList<>();
        for (int done = 0; done < ticks; done += TICKS_PER_COUNTDOWN) {
            meter.settle(() -> {
                flow.to(new FlowState.EnteringPin("tx-bench", null, 3, false, false));
                clock.advance(IDLE_WARNING.plusSeconds(1));
                model.tick(); // the overlay appears
            });
            samples.addAll(meter.measure(welcomeTicks(Math.min(TICKS_PER_COUNTDOWN, ticks - done))));
            if (!model.idleModel.shown.get()) {
                throw new IllegalStateException("the idle countdown was not showing while measured");
            }
        }
        meter.settle(() -> flow.to(new FlowState.Welcome()));
        return samples;
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(1));
        model.tick();
    }

    private static List<Runnable> repeat(int times, java.util.function.Supplier<List<Runnable>> actions) {
        List<Runnable> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.addAll(actions.get());
        }
        return all;
    }
}
