package jp.certkiosk.app.headless;

import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.jpki.JpkiCommands;

/** How the scripted resident places a card of a profile on the reader and takes it again. */
public interface CardHand {
    /** The reader in plain words, for the report. */
    String reader();

    void place(String profile);

    void take();

    /**
     * True when a card watcher tells the engine a card was placed or taken (a PC/SC reader); false
     * when the runner tells it (the in-process virtual reader has no watcher).
     */
    boolean watched();

    /** VERIFY commands carrying a PIN that the card on the reader has received since it was placed. */
    int verifiesReceived();

    /** The hand of the in-process virtual reader. */
    static CardHand of(VirtualCardSlot slot) {
        return new CardHand() {
            @Override
            public String reader() {
                return "virtual reader (in process)";
            }

            @Override
            public void place(String profile) {
                slot.insert(profile);
            }

            @Override
            public void take() {
                slot.remove();
            }

            @Override
            public boolean watched() {
                return false;
            }

            @Override
            public int verifiesReceived() {
                return countVerifies(slot.received());
            }
        };
    }

    /** VERIFY commands with PIN data among these commands. */
    static int countVerifies(java.util.List<CommandApdu> commands) {
        int count = 0;
        for (CommandApdu command : commands) {
            if (command.ins() == JpkiCommands.INS_VERIFY && command.data() != null && command.data().length > 0) {
                count++;
            }
        }
        return count;
    }
}
