package jp.certkiosk.app.ui;

import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import jp.certkiosk.app.ui.model.Voice;

/**
 * Voice guidance from recorded clips ({@code voice/<language>/<key>.wav} on the class path, made
 * from the message bundles with espeak-ng at build time), played one after the other with JavaFX
 * media on the JavaFX thread. A new screen's prompt cuts the old one short. A kiosk without sound
 * stays silent and says so once in the log.
 */
public final class ClipVoice implements Voice {
    private static final Logger LOG = Logger.getLogger(ClipVoice.class.getName());

    private final Deque<URL> queue = new ArrayDeque<>();
    private MediaPlayer playing;
    private boolean unavailable;

    /** Where the clip of a prompt is, e.g. {@code voice/ja/voice.pin.wav}. */
    public static String clipPath(Language language, String key) {
        return "voice/" + language.locale().toLanguageTag() + "/" + key + ".wav";
    }

    @Override
    public void say(Language language, String key) {
        if (unavailable) {
            return;
        }
        URL clip = ClipVoice.class.getResource(clipPath(language, key));
        if (clip == null) {
            LOG.log(Level.WARNING, "no voice clip {0}", clipPath(language, key));
            return;
        }
        if (!key.equals("voice.digitEntered") && !key.equals("voice.digitDeleted") && !key.equals("voice.on")) {
            queue.clear();
            if (playing != null) {
                playing.stop();
                playing.dispose();
                playing = null;
            }
        }
        queue.add(clip);
        if (playing == null) {
            next();
        }
    }

    private void next() {
        URL clip = queue.poll();
        if (clip == null) {
            playing = null;
            return;
        }
        try {
            MediaPlayer player = new MediaPlayer(new Media(clip.toExternalForm()));
            playing = player;
            player.setOnEndOfMedia(() -> {
                player.dispose();
                next();
            });
            player.setOnError(() -> {
                player.dispose();
                next();
            });
            player.play();
        } catch (RuntimeException | LinkageError e) {
            unavailable = true;
            queue.clear();
            playing = null;
            LOG.log(Level.INFO, "no sound output; voice guidance is silent: {0}", e.toString());
        }
    }
}
