package jp.certkiosk.app.ui.model;

import java.util.List;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.app.flow.FlowEvent;
import jp.certkiosk.app.flow.FlowState;

/**
 * The resident's family register is kept by another participating municipality that has not yet
 * registered them for use: the kiosk offers to file the use registration (利用登録申請), free of
 * charge, nothing printed.
 */
public final class UseRegistrationModel extends ChoosingStepModel {
    public final Cell<String> message = new Cell<>("");
    public final Cell<String> free = new Cell<>("");
    public final Cell<String> apply = new Cell<>("");
    public final Cell<String> back = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");

    UseRegistrationModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("useRegistration.title"));
        message.set(text.format("useRegistration.message", domicileName(kiosk.state())));
        free.set(text.text("useRegistration.free"));
        apply.set(text.text("useRegistration.apply"));
        back.set(text.text("domicile.otherDocuments"));
        cancel.set(text.text("cancel"));
    }

    /** The name of the municipality keeping the resident's family register, as the menu gave it. */
    static String domicileName(FlowState state) {
        if (state instanceof FlowState.ChoosingDocument choosing) {
            FamilyRegisterAccess access = choosing.session().menu().familyRegister();
            return access.municipalityName() != null ? access.municipalityName() : "";
        }
        if (state instanceof FlowState.FilingUseRegistration filing) {
            String name = filing.session().menu().familyRegister().municipalityName();
            return name != null ? name : "";
        }
        return "";
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.useRegistration");
    }

    /** Files the application; the flow goes on only where the menu says the domicile needs it. */
    public void apply() {
        kiosk.touch();
        if (kiosk.state() instanceof FlowState.ChoosingDocument choosing
                && choosing.session().menu().familyRegister().status()
                        == FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED) {
            kiosk.run(new FlowEvent.UseRegistrationRequested());
        }
    }

    /** Keypad: Enter applies, Escape goes back to the menu. */
    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ENTER) {
            apply();
        } else if (key == KeypadKey.ESCAPE) {
            back();
        }
    }
}
