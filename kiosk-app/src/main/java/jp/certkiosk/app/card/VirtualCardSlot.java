package jp.certkiosk.app.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.virtual.VirtualJpkiCard;

/**
 * The in-process virtual reader: a slot holding virtual My Number Cards ({@link VirtualCard}), for
 * the demo, headless runs and tests, never in production. Each
 * profile is one card whose PIN counter lives as long as this slot: a card blocked by three wrong
 * PINs stays blocked when it is placed again.
 */
public final class VirtualCardSlot implements CardSlot {
    /** A card that is not a My Number Card: an IC card without the JPKI application. */
    public static final String NOT_MY_NUMBER_CARD = "not-my-number-card";
    /** A card whose answers make no sense. */
    public static final String GARBAGE = "garbage";

    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private VirtualJpkiCard inserted;
    private String insertedProfile;

    private record Profile(VirtualCard issued, VirtualCardState state, VirtualJpkiCard.Behaviour behaviour) {}

    public VirtualCardSlot(List<VirtualCard> cards) {
        for (VirtualCard card : cards) {
            profiles.put(card.name(), new Profile(card, VirtualCardState.withPin(card.pin().toCharArray()),
                    VirtualJpkiCard.Behaviour.NORMAL));
        }
        VirtualCard any = cards.get(0);
        profiles.put(NOT_MY_NUMBER_CARD, new Profile(any, VirtualCardState.withPin(any.pin().toCharArray()),
                VirtualJpkiCard.Behaviour.NO_JPKI_APPLICATION));
        profiles.put(GARBAGE, new Profile(any, VirtualCardState.withPin(any.pin().toCharArray()),
                VirtualJpkiCard.Behaviour.GARBAGE));
    }

    public synchronized List<String> profiles() {
        return new ArrayList<>(profiles.keySet());
    }

    /** Places the card of this profile on the reader, replacing nothing: one card at a time. */
    public synchronized void insert(String profile) {
        Profile p = profiles.get(profile);
        if (p == null) {
            throw new IllegalArgumentException("no virtual card profile '" + profile + "'; known: " + profiles.keySet());
        }
        if (inserted != null) {
            throw new IllegalStateException("a card is already on the reader: " + insertedProfile);
        }
        inserted = new VirtualJpkiCard(p.state(), p.issued().authCertificate(), p.issued().authCaCertificate(),
                p.issued().authKey(), p.behaviour());
        insertedProfile = profile;
    }

    public synchronized void remove() {
        if (inserted != null) {
            inserted.remove();
        }
        inserted = null;
        insertedProfile = null;
    }

    public synchronized Optional<String> insertedProfile() {
        return Optional.ofNullable(insertedProfile);
    }

    /** The commands the card now on the reader has received (PIN bytes zeroed by the card). */
    public synchronized List<CommandApdu> received() {
        return inserted == null ? List.of() : inserted.received();
    }

    public synchronized int triesLeft(String profile) {
        return profiles.get(profile).state().triesLeft();
    }

    @Override
    public synchronized Optional<ApduTransport> card() {
        return Optional.ofNullable(inserted);
    }
}
