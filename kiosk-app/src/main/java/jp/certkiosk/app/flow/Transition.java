package jp.certkiosk.app.flow;

import java.util.List;

/** The result of one step of the flow: the new state and what to do about it, in order. */
public record Transition(FlowState state, List<Effect> effects) {
    public Transition {
        effects = List.copyOf(effects);
    }

    static Transition to(FlowState state, Effect... effects) {
        return new Transition(state, List.of(effects));
    }
}
