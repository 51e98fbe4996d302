package dev.modelspec4j.check.leak;

import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * How the instruction-privacy check reads a text: as words, the same way for the instructions and for the answer,
 * so that what a model does to a copy does not hide it.
 *
 * <ul>
 *   <li>{@link TextNormalizer} first (NFKC, invisible characters removed, every space an ASCII space);</li>
 *   <li>each character folded: lower case, accents dropped, Cyrillic and Greek look-alikes of Latin letters read
 *       as those letters;</li>
 *   <li>a word is a run of letters, digits, {@code @} and {@code $}; in a word with letters, and in a word of one
 *       character, the leetspeak signs {@code 0 1 3 4 5 7 8 @ $} stand for {@code o i e a s t b a s}
 *       ({@code "Y0u 4r3 @ b0t"} reads {@code you are a bot}); numbers are left alone;</li>
 *   <li>{@code l} and {@code i} count as one letter (so that {@code 1} may stand for either) when words are
 *       compared: see {@link #same(char)}.</li>
 * </ul>
 *
 * Linear in the text; plain ASCII is read in place. Stateless and thread-safe.
 */
final class LeakWords {

    /** Receives the words of a text, in order. */
    interface Sink {
        /**
         * One word.
         *
         * @param word  its folded characters, {@code word[0 .. length)} (the array is reused: copy what you keep)
         * @param hash  {@link #hash hash(word, length, false)}
         * @param start original start (UTF-16 index)
         * @param end   original end (exclusive)
         */
        void word(char[] word, int length, long hash, int start, int end);
    }

    private static final int TABLE_END = 0x0530;
    private static final char[] FOLD = buildFoldTable();
    /** For ASCII: the letter a leetspeak sign stands for ({@code 4 -> a}), or 0. */
    private static final char[] LEET = buildLeetTable();
    /** For ASCII: the folded character of a word, or 0 for a character between words. */
    private static final char[] ASCII = buildAsciiTable();
    private static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private LeakWords() {
    }

    /**
     * Reads the words of {@code text} into {@code sink}.
     *
     * @param open whether the text may go on (a stream): then a word that reaches the end of the text is not given
     * @return the original start of the word held back when {@code open}, else the length of the text
     */
    static int read(String text, boolean open, Sink sink) {
        return isAscii(text) ? readAscii(text, open, sink) : read(TextNormalizer.normalize(text), open, sink);
    }

    /** Whether {@code text} is plain ASCII: read in place, and free of invisible characters. */
    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@link #read} of a text that {@link #isAscii} is. */
    static int readAscii(String text, boolean open, Sink sink) {
        int n = text.length();
        // plain ASCII: read in place, every position its own
        char[] word = new char[Math.min(n, 64) + 1];
        int i = 0;
        while (i < n) {
            char c = ASCII[text.charAt(i)];
            if (c == 0) {
                i++;
                continue;
            }
            int start = i;
            int length = 0;
            boolean letters = false;
            boolean leet = false;
            long plain = FNV_BASIS;
            long mapped = FNV_BASIS;
            do {
                if (length == word.length) {
                    word = Arrays.copyOf(word, length * 2);
                }
                word[length++] = c;
                char l = LEET[c];
                if (l != 0) {
                    leet = true;
                    mapped = (mapped ^ same(l)) * FNV_PRIME;
                } else {
                    letters |= c > '9';
                    mapped = (mapped ^ same(c)) * FNV_PRIME;
                }
                plain = (plain ^ same(c)) * FNV_PRIME;
                i++;
            } while (i < n && (c = ASCII[text.charAt(i)]) != 0);
            if (open && i == n) {
                return start;
            }
            boolean map = leet && (letters || length == 1);
            if (map) {
                mapLeet(word, length);
            }
            sink.word(word, length, map ? mapped : plain, start, i);
        }
        return n;
    }

    private static int read(NormalizedText normalized, boolean open, Sink sink) {
        String s = normalized.text();
        int n = s.length();
        char[] word = new char[Math.min(n, 64) + 1];
        int i = 0;
        while (i < n) {
            char c = fold(s.charAt(i));
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            int length = 0;
            boolean letters = false;
            boolean leet = false;
            while (true) {
                if (length == word.length) {
                    word = Arrays.copyOf(word, length * 2);
                }
                word[length++] = c;
                if (leet(c) != 0) {
                    leet = true;
                } else if (c > '9') {
                    letters = true;
                }
                i++;
                if (i == n) {
                    break;
                }
                c = fold(s.charAt(i));
                if (!isWordChar(c)) {
                    break;
                }
            }
            if (open && i == n) {
                return normalized.originalStart(start);
            }
            if (leet && (letters || length == 1)) {
                mapLeet(word, length);
            }
            sink.word(word, length, hash(word, length, false), normalized.originalStart(start),
                    normalized.originalEnd(i));
        }
        return normalized.original().length();
    }

    private static void mapLeet(char[] word, int length) {
        for (int k = 0; k < length; k++) {
            char l = leet(word[k]);
            if (l != 0) {
                word[k] = l;
            }
        }
    }

    /** The folded form of {@code text}'s words, each followed by one space: what confidential values are. */
    static String canonical(String text) {
        StringBuilder out = new StringBuilder(text.length() + 1);
        read(text, false, (word, length, hash, start, end) -> out.append(word, 0, length).append(' '));
        return out.toString();
    }

    /** The character as words are compared: {@code l} and {@code i} are one. */
    static char same(char c) {
        return c == 'l' ? 'i' : c;
    }

    /** ROT13 of a folded character; anything but {@code a-z} stays. */
    static char rot13(char c) {
        return c >= 'a' && c <= 'z' ? (char) ((c - 'a' + 13) % 26 + 'a') : c;
    }

    /** The hash of a word as compared (FNV-1a over {@link #same} characters), or of its ROT13 form. */
    static long hash(char[] word, int length, boolean rot13) {
        long h = FNV_BASIS;
        for (int k = 0; k < length; k++) {
            char c = rot13 ? rot13(word[k]) : word[k];
            h = (h ^ same(c)) * FNV_PRIME;
        }
        return h;
    }

    /** Lower case, without accents, look-alikes as Latin letters. */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return c < TABLE_END ? FOLD[c] : Character.toLowerCase(c);
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '$';
        }
        return Character.isLetterOrDigit(c);
    }

    /** The letter a leetspeak sign stands for, or 0. */
    static char leet(char c) {
        return c < 0x80 ? LEET[c] : 0;
    }

    private static char[] buildAsciiTable() {
        char[] table = new char[0x80];
        for (char c = 0; c < 0x80; c++) {
            char f = fold(c);
            table[c] = isWordChar(f) ? f : 0;
        }
        return table;
    }

    private static char[] buildLeetTable() {
        char[] table = new char[0x80];
        String pairs = "0o1i3e4a5s7t8b@a$s";
        for (int k = 0; k < pairs.length(); k += 2) {
            table[pairs.charAt(k)] = pairs.charAt(k + 1);
        }
        return table;
    }

    private static char[] buildFoldTable() {
        String[] lookAlikes = {
            // Cyrillic
            "\u0430a", "\u0432b", "\u0435e", "\u0451e", "\u043ak", "\u043eo", "\u0440p", "\u0441c", "\u0443y",
            "\u0445x", "\u0456i", "\u0457i", "\u0458j", "\u0455s", "\u0501d", "\u051bq", "\u051dw", "\u04bbh",
            "\u04cfl", "\u043cm", "\u043dh", "\u0442t",
            // Greek
            "\u03b1a", "\u03b2b", "\u03b5e", "\u03b9i", "\u03bak", "\u03bdv", "\u03bfo", "\u03c1p", "\u03c4t",
            "\u03c5u", "\u03c7x", "\u03b7n", "\u03bcu", "\u03c9w",
        };
        char[] latin = new char[TABLE_END];
        for (String pair : lookAlikes) {
            latin[pair.charAt(0)] = pair.charAt(1);
        }
        char[] table = new char[TABLE_END];
        for (char c = 0; c < TABLE_END; c++) {
            char lower = Character.toLowerCase(c);
            if (lower < TABLE_END && latin[lower] != 0) {
                table[c] = latin[lower];
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            char base = decomposed.isEmpty() ? lower : decomposed.charAt(0);
            table[c] = base < 0x80 && Character.isLetter(base) ? (char) Character.toLowerCase(base) : lower;
        }
        return table;
    }
}
