package jp.certkiosk.app.flow;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.app.card.CardSlot;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.jpki.JpkiCard;
import jp.certkiosk.card.jpki.JpkiException;
import jp.certkiosk.card.jpki.NotJpkiCardException;
import jp.certkiosk.card.jpki.PinOutcome;

/**
 * The card operations of a transaction, each answering with the flow's events. Trouble with the
 * card (pulled, garbage, not a My Number Card) is an event too, never an exception.
 */
public final class CardService {
    private static final System.Logger LOG = System.getLogger(CardService.class.getName());

    private final CardSlot slot;

    public CardService(CardSlot slot) {
        this.slot = slot;
    }

    /** Selects the JPKI application, reads the user-authentication certificate and the tries left. */
    public FlowEvent read() {
        Optional<ApduTransport> transport = slot.card();
        if (transport.isEmpty()) {
            return new FlowEvent.CardFailed("READ", true);
        }
        Optional<JpkiCard> card = transport.map(JpkiCard::new);
        try (ApduTransport.Exclusive exclusive = transport.get().exclusive()) {
            JpkiCard jpki = card.get();
            jpki.selectAp();
            byte[] der = jpki.readAuthCertificate();
            X509Certificate certificate = parse(der);
            int tries = jpki.authPinTriesLeft();
            return new FlowEvent.CardRead(new CardInfo(der, AuthenticationPayload.sha256Hex(der),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()), tries);
        } catch (NotJpkiCardException e) {
            return new FlowEvent.NotMyNumberCard();
        } catch (JpkiException | CertificateException e) {
            LOG.log(System.Logger.Level.WARNING, "card unreadable: {0}", e.getMessage());
            return new FlowEvent.CardFailed("READ", false);
        } catch (CardIoException e) {
            return failed("READ", e);
        }
    }

    /** Sends the typed PIN to the card. The caller wipes the PIN afterwards. */
    public FlowEvent verify(Pin pin) {
        Optional<ApduTransport> transport = slot.card();
        if (transport.isEmpty()) {
            return new FlowEvent.CardFailed("VERIFY", true);
        }
        Optional<JpkiCard> card = transport.map(JpkiCard::new);
        try (ApduTransport.Exclusive exclusive = transport.get().exclusive()) {
            PinOutcome outcome = card.get().verifyAuthPin(pin.digits());
            if (outcome instanceof PinOutcome.Verified) {
                return new FlowEvent.PinVerified();
            }
            if (outcome instanceof PinOutcome.WrongPin wrong) {
                return new FlowEvent.PinRejected(wrong.triesLeft());
            }
            return new FlowEvent.PinBlocked();
        } catch (JpkiException e) {
            LOG.log(System.Logger.Level.WARNING, "PIN check failed: {0}", e.getMessage());
            return new FlowEvent.CardFailed("VERIFY", false);
        } catch (CardIoException e) {
            return failed("VERIFY", e);
        }
    }

    /** Signs a DigestInfo with the authentication key; needs the PIN verified on this card. */
    public Signed sign(byte[] digestInfo) {
        Optional<ApduTransport> transport = slot.card();
        if (transport.isEmpty()) {
            return new Signed(null, new FlowEvent.CardFailed("SIGN", true));
        }
        Optional<JpkiCard> card = transport.map(JpkiCard::new);
        try (ApduTransport.Exclusive exclusive = transport.get().exclusive()) {
            return new Signed(card.get().signWithAuthKey(digestInfo), null);
        } catch (JpkiException e) {
            LOG.log(System.Logger.Level.WARNING, "signing failed: {0}", e.getMessage());
            return new Signed(null, new FlowEvent.CardFailed("SIGN", false));
        } catch (CardIoException e) {
            return new Signed(null, failed("SIGN", e));
        }
    }

    /** The SHA-256 of the certificate of the card in the slot now, or empty if none can be read. */
    public Optional<String> certificateInReader() {
        Optional<ApduTransport> transport = slot.card();
        if (transport.isEmpty()) {
            return Optional.empty();
        }
        Optional<JpkiCard> card = transport.map(JpkiCard::new);
        try (ApduTransport.Exclusive exclusive = transport.get().exclusive()) {
            return Optional.of(AuthenticationPayload.sha256Hex(card.get().readAuthCertificate()));
        } catch (JpkiException | CardIoException e) {
            return Optional.empty();
        }
    }

    /** A signature, or the event saying why there is none. */
    public record Signed(byte[] signature, FlowEvent failure) {}

    private static FlowEvent failed(String step, CardIoException e) {
        boolean removed = e instanceof CardRemovedException;
        LOG.log(System.Logger.Level.INFO, "card {0} during {1}", removed ? "removed" : "link failed", step);
        return new FlowEvent.CardFailed(step, removed);
    }

    private static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
