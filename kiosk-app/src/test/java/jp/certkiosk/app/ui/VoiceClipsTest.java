package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import jp.certkiosk.app.ui.model.Messages;
import org.junit.jupiter.api.Test;

/** The build spoke a clip for every voice prompt in every language, as JavaFX media can play it. */
class VoiceClipsTest {
    @Test
    void everyPromptHasAClipInEveryLanguage() throws IOException, UnsupportedAudioFileException {
        List<String> problems = new ArrayList<>();
        int clips = 0;
        for (Language language : Language.values()) {
            Messages text = Messages.of(language);
            for (String key : text.bundle().keySet()) {
                if (!key.startsWith("voice.")) {
                    continue;
                }
                URL clip = ClipVoice.class.getResource(ClipVoice.clipPath(language, key));
                if (clip == null) {
                    problems.add("no clip " + ClipVoice.clipPath(language, key));
                    continue;
                }
                AudioFileFormat file = AudioSystem.getAudioFileFormat(clip);
                AudioFormat format = file.getFormat();
                if (file.getType() != AudioFileFormat.Type.WAVE || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
                        || format.getChannels() != 1 || file.getFrameLength() < format.getSampleRate() / 4) {
                    problems.add(clip + ": " + file.getType() + " " + format + ", " + file.getFrameLength() + " frames");
                }
                clips++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(clips >= 8 * 20, clips + " clips");
    }
}
