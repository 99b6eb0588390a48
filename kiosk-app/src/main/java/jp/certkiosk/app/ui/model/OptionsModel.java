package jp.certkiosk.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.Menu;
import jp.certkiosk.app.flow.FlowState;

/** Whole household or chosen members, and the optional items the municipality allows on a resident-record copy. */
public final class OptionsModel extends ChoosingStepModel {
    /** One choice on the screen: its button id, caption and whether it is chosen. */
    public record Option(String id, String label, boolean chosen, Runnable toggle) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Option o && o.id.equals(id) && o.label.equals(label) && o.chosen == chosen;
        }

        @Override
        public int hashCode() {
            return id.hashCode() * 31 + label.hashCode() + (chosen ? 1 : 0);
        }
    }

    public final Cell<String> document = new Cell<>("");
    public final Cell<String> whole = new Cell<>("");
    public final Cell<String> selected = new Cell<>("");
    public final Cell<Boolean> wholeChosen = new Cell<>(true);
    public final Cell<String> membersLabel = new Cell<>("");
    public final Cell<List<Option>> members = new Cell<>(List.of());
    public final Cell<String> itemsLabel = new Cell<>("");
    public final Cell<List<Option>> items = new Cell<>(List.of());
    public final Cell<Boolean> nextEnabled = new Cell<>(true);
    public final Cell<String> next = new Cell<>("");
    public final Cell<String> back = new Cell<>("");
    public final Cell<String> cancel = new Cell<>("");

    OptionsModel(KioskModel kiosk) {
        super(kiosk);
    }

    @Override
    protected void refresh(Messages text) {
        title.set(text.text("options.title"));
        whole.set(text.text("options.whole"));
        selected.set(text.text("options.selected"));
        membersLabel.set(text.text("options.members"));
        itemsLabel.set(text.text("options.items"));
        next.set(text.text("options.next"));
        back.set(text.text("back"));
        cancel.set(text.text("cancel"));
        DocumentChoice choice = kiosk.choice;
        if (choice.offer != null) {
            document.set(MenuModel.documentName(choice.offer, text));
        }
        wholeChosen.set(choice.wholeHousehold);
        nextEnabled.set(choice.optionsComplete());
        Menu menu = menu();
        List<Option> people = new ArrayList<>();
        if (menu != null && !choice.wholeHousehold) {
            int i = 0;
            for (HouseholdMember member : menu.householdMembers()) {
                String ref = member.memberRef();
                people.add(new Option("member-" + i++, member.displayName(), choice.members.contains(ref),
                        () -> toggleMember(ref)));
            }
        }
        members.set(List.copyOf(people));
        List<Option> shownItems = new ArrayList<>();
        if (menu != null) {
            for (IssuanceOptions.RecordItem item : IssuanceOptions.RecordItem.values()) {
                if (menu.allowedItems().contains(item)) {
                    shownItems.add(new Option("item-" + item.name(), text.text("item." + item.name()),
                            choice.items.contains(item), () -> toggleItem(item)));
                }
            }
        }
        items.set(List.copyOf(shownItems));
    }

    private Menu menu() {
        return kiosk.state() instanceof FlowState.ChoosingDocument choosing ? choosing.session().menu() : null;
    }

    @Override
    public List<String> voiceKeys() {
        return List.of("voice.options");
    }

    public void chooseWholeHousehold(boolean wholeHousehold) {
        kiosk.touch();
        kiosk.choice.wholeHousehold = wholeHousehold;
        kiosk.update();
    }

    public void toggleMember(String memberRef) {
        kiosk.touch();
        if (!kiosk.choice.members.remove(memberRef)) {
            kiosk.choice.members.add(memberRef);
        }
        kiosk.update();
    }

    public void toggleItem(IssuanceOptions.RecordItem item) {
        kiosk.touch();
        if (!kiosk.choice.items.remove(item)) {
            kiosk.choice.items.add(item);
        }
        kiosk.update();
    }

    public void next() {
        nextWhen(kiosk.choice.optionsComplete());
    }

    /** Keypad: 1 whole household, 2 selected members; Enter goes on, Escape back to the menu. */
    @Override
    protected void key(KeypadKey key) {
        if (key == KeypadKey.ENTER) {
            next();
        } else if (key == KeypadKey.ESCAPE) {
            back();
        } else if (key == KeypadKey.D1) {
            chooseWholeHousehold(true);
        }
    }
}
