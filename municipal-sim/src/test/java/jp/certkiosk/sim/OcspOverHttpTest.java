package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's OCSP responder over HTTP, asked the way any OCSP client asks (POST and GET). */
class OcspOverHttpTest {
    @TempDir
    static Path dataDir;
    private static MunicipalSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        simulator = MunicipalSimulator.start(SimulatorOptions.defaults(dataDir));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static byte[] request(IssuedCard card) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(card.authCaCertificate()), card.authCertificate().getSerialNumber());
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    private SingleResp post(IssuedCard card) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(simulator.ocspUri())
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request(card))).build(), HttpResponse.BodyHandlers.ofByteArray());
        return single(response, card.authCaCertificate());
    }

    private static SingleResp single(HttpResponse<byte[]> response, X509Certificate ca) throws Exception {
        assertEquals(200, response.statusCode());
        OCSPResp ocsp = new OCSPResp(response.body());
        assertEquals(OCSPResp.SUCCESSFUL, ocsp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca)), "signed by the CA");
        return basic.getResponses()[0];
    }

    @Test
    void goodSuspendedAndRevokedOverPost() throws Exception {
        assertNull(post(simulator.card("adult").orElseThrow()).getCertStatus(), "good");
        RevokedStatus suspended = assertInstanceOf(RevokedStatus.class,
                post(simulator.card("suspended").orElseThrow()).getCertStatus());
        assertEquals(CRLReason.certificateHold, suspended.getRevocationReason());
        RevokedStatus revoked = assertInstanceOf(RevokedStatus.class,
                post(simulator.card("revoked").orElseThrow()).getCertStatus());
        assertEquals(CRLReason.keyCompromise, revoked.getRevocationReason());
    }

    @Test
    void getWithTheRequestInThePath() throws Exception {
        IssuedCard card = simulator.card("adult").orElseThrow();
        String encoded = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(request(card)),
                java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(simulator.ocspUri() + "/" + encoded))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertNull(single(response, card.authCaCertificate()).getCertStatus());
    }

    @Test
    void aFoundCardIsReinstatedAndALostOneSuspended() throws Exception {
        IssuedCard spouse = simulator.card("spouse").orElseThrow();
        simulator.revocations().suspend(spouse.authCertificate());
        assertInstanceOf(RevokedStatus.class, post(spouse).getCertStatus());
        simulator.revocations().reinstate(spouse.authCertificate());
        assertNull(post(spouse).getCertStatus());
    }
}
