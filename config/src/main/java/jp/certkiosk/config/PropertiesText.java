package jp.certkiosk.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A properties file as text: decoded as strict UTF-8 (a byte that is not UTF-8 is named by its line
 * and column, never replaced or dropped), its properties, and the line each key was set on, so that
 * a problem with a key can point at the line to fix.
 */
record PropertiesText(Properties properties, Map<String, Integer> lines) {
    static PropertiesText parse(byte[] bytes) throws IOException {
        String text = utf8(bytes);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(List.of("(file) line " + badEscapeLine(text) + ": " + e.getMessage()
                    + " (write \\\\ for a backslash)"));
        }
        return new PropertiesText(properties, keyLines(text));
    }

    /** The line of the first backslash-u escape without four hex digits after it (what {@link Properties#load} refuses). */
    private static int badEscapeLine(String text) {
        java.util.regex.Matcher bad = java.util.regex.Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u(?![0-9a-fA-F]{4})").matcher(text);
        int end = bad.find() ? bad.start() : text.length();
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text, or an {@link InvalidConfigException} naming the line and column of the first byte that is not UTF-8. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new InvalidConfigException(List.of(String.format(
                    "(file) line %d, column %d: byte 0x%02X is not UTF-8 text; save the file as UTF-8",
                    line, at - lineStart + 1, bytes[at] & 0xFF)));
        }
        out.flip();
        return out.toString();
    }

    /** Key → the (first physical) line of its last setting, as {@link Properties#load} reads keys. */
    static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] physical = text.split("\r\n|\r|\n", -1);
        boolean continued = false;
        for (int n = 0; n < physical.length; n++) {
            String line = physical[n];
            boolean continues = endsWithOddBackslashes(line);
            if (!continued) {
                String key = keyOf(line.stripLeading());
                if (key != null) {
                    lines.put(key, n + 1);
                }
            }
            continued = continues;
        }
        return lines;
    }

    private static String keyOf(String line) {
        if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(line.charAt(++i));
            } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
