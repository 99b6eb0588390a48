package jp.certkiosk.app.ui.model;

import java.util.List;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.flow.Outcome;

/** How the transaction ended, what to do next, and "take your card" (with its alarm when it is left). */
public final class ResultModel extends ScreenModel {
    public final Cell<Boolean> issued = new Cell<>(false);
    /** Whether the transaction did what the resident came for: a document printed, or a use registration filed. */
    public final Cell<Boolean> succeeded = new Cell<>(false);
    public final Cell<String> message = new Cell<>("");
    public final Cell<String> takeCard = new Cell<>("");
    /** "Your card is still on the reader", or empty while there is no alarm. */
    public final Cell<String> cardLeft = new Cell<>("");
    public final Cell<String> removeCard = new Cell<>("");

    ResultModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        if (kiosk.state() instanceof FlowState.TakeCard take) {
            boolean done = take.outcome() instanceof Outcome.Issued;
            issued.set(done);
            succeeded.set(done || take.outcome() instanceof Outcome.UseRegistrationFiled);
            String own = "result.title." + take.outcome().code();
            title.set(text.text(text.has(own) ? own : done ? "result.done" : "result.problem"));
            message.set(outcomeMessage(take.outcome(), text));
        }
        takeCard.set(text.text("result.takeCard"));
        cardLeft.set(kiosk.cardLeftAlarm() ? text.text("result.cardLeft") : "");
        removeCard.set(text.text("result.removeCard"));
    }

    /** The message for how a transaction ended: what happened and what to do next. */
    public static String outcomeMessage(Outcome outcome, Messages text) {
        if (outcome instanceof Outcome.UseRegistrationFiled filed && filed.municipalityName() != null) {
            return text.format("outcome.USE_REGISTRATION_FILED." + filed.status().name(), filed.municipalityName());
        }
        String key = "outcome." + outcome.code();
        if (text.has(key)) {
            return text.text(key);
        }
        if (outcome instanceof Outcome.Refused refused && refused.reason() == ErrorCode.INTERNAL) {
            return text.text("outcome.SERVICE_UNAVAILABLE");
        }
        return text.text("outcome.REFUSED");
    }

    @Override
    public List<String> voiceKeys() {
        return List.of(issued.get() ? "voice.done" : succeeded.get() ? "voice.filed" : "voice.problem");
    }

    /** Whether the demo offers a button to pull its virtual card. */
    public boolean demo() {
        return kiosk.demo.isPresent();
    }

    /** Demo only: takes the virtual card off the reader. */
    public void removeCard() {
        kiosk.touch();
        kiosk.demo.ifPresent(demo -> kiosk.setup.background().execute(() -> {
            demo.removeCard();
            kiosk.flow.dispatch(new FlowEvent.CardRemoved());
        }));
    }
}
