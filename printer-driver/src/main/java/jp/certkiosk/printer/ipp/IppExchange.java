package jp.certkiosk.printer.ipp;

import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * IPP over HTTP (RFC 8010): one request packet, optionally followed by a document, POSTed as
 * {@code application/ipp}; the answer is a packet. {@code ipp://host:port/path} is spoken as
 * {@code http://host:port/path} (port 631 when none is given), as CUPS and IPP printers expect.
 */
final class IppExchange {
    private final URI printerUri;
    private final URI httpUri;
    private final Duration timeout;

    IppExchange(URI printerUri, Duration timeout) {
        this.printerUri = printerUri;
        this.httpUri = toHttp(printerUri);
        this.timeout = timeout;
    }

    URI printerUri() {
        return printerUri;
    }

    IppPacket send(IppPacket request, byte[] document) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        request.write(body);
        if (document != null) {
            body.write(document);
        }
        HttpURLConnection connection = (HttpURLConnection) httpUri.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/ipp");
            connection.setFixedLengthStreamingMode(body.size());
            try {
                connection.connect();
            } catch (IOException e) {
                throw new NotReached(e);
            }
            try (OutputStream out = connection.getOutputStream()) {
                body.writeTo(out);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("the printer answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream(); IppInputStream ipp = new IppInputStream(in)) {
                return ipp.readPacket();
            }
        } finally {
            connection.disconnect();
        }
    }

    /** The printer was never reached: nothing of the request can have arrived. */
    static final class NotReached extends IOException {
        NotReached(IOException cause) {
            super("printer not reached: " + cause.getMessage(), cause);
        }
    }

    static URI toHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String http = switch (scheme) {
            case "ipp", "http" -> "http";
            case "ipps", "https" -> "https";
            default -> throw new IllegalArgumentException("not an IPP printer URI: " + uri);
        };
        int port = uri.getPort() != -1 ? uri.getPort() : ("ipp".equals(scheme) || "ipps".equals(scheme) ? 631 : -1);
        try {
            return new URI(http, null, uri.getHost(), port, uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an IPP printer URI: " + uri, e);
        }
    }
}
