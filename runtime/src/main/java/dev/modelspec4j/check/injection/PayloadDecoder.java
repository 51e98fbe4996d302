package dev.modelspec4j.check.injection;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Finds base64, hex and percent-encoded (URL) payloads in a text and decodes those that turn out to be
 * readable text, so that the injection rules can read them too.
 *
 * <p>The work is bounded: at most {@link #MAX_ATTEMPTS} decode attempts per text, each on at most
 * {@link #MAX_CANDIDATE_CHARS} characters, and at most {@link #MAX_DECODED_CHARS} decoded characters in all.
 * Finding candidates is one linear pass over the text itself, without copies of it; whether a candidate is
 * labelled is read from the {@link #LABEL_LOOKBEHIND} characters before it. Stateless and thread-safe.
 */
public final class PayloadDecoder {

    /** How a payload was encoded. */
    public enum Encoding { BASE64, HEX, URL }

    /**
     * A readable payload.
     *
     * @param encoding  how it was encoded
     * @param start     start of the encoded text in the scanned string
     * @param end       end (exclusive) of the encoded text in the scanned string
     * @param text      the decoded text
     * @param labelled  whether the text just before it presents it as encoded ("base64:", "decode this", ...)
     */
    public record Payload(Encoding encoding, int start, int end, String text, boolean labelled) {
    }

    static final int MAX_ATTEMPTS = 64;
    static final int MAX_CANDIDATE_CHARS = 8192;
    static final int MAX_DECODED_CHARS = 65536;
    private static final int MIN_BASE64 = 16;
    private static final int MIN_LABELLED_BASE64 = 8;
    private static final int MIN_HEX_DIGITS = 16;
    private static final int MIN_PERCENT_ESCAPES = 3;
    private static final int LABEL_LOOKBEHIND = 32;
    private static final String[] LABELS = {"base64", "base 64", "b64", "hex", "encoded", "decode", "percent"};
    /** The first letters of {@link #LABELS}. */
    private static final String LABEL_STARTS = "bhedp";

    private PayloadDecoder() {
    }

    /** The readable payloads in {@code s}, in order of position. */
    public static List<Payload> decode(String s) {
        return decode(s, null);
    }

    /** {@link #decode(String)}, counting the characters that label searches read into {@code counts} (or null). */
    static List<Payload> decode(String s, Counts counts) {
        Scan scan = new Scan(s, counts);
        int n = s.length();
        int i = 0;
        while (i < n && scan.canContinue()) {
            if (isSpace(s.charAt(i))) {
                i++;
                continue;
            }
            if (i + 2 < n && s.charAt(i + 2) == ' ' && isHex(s.charAt(i)) && isHex(s.charAt(i + 1))) {
                int hexEnd = spacedHexEnd(s, i);
                if (hexEnd > 0) {
                    scan.add(hexPayload(s, i, hexEnd, scan));
                    i = hexEnd;
                    continue;
                }
            }
            int tokenEnd = i;
            int percents = 0;
            boolean encodedLooking = false; // a digit, a capital or a base64 sign: plain words have none
            while (tokenEnd < n && !isSpace(s.charAt(tokenEnd))) {
                char ch = s.charAt(tokenEnd);
                if (ch == '%' && tokenEnd + 2 < n && isHex(s.charAt(tokenEnd + 1))
                        && isHex(s.charAt(tokenEnd + 2))) {
                    percents++;
                }
                encodedLooking |= CharClasses.is(ch, CharClasses.DIGIT | CharClasses.UPPER | CharClasses.BASE64_SIGN);
                tokenEnd++;
            }
            if (percents >= MIN_PERCENT_ESCAPES) {
                scan.add(percentPayload(s, i, tokenEnd, scan));
            } else if (encodedLooking && tokenEnd - i >= MIN_LABELLED_BASE64) {
                decodeRuns(s, i, tokenEnd, scan);
            }
            i = tokenEnd;
        }
        return scan.payloads;
    }

    /** Base64 and hex runs inside one token. */
    private static void decodeRuns(String s, int from, int to, Scan scan) {
        int j = from;
        while (j < to && scan.canContinue()) {
            if (!isBase64(s.charAt(j))) {
                j++;
                continue;
            }
            int end = j;
            while (end < to && isBase64(s.charAt(end))) {
                end++;
            }
            int runEnd = end;
            while (runEnd < to && runEnd - end < 2 && s.charAt(runEnd) == '=') {
                runEnd++;
            }
            if (looksEncoded(s, j, end, scan)) {
                scan.add(isAllHex(s, j, end) && (end - j) % 2 == 0 && end - j >= MIN_HEX_DIGITS
                        ? hexPayload(s, j, end, scan)
                        : base64Payload(s, j, end, runEnd, scan));
            }
            j = runEnd;
        }
    }

    /** Counts of one call's label searches; for tests of linearity (null in production). */
    static final class Counts {
        /** Characters read to find labels: in the windows before candidates, and in whole-text searches. */
        long labelChars;
    }

    /** Per-call state: the payloads found and what is left of the work budget. */
    private static final class Scan {
        private final String s;
        private final Counts counts;
        private final List<Payload> payloads = new ArrayList<>();
        private int attempts;
        private int budget = MAX_DECODED_CHARS;
        private Boolean anyLabel;

        Scan(String s, Counts counts) {
            this.s = s;
            this.counts = counts;
        }

        void read(int chars) {
            if (counts != null) {
                counts.labelChars += chars;
            }
        }

        boolean canContinue() {
            return attempts < MAX_ATTEMPTS && budget > 0;
        }

        void add(Payload p) {
            attempts++;
            if (p != null) {
                payloads.add(p);
                budget -= p.text().length();
            }
        }

        /**
         * Whether any label word occurs anywhere in the lower-cased text: computed once, and only when a label is
         * matched by letters that only case-insensitive comparison relates to it ({@code ſ} for {@code s}).
         */
        boolean anyLabel() {
            if (anyLabel == null) {
                read(s.length());
                anyLabel = containsLabel(s.toLowerCase(Locale.ROOT));
            }
            return anyLabel;
        }
    }

    private static boolean looksEncoded(String s, int start, int end, Scan scan) {
        int len = end - start;
        if (len < MIN_LABELLED_BASE64) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digitOrSign = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digitOrSign |= (c >= '0' && c <= '9') || c == '+' || c == '/';
        }
        if (len >= MIN_BASE64) {
            return (lower && (upper || digitOrSign)) || (digitOrSign && isAllHex(s, start, end));
        }
        // a short run counts only with a digit or sign in it (not a capitalised word) and a label before it
        return digitOrSign && (lower || upper) && labelled(s, start, scan);
    }

    private static Payload base64Payload(String s, int start, int end, int runEnd, Scan scan) {
        int len = Math.min(end - start, MAX_CANDIDATE_CHARS);
        len -= len % 4 == 1 ? 1 : 0;
        String body = s.substring(start, start + len);
        StringBuilder padded = new StringBuilder(body);
        while (padded.length() % 4 != 0) {
            padded.append('=');
        }
        boolean urlSafe = body.indexOf('-') >= 0 || body.indexOf('_') >= 0;
        byte[] bytes;
        try {
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(padded.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = readable(bytes);
        return text == null ? null : new Payload(Encoding.BASE64, start, runEnd, text, labelled(s, start, scan));
    }

    /** The end of hex digits written in pairs separated by single spaces ("69 67 6e ..."), or -1. */
    private static int spacedHexEnd(String s, int i) {
        int n = s.length();
        int k = i;
        int pairs = 0;
        while (k + 1 < n && isHex(s.charAt(k)) && isHex(s.charAt(k + 1))
                && (k + 2 == n || s.charAt(k + 2) == ' ' || s.charAt(k + 2) == '\n')) {
            pairs++;
            k += 2;
            if (k < n && k + 2 < n && isHex(s.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        return pairs >= MIN_HEX_DIGITS / 2 ? k : -1;
    }

    private static Payload hexPayload(String s, int start, int end, Scan scan) {
        int limit = Math.min(end, start + MAX_CANDIDATE_CHARS);
        byte[] bytes = new byte[(limit - start) / 2];
        int count = 0;
        int k = start;
        while (k + 1 < limit) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\n') {
                k++;
                continue;
            }
            bytes[count++] = (byte) (Character.digit(c, 16) * 16 + Character.digit(s.charAt(k + 1), 16));
            k += 2;
        }
        byte[] exact = new byte[count];
        System.arraycopy(bytes, 0, exact, 0, count);
        String text = readable(exact);
        return text == null ? null : new Payload(Encoding.HEX, start, end, text, labelled(s, start, scan));
    }

    private static Payload percentPayload(String s, int start, int end, Scan scan) {
        int limit = Math.min(end, start + MAX_CANDIDATE_CHARS);
        byte[] bytes = new byte[limit - start];
        int count = 0;
        int k = start;
        while (k < limit) {
            char c = s.charAt(k);
            if (c == '%' && k + 2 < s.length() && isHex(s.charAt(k + 1))
                    && isHex(s.charAt(k + 2))) {
                bytes[count++] = (byte) (Character.digit(s.charAt(k + 1), 16) * 16
                        + Character.digit(s.charAt(k + 2), 16));
                k += 3;
            } else if (c < 0x80) {
                bytes[count++] = (byte) (c == '+' ? ' ' : c);
                k++;
            } else {
                return null;
            }
        }
        byte[] exact = new byte[count];
        System.arraycopy(bytes, 0, exact, 0, count);
        String text = readable(exact);
        return text == null ? null : new Payload(Encoding.URL, start, end, text, labelled(s, start, scan));
    }

    /** The bytes as UTF-8 text if they are valid UTF-8 and mostly readable characters, else null. */
    static String readable(byte[] bytes) {
        if (bytes.length < 4) {
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return null;
        }
        int readable = 0;
        int letters = 0;
        for (int k = 0; k < chars.length(); k++) {
            char c = chars.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                readable++;
            } else if (c == ' ' || c == '\n' || c == '\t' || (c >= 0x21 && c < 0x7F) || Character.isDigit(c)) {
                readable++;
            }
        }
        boolean mostlyText = readable * 10 >= chars.length() * 9 && letters * 2 >= chars.length();
        return mostlyText && letters >= 4 ? chars.toString() : null;
    }

    /**
     * Whether a label word, in any case, ends at most {@link #LABEL_LOOKBEHIND} characters before {@code start}
     * (and occurs in the lower-cased text: see {@link Scan#anyLabel()}). Reads only that window, unless the only
     * label there is spelt with a non-ASCII letter.
     */
    private static boolean labelled(String s, int start, Scan scan) {
        int from = Math.max(0, start - LABEL_LOOKBEHIND);
        scan.read(start - from);
        boolean foldedOnly = false;
        for (int k = from; k < start; k++) {
            char c = s.charAt(k);
            if (c < 0x80 && LABEL_STARTS.indexOf(c | 0x20) < 0) {
                continue;
            }
            for (String label : LABELS) {
                if (k + label.length() <= start && s.regionMatches(true, k, label, 0, label.length())) {
                    if (isAscii(s, k, k + label.length())) {
                        return true; // then the lower-cased text contains it too
                    }
                    foldedOnly = true;
                }
            }
        }
        return foldedOnly && scan.anyLabel();
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether lower-case text contains a word that presents a payload as encoded. */
    private static boolean containsLabel(String lowerCase) {
        for (String label : LABELS) {
            if (lowerCase.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAllHex(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!isHex(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static boolean isSpace(char c) {
        return CharClasses.is(c, CharClasses.SPACE);
    }
}
