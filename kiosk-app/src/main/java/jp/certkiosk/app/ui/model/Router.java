package jp.certkiosk.app.ui.model;

import java.util.Map;
import java.util.Optional;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;

/**
 * Which screen shows a state of the flow, at which step of the transaction, and for the states
 * where the kiosk works (card, endpoint, printer) what the resident is told meanwhile. Keyed on the
 * state's type; a state without a route shows the busy screen (a test keeps every state routed).
 */
public final class Router {
    /** Where a state of the flow leads. {@code step} and {@code busyKey} may be null. */
    public record Route(Screen screen, Step step, String busyKey) {}

    private static final Route UNROUTED = new Route(Screen.BUSY, null, "busy.confirming");

    private static final Map<Class<? extends FlowState>, Route> ROUTES = Map.ofEntries(
            Map.entry(FlowState.Welcome.class, new Route(Screen.WELCOME, null, null)),
            Map.entry(FlowState.ReadingCard.class, new Route(Screen.BUSY, Step.CARD, "busy.reading")),
            Map.entry(FlowState.EnteringPin.class, new Route(Screen.PIN, Step.PIN, null)),
            Map.entry(FlowState.VerifyingPin.class, new Route(Screen.BUSY, Step.PIN, "busy.verifying")),
            Map.entry(FlowState.Authenticating.class, new Route(Screen.BUSY, Step.PIN, "busy.authenticating")),
            Map.entry(FlowState.ChoosingDocument.class, new Route(Screen.MENU, Step.DOCUMENT, null)),
            Map.entry(FlowState.FilingUseRegistration.class,
                    new Route(Screen.USE_REGISTRATION_FILING, Step.DOCUMENT, null)),
            Map.entry(FlowState.Reserving.class, new Route(Screen.BUSY, Step.DOCUMENT, "busy.reserving")),
            Map.entry(FlowState.Paying.class, new Route(Screen.PAYMENT, Step.PAY, null)),
            Map.entry(FlowState.Printing.class, new Route(Screen.PRINTING, Step.PRINT, "busy.printing")),
            Map.entry(FlowState.Confirming.class, new Route(Screen.BUSY, Step.PRINT, "busy.confirming")),
            Map.entry(FlowState.TakeCard.class, new Route(Screen.RESULT, null, null)));

    private Router() {}

    public static Route route(FlowState state) {
        return ROUTES.getOrDefault(state.getClass(), UNROUTED);
    }

    /** Whether a state has a route of its own (not the busy screen by default). */
    public static boolean routes(Class<?> stateType) {
        return ROUTES.containsKey(stateType);
    }

    /** The step a state stands at; a transaction that ended with a document stands at "print". */
    public static Optional<Step> step(FlowState state) {
        Route route = route(state);
        if (route.screen() == Screen.RESULT) {
            return ((FlowState.TakeCard) state).outcome() instanceof Outcome.Issued
                    ? Optional.of(Step.PRINT) : Optional.empty();
        }
        return Optional.ofNullable(route.step());
    }
}
