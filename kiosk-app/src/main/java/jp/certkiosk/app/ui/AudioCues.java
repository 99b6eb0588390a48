package jp.certkiosk.app.ui;

/** The sounds of the kiosk; residents who cannot read the screen hear where they are. */
public interface AudioCues {
    enum Cue {
        /** A touch was taken. */
        TOUCH,
        /** Something needs the resident's attention (wrong PIN, idle warning). */
        ATTENTION,
        /** Transaction over: take the card and the documents. */
        DONE,
        /** The card is still on the reader: repeated until it is taken. */
        CARD_LEFT
    }

    void play(Cue cue);
}
