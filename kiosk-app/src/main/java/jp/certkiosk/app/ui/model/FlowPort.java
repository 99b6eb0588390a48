package jp.certkiosk.app.ui.model;

import java.util.function.Consumer;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.KioskEngine;

/** The flow as the screens use it: its state, its changes, and events to it (the engine, or a test's script). */
public interface FlowPort {
    FlowState state();

    void onStateChange(Consumer<FlowState> listener);

    void dispatch(FlowEvent event);

    static FlowPort of(KioskEngine engine) {
        return new FlowPort() {
            @Override
            public FlowState state() {
                return engine.state();
            }

            @Override
            public void onStateChange(Consumer<FlowState> listener) {
                engine.onStateChange(listener);
            }

            @Override
            public void dispatch(FlowEvent event) {
                engine.dispatch(event);
            }
        };
    }
}
