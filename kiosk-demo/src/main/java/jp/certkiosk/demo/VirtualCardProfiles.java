package jp.certkiosk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.virtual.VirtualJpkiCard;
import jp.certkiosk.sim.pki.CardKey;
import jp.certkiosk.sim.pki.TestPki;
import jp.certkiosk.sim.registry.SeedCard;
import jp.certkiosk.sim.registry.SeedData;

/**
 * The virtual cards a vendor can place on a PC/SC reader: every card the simulator's test PKI
 * personalised (adult, minor, foreign, expired, …), plus card states residents also carry — one PIN
 * try left, a blocked PIN, an IC card without the JPKI application, a card answering garbage. Each
 * profile is one physical card: its PIN counter is kept in {@code <data>/cards/<profile>.tries} and
 * carries over between insertions, as the chip keeps it.
 */
public final class VirtualCardProfiles {
    public static final String ONE_TRY_LEFT = "one-try-left";
    public static final String BLOCKED = "blocked";

    /** What a profile is made of. */
    public record Profile(String name, String description, CardKey key, String pin, int initialTries,
                          VirtualJpkiCard.Behaviour behaviour) {}

    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Path stateDir;

    private VirtualCardProfiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** The profiles over the simulator PKI kept in {@code dataDir/sim/pki} (created if missing). */
    public static VirtualCardProfiles open(Path dataDir, Clock clock) {
        TestPki pki = TestPki.openOrCreate(dataDir.resolve("sim").resolve("pki"), clock,
                SeedData.CARDS.stream().map(SeedCard::spec).toList());
        VirtualCardProfiles result = new VirtualCardProfiles(dataDir.resolve("cards"));
        for (SeedCard seed : SeedData.CARDS) {
            result.add(new Profile(seed.profile(), "certificate " + seed.condition().name().toLowerCase()
                    .replace('_', ' ') + seed.residentId().map(id -> ", resident " + id).orElse(", no resident"),
                    pki.card(seed.profile()).orElseThrow(), seed.pin(), 3, VirtualJpkiCard.Behaviour.NORMAL));
        }
        SeedCard single = seed("single");
        SeedCard adult = seed("adult");
        result.add(new Profile(ONE_TRY_LEFT, "valid card with one PIN try left (the 'single' resident's key)",
                pki.card(single.profile()).orElseThrow(), single.pin(), 1, VirtualJpkiCard.Behaviour.NORMAL));
        result.add(new Profile(BLOCKED, "PIN blocked after three wrong tries (the 'single' resident's key)",
                pki.card(single.profile()).orElseThrow(), single.pin(), 0, VirtualJpkiCard.Behaviour.NORMAL));
        result.add(new Profile(VirtualCardSlot.NOT_MY_NUMBER_CARD, "an IC card without the JPKI application",
                pki.card(adult.profile()).orElseThrow(), adult.pin(), 3, VirtualJpkiCard.Behaviour.NO_JPKI_APPLICATION));
        result.add(new Profile(VirtualCardSlot.GARBAGE, "a broken card answering nonsense",
                pki.card(adult.profile()).orElseThrow(), adult.pin(), 3, VirtualJpkiCard.Behaviour.GARBAGE));
        return result;
    }

    private static SeedCard seed(String name) {
        return SeedData.CARDS.stream().filter(c -> c.profile().equals(name)).findFirst().orElseThrow();
    }

    private void add(Profile profile) {
        profiles.put(profile.name(), profile);
    }

    public Map<String, Profile> all() {
        return Map.copyOf(profiles);
    }

    public Iterable<Profile> inOrder() {
        return profiles.values();
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** Tries left on the card of this profile, as its state file says (or the profile's start). */
    public int triesLeft(Profile profile) {
        Path file = stateFile(profile);
        try {
            if (Files.exists(file)) {
                int tries = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (tries >= 0 && tries <= 3) {
                    return tries;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable state file: the card starts from its profile
        }
        return profile.initialTries();
    }

    /** A card of this profile, with its persisted PIN counter; counter changes are written back. */
    public VirtualJpkiCard card(Profile profile) {
        VirtualCardState state = VirtualCardState.of(profile.pin().toCharArray(), triesLeft(profile));
        Path file = stateFile(profile);
        state.onTriesChanged(tries -> {
            try {
                Files.createDirectories(file.getParent());
                // written aside and moved into place: a crash never leaves a half-written counter
                Path partial = file.resolveSibling(file.getFileName() + ".part");
                Files.writeString(partial, tries + "\n", StandardCharsets.US_ASCII);
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the PIN counter of card " + profile.name(), e);
            }
        });
        return new VirtualJpkiCard(state, profile.key().certificate(), profile.key().issuer(), profile.key().privateKey(),
                profile.behaviour());
    }

    private Path stateFile(Profile profile) {
        return stateDir.resolve(profile.name() + ".tries");
    }
}
