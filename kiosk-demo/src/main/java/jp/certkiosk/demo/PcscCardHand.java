package jp.certkiosk.demo;

import java.io.IOException;
import java.nio.file.Path;
import jp.certkiosk.app.headless.CardHand;

/**
 * The scripted resident's hand on the PC/SC reader "Virtual PCD 00 00": cards are placed and pulled
 * by the virtual card process (vsmartcard-vpcd), so every command reaches the card through pcscd,
 * and the kiosk's card watcher tells the flow, as with a real card.
 */
final class PcscCardHand implements CardHand {
    private final Path data;
    private final String reader;

    PcscCardHand(Path data, String reader) {
        this.data = data;
        this.reader = reader;
    }

    @Override
    public String reader() {
        return "PC/SC '" + reader + "'";
    }

    @Override
    public void place(String profile) {
        try {
            if (VirtualCardProcess.send(data, "status").isEmpty()) {
                VirtualCardProcess.spawn(data);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the virtual card process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the virtual card process", e);
        }
        answer(VirtualCardProcess.send(data, "insert " + profile), "place card '" + profile + "'");
    }

    @Override
    public void take() {
        answer(VirtualCardProcess.send(data, "remove"), "take the card");
    }

    @Override
    public boolean watched() {
        return true;
    }

    @Override
    public int verifiesReceived() {
        String text = answer(VirtualCardProcess.send(data, "verifies"), "count VERIFY commands");
        return Integer.parseInt(text.trim());
    }

    private static String answer(java.util.Optional<String> answer, String what) {
        String text = answer.orElse("error the card process does not answer");
        if (!text.startsWith("ok")) {
            throw new IllegalStateException("cannot " + what + ": " + text.replaceFirst("^error ", ""));
        }
        return text.replaceFirst("^ok ?", "");
    }
}
