package jp.certkiosk.app.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.flow.Outcome;
import jp.certkiosk.app.flow.Pin;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.printer.PrintOutcome;

/**
 * What the screens show and what a touch does. The flow runs on a background executor, so the
 * screen never freezes while the card or the endpoint works; new states come back on the JavaFX
 * thread through {@code onFxThread}. The typed PIN lives here only until it is handed to the flow.
 * Everything here changes on the JavaFX thread; {@link #revision()} ticks on every change.
 */
public final class KioskViewModel {
    /** The steps of the welcome state before a card is placed. */
    public enum WelcomeStep { LANGUAGE, TERMS, PLACE_CARD }

    public enum StaffStep { NONE, PIN, PANEL }

    /** Taps on the hidden corner, within {@link #STAFF_GESTURE_WINDOW}, that open the staff PIN pad. */
    public static final int STAFF_GESTURE_TAPS = 5;
    public static final Duration STAFF_GESTURE_WINDOW = Duration.ofSeconds(4);
    /** Seconds on the take-card screen before the alarm sounds and the screen flashes. */
    public static final int CARD_LEFT_AFTER_SECONDS = 10;
    /** Seconds the take-your-documents screen stays. */
    public static final int DOCUMENTS_SCREEN_SECONDS = 20;
    private static final int STAFF_PIN_MAX = 8;

    /** What the kiosk is made of, as the screens need it. */
    public record Parts(KioskEngine engine, PaymentDevice payment, StaffConsole staff, StaffPin staffPin,
                        Optional<DemoControls> demo) {}

    private final Parts parts;
    private final Executor background;
    private final Consumer<Runnable> onFx;
    private final Clock clock;
    private final IdleWatch idle;
    private final AudioCues audio;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    private FlowState state;
    private Language language = Language.JAPANESE;
    private boolean largeText;
    private boolean highContrast;
    private WelcomeStep welcomeStep = WelcomeStep.LANGUAGE;
    private DocumentOffer chosen;
    private boolean choosingOptions;
    private boolean wholeHousehold = true;
    private final java.util.LinkedHashSet<String> members = new java.util.LinkedHashSet<>();
    private final java.util.EnumSet<IssuanceOptions.RecordItem> items = java.util.EnumSet.noneOf(IssuanceOptions.RecordItem.class);
    private int copies = 1;
    private final char[] typed = new char[Pin.LENGTH];
    private int digitsTyped;
    private boolean idleWarning;
    private boolean cardLeftAlarm;
    private boolean flashOn;
    private boolean takeDocuments;
    private String outOfService;
    private StaffStep staffStep = StaffStep.NONE;
    private final char[] staffTyped = new char[STAFF_PIN_MAX];
    private int staffDigits;
    private String staffNotice;
    private StaffConsole.Status staffStatus;
    private StaffConsole.Summary staffSummary;
    private int cornerTaps;
    private Instant firstCornerTap = Instant.MIN;

    public KioskViewModel(Parts parts, Executor background, Consumer<Runnable> onFxThread, Clock clock,
                          Duration idleWarnAfter, Duration idleGiveUpAfter, AudioCues audio) {
        this.parts = parts;
        this.background = background;
        this.onFx = onFxThread;
        this.clock = clock;
        this.idle = new IdleWatch(clock, idleWarnAfter, idleGiveUpAfter);
        this.audio = audio;
        this.state = parts.engine().state();
        parts.engine().onStateChange(next -> onFxThread.accept(() -> arrive(next)));
        if (parts.staff() != null && parts.staff().outOfServiceSwitchedOn()) {
            outOfService = "outOfService.staff"; // staff's switch survives a restart
        }
        parts.payment().onCashInserted(yen -> background.execute(() -> parts.engine().dispatch(new FlowEvent.CashInserted(yen))));
    }

    private void arrive(FlowState next) {
        FlowState before = state;
        state = next;
        idle.touched();
        idleWarning = false;
        cardLeftAlarm = false;
        if (!(next instanceof FlowState.EnteringPin)) {
            clearTyped();
        }
        if (!(next instanceof FlowState.ChoosingDocument)) {
            forgetChoice();
        }
        if (next instanceof FlowState.EnteringPin entering && entering.lastAttemptWrong()) {
            audio.play(AudioCues.Cue.ATTENTION);
        }
        if (next instanceof FlowState.TakeCard) {
            audio.play(AudioCues.Cue.DONE);
        }
        if (next instanceof FlowState.Welcome) {
            takeDocuments = before instanceof FlowState.TakeCard take && take.outcome() instanceof Outcome.Issued
                    || before instanceof FlowState.Confirming c && c.outcome() instanceof Outcome.Issued;
            wipeSession();
        }
        changed();
    }

    /** Forgets everything of the last resident the screens held. */
    private void wipeSession() {
        clearTyped();
        forgetChoice();
        welcomeStep = WelcomeStep.LANGUAGE;
        language = Language.JAPANESE;
        largeText = false;
        highContrast = false;
        idleWarning = false;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    private void touch() {
        idle.touched();
        if (idleWarning) {
            idleWarning = false;
        }
        audio.play(AudioCues.Cue.TOUCH);
    }

    // --- what the screens read

    public ReadOnlyIntegerProperty revision() {
        return revision.getReadOnlyProperty();
    }

    public FlowState state() {
        return state;
    }

    public Language language() {
        return language;
    }

    public boolean largeText() {
        return largeText;
    }

    public boolean highContrast() {
        return highContrast;
    }

    public WelcomeStep welcomeStep() {
        return welcomeStep;
    }

    public DocumentOffer chosen() {
        return chosen;
    }

    public int copies() {
        return copies;
    }

    public int digitsTyped() {
        return digitsTyped;
    }

    public boolean idleWarning() {
        return idleWarning;
    }

    public long idleSecondsLeft() {
        return idle.secondsLeft();
    }

    public boolean cardLeftAlarm() {
        return cardLeftAlarm;
    }

    public boolean flashOn() {
        return flashOn;
    }

    public boolean takeDocuments() {
        return takeDocuments;
    }

    /** The message key of why the kiosk is out of service, or null when it serves. */
    public String outOfService() {
        return outOfService;
    }

    public StaffStep staffStep() {
        return staffStep;
    }

    public int staffDigits() {
        return staffDigits;
    }

    public String staffNotice() {
        return staffNotice;
    }

    /** The parts' health; "…" for each while the parts are still being asked. */
    public StaffConsole.Status staffStatus() {
        return staffStatus != null ? staffStatus : ASKING;
    }

    private static final StaffConsole.Status ASKING = new StaffConsole.Status("…", "…", List.of(), "…", "…", "…");

    public StaffConsole.Summary staffSummary() {
        return staffSummary;
    }

    public List<String> demoCards() {
        return parts.demo().map(DemoControls::cardProfiles).orElse(List.of());
    }

    public boolean demo() {
        return parts.demo().isPresent();
    }

    // --- what a touch does

    public void chooseLanguage(Language chosenLanguage) {
        touch();
        language = chosenLanguage;
        changed();
    }

    public void toggleLargeText() {
        touch();
        largeText = !largeText;
        changed();
    }

    public void toggleHighContrast() {
        touch();
        highContrast = !highContrast;
        changed();
    }

    public void start() {
        touch();
        welcomeStep = WelcomeStep.TERMS;
        changed();
    }

    public void acceptTerms() {
        touch();
        welcomeStep = WelcomeStep.PLACE_CARD;
        changed();
    }

    public void backToLanguage() {
        touch();
        welcomeStep = WelcomeStep.LANGUAGE;
        changed();
    }

    public void documentsTaken() {
        touch();
        takeDocuments = false;
        changed();
    }

    /** Demo only: places a virtual card, as a resident places a real one. */
    public void placeCard(String profile) {
        touch();
        if (outOfService != null || parts.demo().isEmpty()) {
            return;
        }
        takeDocuments = false;
        background.execute(() -> {
            if (parts.demo().get().cardOnReader().isEmpty()) {
                parts.demo().get().placeCard(profile);
                parts.engine().dispatch(new FlowEvent.CardInserted("tx-" + UUID.randomUUID()));
            }
        });
    }

    /** Demo only: takes the virtual card off the reader. */
    public void removeCard() {
        touch();
        if (parts.demo().isEmpty()) {
            return;
        }
        background.execute(() -> {
            parts.demo().get().removeCard();
            parts.engine().dispatch(new FlowEvent.CardRemoved());
        });
    }

    public void typeDigit(char digit) {
        touch();
        if (digitsTyped < typed.length && digit >= '0' && digit <= '9') {
            typed[digitsTyped++] = digit;
            changed();
        }
    }

    public void clearPin() {
        touch();
        clearTyped();
        changed();
    }

    private void clearTyped() {
        Arrays.fill(typed, '\0');
        digitsTyped = 0;
    }

    /** Hands exactly the digits typed to the flow, then forgets them. */
    public void submitPin() {
        touch();
        Pin pin = Pin.typed(Arrays.copyOf(typed, digitsTyped));
        clearTyped();
        changed();
        background.execute(() -> parts.engine().dispatch(new FlowEvent.PinEntered(pin)));
    }

    private void forgetChoice() {
        chosen = null;
        copies = 1;
        choosingOptions = false;
        wholeHousehold = true;
        members.clear();
        items.clear();
    }

    public void choose(DocumentOffer offer) {
        touch();
        forgetChoice();
        chosen = offer;
        choosingOptions = hasOptions();
        changed();
    }

    /** A resident-record copy lets the resident choose members and items, where the menu offers any. */
    private boolean hasOptions() {
        if (chosen == null || chosen.type() != DocumentType.RESIDENT_RECORD_COPY
                || !(state instanceof FlowState.ChoosingDocument choosing)) {
            return false;
        }
        return !choosing.session().menu().householdMembers().isEmpty()
                || !choosing.session().menu().allowedItems().isEmpty();
    }

    public boolean choosingOptions() {
        return choosingOptions;
    }

    public boolean wholeHousehold() {
        return wholeHousehold;
    }

    public boolean memberChosen(String memberRef) {
        return members.contains(memberRef);
    }

    public boolean itemChosen(IssuanceOptions.RecordItem item) {
        return items.contains(item);
    }

    public void chooseWholeHousehold(boolean whole) {
        touch();
        wholeHousehold = whole;
        changed();
    }

    public void toggleMember(String memberRef) {
        touch();
        if (!members.remove(memberRef)) {
            members.add(memberRef);
        }
        changed();
    }

    public void toggleItem(IssuanceOptions.RecordItem item) {
        touch();
        if (!items.remove(item)) {
            items.add(item);
        }
        changed();
    }

    /** Selected members need at least one member. */
    public boolean optionsComplete() {
        return wholeHousehold || !members.isEmpty();
    }

    public void optionsDone() {
        touch();
        if (optionsComplete()) {
            choosingOptions = false;
            changed();
        }
    }

    /** What the resident chose, as the endpoint takes it. */
    IssuanceOptions options() {
        return wholeHousehold
                ? new IssuanceOptions(IssuanceOptions.HouseholdScope.WHOLE_HOUSEHOLD, List.of(), items)
                : IssuanceOptions.selected(List.copyOf(members), items);
    }

    public void moreCopies() {
        touch();
        copies = Math.min(Flow.MAX_COPIES, copies + 1);
        changed();
    }

    public void fewerCopies() {
        touch();
        copies = Math.max(1, copies - 1);
        changed();
    }

    public void backToMenu() {
        touch();
        if (!choosingOptions && hasOptions()) {
            choosingOptions = true;
        } else {
            forgetChoice();
        }
        changed();
    }

    /** The fee shown before paying: the municipality's fee per copy times the copies. */
    public int feeShown() {
        return chosen == null ? 0 : chosen.feeYen() * copies;
    }

    public void confirmDocument() {
        touch();
        if (chosen == null) {
            return;
        }
        FlowEvent event = new FlowEvent.DocumentChosen(chosen.type(), copies,
                hasOptions() ? options() : IssuanceOptions.standard());
        background.execute(() -> parts.engine().dispatch(event));
    }

    /** Demo only: a coin or bill into the simulated acceptor. */
    public void insertCash(int yen) {
        touch();
        parts.demo().ifPresent(demo -> demo.insertMoney(yen));
    }

    public void cancel() {
        touch();
        clearTyped();
        background.execute(() -> parts.engine().dispatch(new FlowEvent.Cancelled()));
    }

    public void stillHere() {
        touch();
        changed();
    }

    // --- idle, alarms

    /** Called once a second by the screen's timer (and by tests with their own clock). */
    public void tick() {
        IdleWatch.Verdict verdict = idle.verdict();
        if (staffStep != StaffStep.NONE) {
            if (verdict == IdleWatch.Verdict.EXPIRED) {
                leaveStaff();
            }
            return;
        }
        if (state instanceof FlowState.TakeCard) {
            if (idle.idleSeconds() >= CARD_LEFT_AFTER_SECONDS) {
                cardLeftAlarm = true;
                flashOn = !flashOn;
                if (idle.idleSeconds() % 3 == 0) {
                    audio.play(AudioCues.Cue.CARD_LEFT);
                }
                changed();
            }
            return;
        }
        if (takeDocuments && idle.idleSeconds() >= DOCUMENTS_SCREEN_SECONDS) {
            takeDocuments = false;
            changed();
        }
        if (!residentIsAsked()) {
            return;
        }
        if (verdict == IdleWatch.Verdict.WARN && !idleWarning) {
            idleWarning = true;
            audio.play(AudioCues.Cue.ATTENTION);
            changed();
        } else if (verdict == IdleWatch.Verdict.WARN) {
            changed();
        } else if (verdict == IdleWatch.Verdict.EXPIRED) {
            wipeSession();
            idle.touched();
            changed();
            if (!(state instanceof FlowState.Welcome)) {
                background.execute(() -> parts.engine().dispatch(new FlowEvent.IdleTimeout()));
            }
        }
    }

    /** Whether the screen waits for the resident (not for the card, the endpoint or the printer). */
    private boolean residentIsAsked() {
        if (state instanceof FlowState.Welcome) {
            return welcomeStep != WelcomeStep.LANGUAGE || language != Language.JAPANESE || largeText || highContrast;
        }
        return state instanceof FlowState.EnteringPin || state instanceof FlowState.ChoosingDocument
                || state instanceof FlowState.Paying;
    }

    /**
     * Shows a state without running the flow: only for the screen gallery of the tests, for states
     * the demo cards cannot reach (a suspended certificate, a municipality outside its hours).
     */
    void preview(FlowState shown) {
        state = shown;
        changed();
    }

    // --- out of service

    /** Shows the out-of-service screen for this reason (a message key); no card is taken meanwhile. */
    public void outOfService(String reasonKey) {
        outOfService = reasonKey;
        changed();
    }

    public void backInService() {
        outOfService = null;
        changed();
    }

    // --- staff mode

    /** A tap on the unmarked corner; five in a row open the staff PIN pad (only between residents). */
    public void cornerTapped() {
        Instant now = clock.instant();
        if (cornerTaps == 0 || Duration.between(firstCornerTap, now).compareTo(STAFF_GESTURE_WINDOW) > 0) {
            cornerTaps = 0;
            firstCornerTap = now;
        }
        cornerTaps++;
        if (cornerTaps >= STAFF_GESTURE_TAPS && state instanceof FlowState.Welcome && staffStep == StaffStep.NONE) {
            cornerTaps = 0;
            idle.touched();
            staffStep = StaffStep.PIN;
            staffNotice = null;
            changed();
        }
    }

    public void staffDigit(char digit) {
        idle.touched();
        if (staffDigits < staffTyped.length) {
            staffTyped[staffDigits++] = digit;
            changed();
        }
    }

    public void staffSubmit() {
        idle.touched();
        char[] pin = Arrays.copyOf(staffTyped, staffDigits);
        Arrays.fill(staffTyped, '\0');
        staffDigits = 0;
        try {
            StaffPin.Check check = parts.staffPin().check(pin);
            if (check instanceof StaffPin.Check.Accepted) {
                staffStep = StaffStep.PANEL;
                staffNotice = null;
                parts.staff().loggedIn();
                refreshStaff();
            } else if (check instanceof StaffPin.Check.Wrong wrong) {
                parts.staff().loginRefused();
                staffNotice = "staff.wrongPin:" + wrong.waitFor().getSeconds();
            } else if (check instanceof StaffPin.Check.TooSoon soon) {
                staffNotice = "staff.tooSoon:" + Math.max(1, soon.waitFor().getSeconds());
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
        changed();
    }

    /**
     * Today's numbers from the local journal at once; the parts' health off the screen's thread (the
     * printer and the endpoint are asked over the network), shown when they have answered.
     */
    public void refreshStaff() {
        idle.touched();
        staffSummary = parts.staff().today();
        background.execute(() -> {
            StaffConsole.Status status = parts.staff().status();
            onFx.accept(() -> {
                staffStatus = status;
                changed();
            });
        });
        changed();
    }

    /** Prints the test page off the screen's thread; the notice shows when the printer has answered. */
    public void staffTestPrint() {
        idle.touched();
        background.execute(() -> {
            PrintOutcome outcome = parts.staff().testPrint();
            onFx.accept(() -> {
                staffNotice = outcome instanceof PrintOutcome.Completed ? "staff.testPrinted" : "staff.testFailed";
                refreshStaff();
            });
        });
    }

    public void staffToggleOutOfService() {
        idle.touched();
        boolean on = outOfService == null;
        parts.staff().outOfService(on);
        outOfService = on ? "outOfService.staff" : null;
        refreshStaff();
    }

    public void staffRestart() {
        parts.staff().restart();
    }

    public void leaveStaff() {
        if (staffStep == StaffStep.PANEL) {
            parts.staff().loggedOut();
        }
        Arrays.fill(staffTyped, '\0');
        staffDigits = 0;
        staffStep = StaffStep.NONE;
        staffNotice = null;
        staffStatus = null;
        staffSummary = null;
        idle.touched();
        changed();
    }
}
