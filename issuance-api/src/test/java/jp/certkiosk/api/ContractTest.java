package jp.certkiosk.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {
    private final ObjectMapper json = ApiJson.newMapper();

    @Test
    void digestInfoSignedRawVerifiesAsSha256WithRsaOverThePayload() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        byte[] nonce = {1, 2, 3, 4};

        // What the card does: PKCS#1 v1.5 padding over the DigestInfo it is given.
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(pair.getPrivate());
        raw.update(AuthenticationPayload.digestInfo("c-1", nonce, "kiosk-1"));
        byte[] signature = raw.sign();

        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(pair.getPublic());
        check.update(AuthenticationPayload.bytes("c-1", nonce, "kiosk-1"));
        assertTrue(check.verify(signature));

        check.initVerify(pair.getPublic());
        check.update(AuthenticationPayload.bytes("c-1", nonce, "kiosk-2"));
        assertTrue(!check.verify(signature), "a signature for one kiosk must not verify for another");
    }

    @Test
    void recordsRoundTripWithIsoInstantsAndBase64Bytes() throws Exception {
        Challenge challenge = new Challenge("c-9", new byte[] {(byte) 0xff, 0}, Instant.parse("2026-11-28T10:15:30Z"));
        String text = json.writeValueAsString(challenge);
        assertTrue(text.contains("\"2026-11-28T10:15:30Z\""), text);
        assertTrue(text.contains("\"/wA=\""), text);
        Challenge back = json.readValue(text, Challenge.class);
        assertArrayEquals(challenge.nonce(), back.nonce());
        assertEquals(challenge.expiresAt(), back.expiresAt());

        Menu menu = new Menu("999001", "桜川市", List.of(new DocumentOffer(DocumentType.RESIDENT_RECORD_COPY, "住民票の写し", 200)));
        assertEquals(menu, json.readValue(json.writeValueAsString(menu), Menu.class));
        assertEquals(ErrorCode.CERTIFICATE_SUSPENDED,
                json.readValue("{\"code\":\"CERTIFICATE_SUSPENDED\",\"detail\":\"x\",\"later\":1}", ApiError.class).code());
    }

    @Test
    void bindingHashIsLowerCaseHexSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                AuthenticationPayload.sha256Hex("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
