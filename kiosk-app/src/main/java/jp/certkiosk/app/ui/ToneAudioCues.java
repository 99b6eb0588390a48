package jp.certkiosk.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Cues as synthesized tones on the default sound output (javax.sound), played off the screen's
 * thread. A kiosk without a sound device stays silent and says so once in the log.
 */
public final class ToneAudioCues implements AudioCues {
    private static final Logger LOG = Logger.getLogger(ToneAudioCues.class.getName());
    private static final float RATE = 22050f;

    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-audio");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean unavailable;

    @Override
    public void play(Cue cue) {
        if (unavailable) {
            return;
        }
        player.execute(() -> {
            switch (cue) {
                case TOUCH -> tones(new int[] {880}, 40);
                case ATTENTION -> tones(new int[] {660, 440}, 180);
                case DONE -> tones(new int[] {523, 659, 784}, 150);
                case CARD_LEFT -> tones(new int[] {988, 0, 988, 0, 988}, 160);
                default -> { }
            }
        });
    }

    private void tones(int[] hertz, int millis) {
        AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            for (int hz : hertz) {
                byte[] samples = new byte[(int) (RATE * millis / 1000)];
                for (int i = 0; hz > 0 && i < samples.length; i++) {
                    samples[i] = (byte) (Math.sin(2 * Math.PI * hz * i / RATE) * 90);
                }
                line.write(samples, 0, samples.length);
            }
            line.drain();
        } catch (Exception | LinkageError e) {
            unavailable = true;
            LOG.log(Level.INFO, "no sound output; audio cues are off: {0}", e.toString());
        }
    }
}
