package dev.modelspec4j.check.leak;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Text hidden in an answer as base64 (standard or URL-safe, with or without padding and line breaks) or as hex
 * (one run of digits, or bytes separated by spaces, colons or dashes), decoded so that it can be checked like the
 * answer itself. Only runs that decode to readable UTF-8 text count. Linear in the text. Stateless.
 */
final class EncodedPayloads {

    /** Characters of a run worth decoding: shorter runs are words, not payloads. */
    static final int MIN_RUN = 16;

    /** One decoded payload: where it stands in the text, and what it says. */
    record Payload(int start, int end, String text) {
    }

    private EncodedPayloads() {
    }

    /** The payloads in {@code text}, in order. */
    static List<Payload> find(String text) {
        List<Payload> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isBase64(c)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder run = new StringBuilder();
            while (i < n) {
                c = text.charAt(i);
                if (isBase64(c) || c == '=') {
                    run.append(c);
                    i++;
                } else if ((c == '\n' || c == '\r') && i + 1 < n && isBase64(text.charAt(i + 1))) {
                    i++; // a wrapped line goes on
                } else {
                    break;
                }
            }
            String decoded = null;
            if (isHexRun(run)) {
                decoded = hex(run, 0, run.length());
            } else if (run.length() >= MIN_RUN) {
                decoded = base64(run);
            }
            if (decoded == null && run.length() == 2 && isHexRun(run)) {
                int end = spacedHexEnd(text, start);
                if (end > 0) {
                    decoded = spacedHex(text, start, end);
                    i = end;
                }
            }
            if (decoded != null) {
                found.add(new Payload(start, i, decoded));
            }
        }
        return found;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '-' || c == '_';
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isHexRun(CharSequence run) {
        if (run.length() < 2 || run.length() % 2 != 0) {
            return false;
        }
        for (int k = 0; k < run.length(); k++) {
            if (!isHexDigit(run.charAt(k))) {
                return false;
            }
        }
        return run.length() >= MIN_RUN || run.length() == 2;
    }

    /** The end of a run of at least eight hex bytes separated by one space, colon or dash, from {@code start}; or -1. */
    private static int spacedHexEnd(String text, int start) {
        int i = start;
        int bytes = 0;
        int n = text.length();
        while (i + 1 < n && isHexDigit(text.charAt(i)) && isHexDigit(text.charAt(i + 1))
                && (i + 2 == n || !isBase64(text.charAt(i + 2)))) {
            bytes++;
            i += 2;
            if (i + 2 < n && (text.charAt(i) == ' ' || text.charAt(i) == ':' || text.charAt(i) == '-')
                    && isHexDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return bytes >= MIN_RUN / 2 ? i : -1;
    }

    private static String spacedHex(String text, int start, int end) {
        StringBuilder digits = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            if (isHexDigit(text.charAt(k))) {
                digits.append(text.charAt(k));
            }
        }
        return hex(digits, 0, digits.length());
    }

    private static String hex(CharSequence digits, int from, int to) {
        if ((to - from) % 2 != 0 || to - from < MIN_RUN) {
            return null;
        }
        byte[] bytes = new byte[(to - from) / 2];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) (Character.digit(digits.charAt(from + 2 * k), 16) << 4
                    | Character.digit(digits.charAt(from + 2 * k + 1), 16));
        }
        return readable(bytes);
    }

    private static String base64(CharSequence run) {
        String s = run.toString().replace('-', '+').replace('_', '/');
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        s = s.substring(0, end);
        if (s.indexOf('=') >= 0 || s.length() % 4 == 1) {
            return null;
        }
        try {
            return readable(Base64.getDecoder().decode(s + "==".substring(0, (4 - s.length() % 4) % 4)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The bytes as text when they are valid UTF-8 and mostly letters, digits, spaces and punctuation. */
    private static String readable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int readable = 0;
        int letters = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                readable++;
            } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && !Character.isISOControl(c))) {
                readable++;
            }
        }
        return readable >= text.length() * 0.9 && letters >= text.length() / 2 ? text : null;
    }
}
