package jp.certkiosk.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.api.Session;
import jp.certkiosk.app.demo.DemoEnvironment;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.bench.ScreenMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "before" of the bench's section screen: the same measurement, with the same ScreenMeter, on
 * the screens as they were before commit 7352c90 (one KioskViewModel, one KioskView that rebuilt
 * its scene graph on every change). Not compiled with the product: it runs in a worktree of
 * 7352c90^ (docs/BENCHMARKS.md, "Screens: re-rendering only what changed", says how).
 *
 * Same sequence as ScreenBench.measure: the first welcome → PIN → menu → welcome, then CYCLES to
 * warm up and CYCLES measured; TICKS idle ticks on the welcome screen to warm up and TICKS
 * measured; the PIN screen's idle countdown, TICKS to warm up and TICKS measured, 20 a countdown.
 * The flow's states are shown with the old model's preview(state) (the old engine cannot be
 * scripted); the countdown is restarted with stillHere().
 */
class OldScreensBench {
    static final int TICKS = Integer.getInteger("screens.ticks", 20);
    static final int CYCLES = Integer.getInteger("screens.cycles", 5);
    static final int TICKS_PER_COUNTDOWN = 20;
    static final Duration IDLE_WARNING = Duration.ofSeconds(60);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(90);
    static final Menu MENU = new Menu("131016", "千代田区",
            List.of(new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200),
                    new DocumentOffer(DocumentType.SEAL_REGISTRATION, "印鑑登録証明書", 300)),
            Set.of(IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP),
            List.of(new HouseholdMember("m1", "山田 一郎"), new HouseholdMember("m2", "山田 花子")));
    static final Session SESSION = new Session("s-bench", Instant.parse("2026-11-28T11:00:00Z"), MENU);

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

    @TempDir Path dir;
    final SteppedClock clock = new SteppedClock();
    KioskViewModel model;
    Stage stage;
    ScreenMeter meter;

    @Test
    void measure() throws Exception {
        ScreenMeter.startHeadless();
        DemoEnvironment demo = DemoEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemDefaultZone());
        KioskViewModel.Parts parts = KioskUi.demoParts(demo, dir.resolve("var"), () -> { });
        ScreenMeter.onFx(() -> {
            model = new KioskViewModel(parts, Runnable::run, Runnable::run, clock, IDLE_WARNING, IDLE_TIMEOUT, cue -> { });
            stage = new Stage();
            stage.setScene(new Scene(new KioskView(model).root(), 1080, 1920));
            stage.show();
            meter = new ScreenMeter(stage.getScene());
            return null;
        });
        meter.settle(() -> { });
        String first = cost("first change", meter.measure(cycle()));
        meter.measure(repeat(CYCLES));
        String change = cost("change", meter.measure(repeat(CYCLES)));
        meter.measure(ticks(TICKS));
        String welcome = cost("welcome tick", meter.measure(ticks(TICKS)));
        pinCountdown(TICKS);
        String pin = cost("PIN countdown tick", pinCountdown(TICKS));
        String report = String.join("\n", "renderer thread seen: " + meter.seesRenderer(), welcome, pin, first, change);
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("screens.report", "target/old-screens.txt")), report + "\n");
        ScreenMeter.onFx(() -> {
            stage.close();
            return null;
        });
        demo.close();
    }

    private List<Runnable> cycle() {
        return List.of(
                () -> model.preview(new FlowState.EnteringPin("tx-bench", null, 3, false, false)),
                () -> model.preview(new FlowState.ChoosingDocument("tx-bench", null, SESSION)),
                () -> model.preview(new FlowState.Welcome()));
    }

    private List<Runnable> repeat(int cycles) {
        List<Runnable> all = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            all.addAll(cycle());
        }
        return all;
    }

    private List<Runnable> ticks(int n) {
        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            actions.add(() -> {
                clock.advance(Duration.ofSeconds(1));
                model.tick();
            });
        }
        return actions;
    }

    private List<ScreenMeter.Sample> pinCountdown(int n) throws Exception {
        List<ScreenMeter.Sample> samples = new ArrayList<>();
        for (int done = 0; done < n; done += TICKS_PER_COUNTDOWN) {
            meter.settle(() -> {
                model.preview(new FlowState.EnteringPin("tx-bench", null, 3, false, false));
                model.stillHere();
                clock.advance(IDLE_WARNING.plusSeconds(1));
                model.tick();
            });
            samples.addAll(meter.measure(ticks(Math.min(TICKS_PER_COUNTDOWN, n - done))));
            if (!model.idleWarning()) {
                throw new IllegalStateException("the idle countdown was not showing while measured");
            }
        }
        meter.settle(() -> model.preview(new FlowState.Welcome()));
        return samples;
    }

    private static String cost(String what, List<ScreenMeter.Sample> samples) {
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
        return String.format(java.util.Locale.ROOT,
                "%s: %d samples, nodes created %.2f, entered %.2f, of %d; CPU (FX + renderer) %.2f ms, FX alone %.2f ms",
                what, n, created / n, entered / n, samples.get(n - 1).change().total(), cpu / n, fx / n);
    }
}
