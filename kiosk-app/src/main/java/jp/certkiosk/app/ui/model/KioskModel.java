package jp.certkiosk.app.ui.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.app.ui.AudioCues;
import jp.certkiosk.app.ui.DemoControls;
import jp.certkiosk.app.ui.IdleWatch;
import jp.certkiosk.app.ui.Language;
import jp.certkiosk.app.ui.Parts;

/**
 * The kiosk's screens as plain state: which screen shows (routed on the flow state), the resident's
 * choices that hold through a session (language, text size, contrast, voice), and one view-model
 * per screen. The flow runs on the {@code background} executor; its new states come back through
 * {@code ui} (the JavaFX thread; in tests both run synchronously). Everything here changes on that
 * one thread.
 */
public final class KioskModel {
    public enum WelcomeStep { LANGUAGE, TERMS, PLACE_CARD }

    /** Taps on the hidden corner, within {@link #STAFF_GESTURE_WINDOW}, that open the staff PIN pad. */
    public static final int STAFF_GESTURE_TAPS = 5;
    public static final Duration STAFF_GESTURE_WINDOW = Duration.ofSeconds(4);
    /** Seconds on the take-card screen before the alarm sounds and the screen flashes. */
    public static final int CARD_LEFT_AFTER_SECONDS = 10;
    /** Seconds the take-your-documents screen stays. */
    public static final int DOCUMENTS_SCREEN_SECONDS = 20;

    /** The seams: where the flow runs, where the screens change, the clock, the timeouts, the sounds and the voice. */
    public record Setup(Executor background, Consumer<Runnable> ui, Clock clock, Duration idleWarnAfter,
                        Duration idleGiveUpAfter, AudioCues audio, Voice voice) {}

    final FlowPort flow;
    final PaymentDevice payment;
    final StaffConsole staff;
    final StaffPin staffPin;
    final Optional<DemoControls> demo;
    final Setup setup;
    final IdleWatch idle;
    final DocumentChoice choice = new DocumentChoice();

    public final Cell<Language> language = new Cell<>(Language.JAPANESE);
    public final Cell<Boolean> largeText = new Cell<>(false);
    public final Cell<Boolean> highContrast = new Cell<>(false);
    public final Cell<Boolean> voiceOn = new Cell<>(false);
    public final Cell<Screen> screen = new Cell<>(Screen.WELCOME);
    public final Cell<Optional<Step>> step = new Cell<>(Optional.empty());
    /** The card-left alarm's flash, on every other second. */
    public final Cell<Boolean> flash = new Cell<>(false);

    private FlowState state;
    private WelcomeStep welcomeStep = WelcomeStep.LANGUAGE;
    private boolean documentsToTake;
    private String outOfServiceKey;
    private boolean sellingStopped;
    private boolean cardLeftAlarm;
    private int cornerTaps;
    private Instant firstCornerTap = Instant.MIN;
    private Screen spokenScreen;
    private Language spokenLanguage;
    private FlowState spokenState;

    public final ChromeModel chrome;
    public final IdleModel idleModel;
    public final WelcomeModel welcome;
    public final TermsModel terms;
    public final PlaceCardModel placeCard;
    public final PinModel pin;
    public final BusyModel busy;
    public final MenuModel menu;
    public final OptionsModel options;
    public final RegisterOptionsModel registerOptions;
    public final TaxOptionsModel taxOptions;
    public final UseRegistrationModel useRegistration;
    public final UseRegistrationFilingModel useRegistrationFiling;
    public final DomicileNoticeModel useRegistrationPending;
    public final DomicileNoticeModel domicileNotParticipating;
    public final CopiesModel copies;
    public final PaymentModel paymentScreen;
    public final PrintingModel printing;
    public final ResultModel result;
    public final TakeDocumentsModel takeDocuments;
    public final OutOfServiceModel outOfService;
    public final StaffPinModel staffPinScreen;
    public final StaffPanelModel staffPanel;
    private final Map<Screen, ScreenModel> models = new EnumMap<>(Screen.class);

    public KioskModel(Parts parts, Setup setup) {
        this(FlowPort.of(parts.engine()), parts.payment(), parts.staff(), parts.staffPin(), parts.demo(), setup);
    }

    public KioskModel(FlowPort flow, PaymentDevice payment, StaffConsole staff, StaffPin staffPin,
                      Optional<DemoControls> demo, Setup setup) {
        this.flow = flow;
        this.payment = payment;
        this.staff = staff;
        this.staffPin = staffPin;
        this.demo = demo;
        this.setup = setup;
        this.idle = new IdleWatch(setup.clock(), setup.idleWarnAfter(), setup.idleGiveUpAfter());
        this.state = flow.state();
        chrome = new ChromeModel(this);
        idleModel = new IdleModel(this);
        welcome = register(Screen.WELCOME, new WelcomeModel(this));
        terms = register(Screen.TERMS, new TermsModel(this));
        placeCard = register(Screen.PLACE_CARD, new PlaceCardModel(this));
        pin = register(Screen.PIN, new PinModel(this));
        busy = register(Screen.BUSY, new BusyModel(this));
        menu = register(Screen.MENU, new MenuModel(this));
        options = register(Screen.OPTIONS, new OptionsModel(this));
        registerOptions = register(Screen.REGISTER_OPTIONS, new RegisterOptionsModel(this));
        taxOptions = register(Screen.TAX_OPTIONS, new TaxOptionsModel(this));
        useRegistration = register(Screen.USE_REGISTRATION, new UseRegistrationModel(this));
        useRegistrationFiling = register(Screen.USE_REGISTRATION_FILING, new UseRegistrationFilingModel(this));
        useRegistrationPending = register(Screen.USE_REGISTRATION_PENDING,
                new DomicileNoticeModel(this, "useRegistrationPending"));
        domicileNotParticipating = register(Screen.DOMICILE_NOT_PARTICIPATING,
                new DomicileNoticeModel(this, "domicileNotParticipating"));
        copies = register(Screen.COPIES, new CopiesModel(this));
        paymentScreen = register(Screen.PAYMENT, new PaymentModel(this));
        printing = register(Screen.PRINTING, new PrintingModel(this));
        result = register(Screen.RESULT, new ResultModel(this));
        takeDocuments = register(Screen.TAKE_DOCUMENTS, new TakeDocumentsModel(this));
        outOfService = register(Screen.OUT_OF_SERVICE, new OutOfServiceModel(this));
        staffPinScreen = register(Screen.STAFF_PIN, new StaffPinModel(this));
        staffPanel = register(Screen.STAFF_PANEL, new StaffPanelModel(this));
        if (staff != null && staff.outOfServiceSwitchedOn()) {
            outOfServiceKey = "outOfService.staff"; // staff's switch survives a restart
        }
        sellingStopped = staff != null && staff.sellingStopped().isPresent(); // a doubt survives a restart too
        flow.onStateChange(next -> setup.ui().accept(() -> arrive(next)));
        payment.onCashInserted(yen -> run(new FlowEvent.CashInserted(yen)));
        update();
    }

    private <M extends ScreenModel> M register(Screen shown, M model) {
        models.put(shown, model);
        return model;
    }

    /** The view-model of a screen. */
    public ScreenModel model(Screen shown) {
        return models.get(shown);
    }

    public FlowState state() {
        return state;
    }

    public Optional<DemoControls> demo() {
        return demo;
    }

    // --- the flow moves on

    private void arrive(FlowState next) {
        FlowState before = state;
        state = next;
        idle.touched();
        cardLeftAlarm = false;
        flash.set(false);
        idleModel.dismiss();
        if (Router.route(next).screen() != Screen.PIN) {
            pin.forget();
        }
        if (Router.route(next).screen() != Screen.MENU) {
            choice.forget();
        }
        if (next instanceof FlowState.EnteringPin entering && entering.lastAttemptWrong()) {
            setup.audio().play(AudioCues.Cue.ATTENTION);
        }
        if (Router.route(next).screen() == Screen.RESULT) {
            setup.audio().play(AudioCues.Cue.DONE);
        }
        if (Router.route(next).screen() == Screen.WELCOME) {
            documentsToTake = issued(before);
            if (!documentsToTake) {
                wipeSession();
            }
            sellingStopped = staff != null && staff.sellingStopped().isPresent();
        }
        update();
    }

    private static boolean issued(FlowState before) {
        return before instanceof FlowState.TakeCard take && take.outcome() instanceof Outcome.Issued
                || before instanceof FlowState.Confirming c && c.outcome() instanceof Outcome.Issued;
    }

    /** Forgets everything of the last resident the screens held. */
    private void wipeSession() {
        pin.forget();
        choice.forget();
        welcomeStep = WelcomeStep.LANGUAGE;
        language.set(Language.JAPANESE);
        largeText.set(false);
        highContrast.set(false);
        voiceOn.set(false);
        idleModel.dismiss();
    }

    /** Which screen shows now: the flow state's route, refined by the step within the screen's own stage. */
    Screen currentScreen() {
        if (staffPanel.open()) {
            return Screen.STAFF_PANEL;
        }
        if (staffPinScreen.open()) {
            return Screen.STAFF_PIN;
        }
        Screen routed = Router.route(state).screen();
        if (routed == Screen.WELCOME) {
            if (outOfServiceKey != null || sellingStopped) {
                return Screen.OUT_OF_SERVICE;
            }
            if (documentsToTake) {
                return Screen.TAKE_DOCUMENTS;
            }
            return switch (welcomeStep) {
                case LANGUAGE -> Screen.WELCOME;
                case TERMS -> Screen.TERMS;
                case PLACE_CARD -> Screen.PLACE_CARD;
            };
        }
        if (routed == Screen.MENU) {
            return switch (choice.stage) {
                case MENU -> Screen.MENU;
                case OPTIONS -> Screen.OPTIONS;
                case REGISTER_OPTIONS -> Screen.REGISTER_OPTIONS;
                case TAX_OPTIONS -> Screen.TAX_OPTIONS;
                case COPIES -> Screen.COPIES;
                case DOMICILE -> domicileScreen();
            };
        }
        return routed;
    }

    /** Why the family register of the resident's domicile cannot be printed here now, as its own screen. */
    private Screen domicileScreen() {
        if (!(state instanceof FlowState.ChoosingDocument choosing)) {
            return Screen.MENU;
        }
        return switch (choosing.session().menu().familyRegister().status()) {
            case USE_REGISTRATION_REQUIRED -> Screen.USE_REGISTRATION;
            case USE_REGISTRATION_PENDING -> Screen.USE_REGISTRATION_PENDING;
            case DOMICILE_NOT_PARTICIPATING -> Screen.DOMICILE_NOT_PARTICIPATING;
            case AVAILABLE, NONE -> Screen.MENU;
        };
    }

    /** Recomputes the current screen and what it shows; says its prompt when it is new and voice is on. */
    void update() {
        Screen next = currentScreen();
        Messages text = Messages.of(language.get());
        chrome.refresh(text);
        idleModel.refresh(text);
        models.get(next).refresh(text);
        step.set(next == Screen.PLACE_CARD ? Optional.of(Step.CARD)
                : next == Screen.STAFF_PIN || next == Screen.STAFF_PANEL ? Optional.empty() : Router.step(state));
        screen.set(next);
        if (voiceOn.get() && (next != spokenScreen || language.get() != spokenLanguage || state != spokenState)) {
            spokenScreen = next;
            spokenLanguage = language.get();
            spokenState = state;
            for (String key : models.get(next).voiceKeys()) {
                say(key);
            }
        }
    }

    void say(String key) {
        if (voiceOn.get()) {
            setup.voice().say(language.get(), key);
        }
    }

    /** Runs an event through the flow, off the screen's thread. */
    void run(FlowEvent event) {
        setup.background().execute(() -> flow.dispatch(event));
    }

    /** A touch: the resident is here, and hears it. */
    void touch() {
        idle.touched();
        idleModel.dismiss();
        setup.audio().play(AudioCues.Cue.TOUCH);
    }

    // --- what every screen offers

    public void chooseLanguage(Language chosen) {
        touch();
        language.set(chosen);
        update();
    }

    public void toggleLargeText() {
        touch();
        largeText.set(!largeText.get());
        update();
    }

    public void toggleHighContrast() {
        touch();
        highContrast.set(!highContrast.get());
        update();
    }

    public void toggleVoice() {
        touch();
        voiceOn.set(!voiceOn.get());
        spokenScreen = null;
        if (voiceOn.get()) {
            say("voice.on");
        }
        update();
    }

    public void cancel() {
        touch();
        pin.forget();
        run(new FlowEvent.Cancelled());
    }

    /**
     * A key of the tactile keypad. The first key turns voice guidance on (the keypad is for residents
     * who listen rather than read) and repeats the prompt; from then on keys act on the screen.
     */
    public void key(KeypadKey key) {
        idle.touched();
        idleModel.dismiss();
        if (!voiceOn.get()) {
            voiceOn.set(true);
            spokenScreen = null;
            say("voice.on");
            update();
            return;
        }
        ScreenModel current = models.get(screen.get());
        current.key(key);
        update();
    }

    // --- welcome steps (the flow waits for a card meanwhile)

    void welcomeStep(WelcomeStep next) {
        touch();
        welcomeStep = next;
        update();
    }

    /** The documents are taken: the resident is gone, and what they chose with them. */
    void documentsTaken() {
        touch();
        documentsToTake = false;
        wipeSession();
        update();
    }

    boolean outOfServiceNow() {
        return outOfServiceKey != null;
    }

    /** Why the out-of-service screen shows: staff's switch or a fault, else a stop for staff (a print in doubt). */
    String outOfServiceKey() {
        return outOfServiceKey != null ? outOfServiceKey : sellingStopped ? "outOfService.stopped" : null;
    }

    /** Whether the kiosk stopped selling (a print in doubt, a journal that fails) as of the last look. */
    boolean sellingStopped() {
        return sellingStopped;
    }

    /** Looks whether the kiosk stopped selling or sells again, and shows it: on every arrival and every tick. */
    private void lookWhetherStopped() {
        boolean now = staff != null && staff.sellingStopped().isPresent();
        if (now != sellingStopped) {
            sellingStopped = now;
            update();
        }
    }

    /** Shows the out-of-service screen for this reason (a message key); no card is taken meanwhile. */
    public void outOfService(String reasonKey) {
        outOfServiceKey = reasonKey;
        update();
    }

    public void backInService() {
        outOfServiceKey = null;
        update();
    }

    // --- idle, alarms

    boolean cardLeftAlarm() {
        return cardLeftAlarm;
    }

    /** Called once a second by the screen's timer (and by tests with their own clock). */
    public void tick() {
        lookWhetherStopped();
        IdleWatch.Verdict verdict = idle.verdict();
        if (staffPinScreen.open() || staffPanel.open()) {
            if (verdict == IdleWatch.Verdict.EXPIRED) {
                staffPanel.leave();
            }
            return;
        }
        Screen routed = Router.route(state).screen();
        if (routed == Screen.RESULT) {
            if (idle.idleSeconds() >= CARD_LEFT_AFTER_SECONDS) {
                if (!cardLeftAlarm) {
                    cardLeftAlarm = true;
                    say("voice.cardLeft");
                }
                flash.set(!flash.get());
                if (idle.idleSeconds() % 3 == 0) {
                    setup.audio().play(AudioCues.Cue.CARD_LEFT);
                }
                result.refresh(Messages.of(language.get()));
            }
            return;
        }
        if (documentsToTake && idle.idleSeconds() >= DOCUMENTS_SCREEN_SECONDS) {
            documentsToTake = false;
            wipeSession();
            update();
        }
        if (!residentIsAsked()) {
            return;
        }
        if (verdict == IdleWatch.Verdict.WARN) {
            if (!idleModel.shown.get()) {
                setup.audio().play(AudioCues.Cue.ATTENTION);
                say("voice.idle");
            }
            idleModel.show(idle.secondsLeft(), Messages.of(language.get()));
        } else if (verdict == IdleWatch.Verdict.EXPIRED) {
            wipeSession();
            idle.touched();
            update();
            if (routed != Screen.WELCOME) {
                run(new FlowEvent.IdleTimeout());
            }
        }
    }

    /** Whether the screen waits for the resident (not for the card, the endpoint or the printer). */
    private boolean residentIsAsked() {
        Screen routed = Router.route(state).screen();
        if (routed == Screen.WELCOME) {
            return welcomeStep != WelcomeStep.LANGUAGE || language.get() != Language.JAPANESE || largeText.get()
                    || highContrast.get() || voiceOn.get();
        }
        return routed == Screen.PIN || routed == Screen.MENU || routed == Screen.PAYMENT;
    }

    /**
     * Shows a state without running the flow: only for the screen gallery of the tests, for states
     * the demo cards cannot reach (a suspended certificate, a municipality outside its hours).
     */
    public void preview(FlowState shown) {
        state = shown;
        update();
    }

    // --- staff mode

    /** A tap on the unmarked corner; five in a row open the staff PIN pad (only between residents). */
    public void cornerTapped() {
        Instant now = setup.clock().instant();
        if (cornerTaps == 0 || Duration.between(firstCornerTap, now).compareTo(STAFF_GESTURE_WINDOW) > 0) {
            cornerTaps = 0;
            firstCornerTap = now;
        }
        cornerTaps++;
        if (cornerTaps >= STAFF_GESTURE_TAPS && Router.route(state).screen() == Screen.WELCOME
                && !staffPinScreen.open() && !staffPanel.open()) {
            cornerTaps = 0;
            idle.touched();
            staffPinScreen.openPad();
        }
    }

    /** Background work for the staff screens: off the JavaFX thread, the answer back on it. */
    <T> void offScreen(java.util.function.Supplier<T> work, Consumer<T> then) {
        setup.background().execute(() -> {
            T answer = work.get();
            setup.ui().accept(() -> then.accept(answer));
        });
    }

    StaffConsole staff() {
        return staff;
    }

    static String newTransactionId() {
        return "tx-" + UUID.randomUUID();
    }
}
