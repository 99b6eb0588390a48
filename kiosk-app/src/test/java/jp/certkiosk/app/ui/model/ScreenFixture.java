package jp.certkiosk.app.ui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.certkiosk.api.DocumentBinding;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.api.Session;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.journal.InMemoryJournal;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.app.testing.ManualClock;
import jp.certkiosk.app.ui.AudioCues;
import jp.certkiosk.app.ui.DemoControls;
import jp.certkiosk.app.ui.Language;
import jp.certkiosk.printer.FilePrinter;

/**
 * A kiosk model over a scripted flow: the test sets the flow's states and reads the events the
 * screens sent. Background work and the screen's thread both run synchronously: no JavaFX here.
 */
final class ScreenFixture implements FlowPort {
    static final String STAFF_PIN = "246810";
    static final Menu MENU = new Menu("131016", "千代田区",
            List.of(new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200),
                    new DocumentOffer(DocumentType.SEAL_REGISTRATION, "印鑑登録証明書", 300)),
            Set.of(IssuanceOptions.RecordItem.HEAD_AND_RELATIONSHIP),
            List.of(new HouseholdMember("m1", "山田 一郎"), new HouseholdMember("m2", "山田 花子")));
    static final Session SESSION = new Session("s-1", Instant.parse("2026-11-28T11:00:00Z"), MENU);
    static final Issuance ISSUANCE = new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200,
            new DocumentBinding("i-1", "s-1", "c"), new byte[] {1});

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
    final List<FlowEvent> events = new ArrayList<>();
    final List<String> spoken = new ArrayList<>();
    final List<AudioCues.Cue> cues = new ArrayList<>();
    final List<String> demoActions = new ArrayList<>();
    final InMemoryJournal journal = new InMemoryJournal();
    final SimulatedPaymentDevice payment = new SimulatedPaymentDevice(1000);
    final List<Consumer<FlowState>> listeners = new ArrayList<>();
    final int[] restarts = {0};
    FlowState state = new FlowState.Welcome();
    final KioskModel model;

    ScreenFixture(Path dir, boolean demo) {
        try {
            StaffPin.store(dir.resolve("staff-pin"), STAFF_PIN.toCharArray());
            StaffConsole staff = new StaffConsole(journal, new FilePrinter(dir.resolve("out")), payment,
                    () -> StaffConsole.Part.working("Virtual PCD 00 00"),
                    () -> StaffConsole.Part.failing("https://localhost:1/"), clock, () -> restarts[0]++);
            model = new KioskModel(this, payment, staff, StaffPin.load(dir.resolve("staff-pin"), clock),
                    demo ? Optional.of(demoControls()) : Optional.empty(),
                    new KioskModel.Setup(Runnable::run, Runnable::run, clock, Duration.ofSeconds(60),
                            Duration.ofSeconds(90), cues::add, (language, key) -> spoken.add(language.locale().toLanguageTag() + ":" + key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemoControls demoControls() {
        return new DemoControls() {
            @Override
            public List<String> cardProfiles() {
                return List.of("adult", "spouse");
            }

            @Override
            public void placeCard(String profile) {
                demoActions.add("place " + profile);
            }

            @Override
            public void removeCard() {
                demoActions.add("remove");
            }

            @Override
            public Optional<String> cardOnReader() {
                return Optional.empty();
            }

            @Override
            public void insertMoney(int yen) {
                demoActions.add("insert " + yen);
            }
        };
    }

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
        events.add(event);
    }

    /** The flow moves to {@code next}, as the engine would tell the screens. */
    void flowTo(FlowState next) {
        state = next;
        for (Consumer<FlowState> listener : listeners) {
            listener.accept(next);
        }
    }

    void enteringPin(int triesLeft, boolean wrong) {
        flowTo(new FlowState.EnteringPin("tx", null, triesLeft, wrong, false));
    }

    void choosing() {
        flowTo(new FlowState.ChoosingDocument("tx", null, SESSION));
    }

    void language(Language language) {
        model.chooseLanguage(language);
    }

    FlowEvent lastEvent() {
        return events.get(events.size() - 1);
    }


    static List<String> unmodifiable(List<String> list) {
        return Collections.unmodifiableList(list);
    }
}
