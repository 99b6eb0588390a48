package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions.RegisterExtent;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.flow.FlowState;
import jp.certkiosk.app.ui.model.OptionsModel.Option;

/** A family register certificate: everyone in the register (全部事項) or one person (個人事項), and whom. */
public final class RegisterOptionsModel extends ChoosingStepModel {
    public final Cell<String> document = new Cell<>("");
    public final Cell<String> all = new Cell<>("");
    public final Cell<String> individual = new Cell<>("");
    public final Cell<Boolean> allChosen = new Cell<>(true);
    public final Cell<String> personsLabel = new Cell<>("");
    /** The persons of the register, shown once "one person" is chosen; exactly one may be chosen. */
    public final Cell<List<Option>> persons = new Cell<>(List.of());
    public final Cell<Boolean> nextEnabled = new Cell<>(true);
    public final Cell<String> next = new Cell<>("");
    public final Cell<String> back = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");

    RegisterOptionsModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        DocumentChoice choice = kiosk.choice;
        title.set(text.text("registerOptions.title"));
        if (choice.offer != null) {
            document.set(MenuModel.documentName(choice.offer, text));
        }
        all.set(text.text("registerOptions.all"));
        individual.set(text.text("registerOptions.individual"));
        personsLabel.set(choice.registerExtent == RegisterExtent.INDIVIDUAL ? text.text("registerOptions.persons") : "");
        allChosen.set(choice.registerExtent == RegisterExtent.ALL);
        nextEnabled.set(choice.registerOptionsComplete());
        next.set(text.text("options.next"));
        back.set(text.text("back"));
        cancel.set(text.text("cancel"));
        List<Option> shown = new ArrayList<>();
        Menu menu = menu();
        if (menu != null && choice.registerExtent == RegisterExtent.INDIVIDUAL) {
            int i = 0;
            for (HouseholdMember person : menu.familyRegister().persons()) {
                String ref = person.memberRef();
                shown.add(new Option("person-" + i++, person.displayName(), ref.equals(choice.registerPerson),
                        () -> choosePerson(ref)));
            }
        }
        persons.set(List.copyOf(shown));
    }

    private Menu menu() {
        return kiosk.state() instanceof FlowState.ChoosingDocument choosing ? choosing.session().menu() : null;
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.registerOptions");
    }

    public void chooseExtent(RegisterExtent extent) {
        kiosk.touch();
        if (kiosk.choice.registerExtent != extent) {
            kiosk.choice.registerExtent = extent;
            kiosk.choice.registerPerson = null;
        }
        kiosk.update();
    }

    /** One person's certificate: choosing another person replaces the first. */
    public void choosePerson(String personRef) {
        kiosk.touch();
        Menu menu = menu();
        if (menu != null && menu.familyRegister().persons().stream().anyMatch(p -> p.memberRef().equals(personRef))) {
            kiosk.choice.registerExtent = RegisterExtent.INDIVIDUAL;
            kiosk.choice.registerPerson = personRef;
        }
        kiosk.update();
    }

    public void next() {
        nextWhen(kiosk.choice.registerOptionsComplete());
    }

    /** Keypad: 1 everyone, 2 one person, then 3… the persons in turn; Enter goes on, Escape back to the menu. */
    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ENTER) {
            next();
        } else if (key == KeypadKey.ESCAPE) {
            back();
        } else if (key == KeypadKey.D1) {
            chooseExtent(RegisterExtent.ALL);
        } else if (key == KeypadKey.D2) {
            chooseExtent(RegisterExtent.INDIVIDUAL);
        } else if (key.isDigit() && key.number() >= 3 && menu() != null
                && key.number() - 3 < menu().familyRegister().persons().size()) {
            choosePerson(menu().familyRegister().persons().get(key.number() - 3).memberRef());
        }
    }
}
