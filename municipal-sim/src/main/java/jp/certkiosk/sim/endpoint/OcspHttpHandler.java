package jp.certkiosk.sim.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.certkiosk.sim.pki.OcspResponder;

/**
 * OCSP over HTTP (RFC 6960, appendix A): {@code POST /ocsp} with an {@code application/ocsp-request}
 * body, or {@code GET /ocsp/<url-encoded base64 request>} as the JDK's checker sends short
 * requests. Plain HTTP is how OCSP is served: the responses are signed, the requests hold no secret.
 * Served by the JDK's small HTTP server, which (unlike Grizzly) accepts the encoded slashes that
 * base64 puts in a GET request's path.
 */
public final class OcspHttpHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(OcspHttpHandler.class.getName());
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    private static final String PREFIX = "/ocsp/";

    private final OcspResponder responder;

    public OcspHttpHandler(OcspResponder responder) {
        this.responder = responder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] der;
            try {
                der = "POST".equals(exchange.getRequestMethod()) ? body(exchange) : fromPath(exchange);
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] answer;
            try {
                answer = responder.respond(der);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "OCSP responder failed", e);
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("request too large");
            }
            return bytes;
        }
    }

    private static byte[] fromPath(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        int at = path.indexOf(PREFIX);
        if (at < 0) {
            throw new IllegalArgumentException("no request in the path");
        }
        String encoded = URLDecoder.decode(path.substring(at + PREFIX.length()), StandardCharsets.US_ASCII);
        return Base64.getDecoder().decode(encoded);
    }
}
