package dev.modelspec4j.check.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern made by {@link ForbidCheck#phrase(String)}. A match starts with the first word of the phrase, so
 * the regular expression only runs where the text starts with a character sequence that may equal that word
 * under {@code (?iu)}; there it is anchored ({@code lookingAt}) with transparent bounds, so that the
 * whole-word look-behind still sees the text before. The test is a superset of the engine's equality: a
 * position it rejects cannot start a match, so the matches are those of a {@code find()} loop.
 */
final class PhrasePattern extends ForbiddenPattern {

    private static final String FLAGS = "(?iu)";

    private final Pattern pattern;
    /** The first word up to its first surrogate (at least one character). */
    private final String prefix;
    /** For each character of {@link #prefix}, the ASCII characters that may equal it. */
    private final boolean[][] asciiEquals;
    /**
     * For each character of {@link #prefix}, the other BMP characters that may equal it; {@code null} for a
     * later character whose case mappings are not all ASCII (tested with {@link #mayEqual} then).
     */
    private final char[][] otherEquals;

    private PhrasePattern(Pattern pattern, String prefix) {
        this.pattern = pattern;
        this.prefix = prefix;
        this.asciiEquals = new boolean[prefix.length()][128];
        this.otherEquals = new char[prefix.length()][];
        for (int k = 0; k < prefix.length(); k++) {
            char p = prefix.charAt(k);
            for (char c = 0; c < 128; c++) {
                asciiEquals[k][c] = mayEqual(p, c);
            }
            otherEquals[k] = k == 0 || CaseFolds.isAsciiFold(p) ? CaseFolds.nonAsciiMayEqual(p) : null;
        }
    }

    /** The phrase pattern {@code pattern} is, or {@code null} when {@link ForbidCheck#phrase} did not make it. */
    static PhrasePattern of(Pattern pattern) {
        String regex = pattern.pattern();
        if (!regex.startsWith(FLAGS)
                || !hasOnlyInlineFlags(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) {
            return null;
        }
        String phrase = quotedWords(regex);
        if (phrase == null || phrase.isBlank() || !ForbidCheck.phrase(phrase).equals(regex)) {
            return null;
        }
        String first = phrase.strip().split("\\s+")[0];
        int surrogate = 0;
        while (surrogate < first.length() && !Character.isSurrogate(first.charAt(surrogate))) {
            surrogate++;
        }
        return surrogate == 0 ? null : new PhrasePattern(pattern, first.substring(0, surrogate));
    }

    /** The texts quoted with {@code \Q...\E} in {@code regex}, joined by spaces; {@code null} if a quote is open. */
    private static String quotedWords(String regex) {
        List<String> words = new ArrayList<>();
        int at = 0;
        for (int quote = regex.indexOf("\\Q"); quote >= 0; quote = regex.indexOf("\\Q", at)) {
            int end = regex.indexOf("\\E", quote + 2);
            if (end < 0) {
                return null;
            }
            words.add(regex.substring(quote + 2, end));
            at = end + 2;
        }
        return String.join(" ", words);
    }

    @Override
    int[] matches(String text) {
        Matches found = null;
        Matcher m = null;
        int length = text.length();
        for (int i = 0; i <= length - prefix.length(); i++) {
            if (!mayStartWithPrefix(text, i)) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            if (m.region(i, length).lookingAt() && m.end() > m.start()) {
                found = Matches.add(found, m.start(), m.end());
                i = m.end() - 1;
            }
        }
        return Matches.toArray(found);
    }

    /** Whether a match may start at {@code i}: false only when the text there cannot equal the prefix. */
    private boolean mayStartWithPrefix(String text, int i) {
        for (int k = 0; k < prefix.length(); k++) {
            char c = text.charAt(i + k);
            if (c < 128) {
                if (!asciiEquals[k][c]) {
                    return false;
                }
            } else if (Character.isSurrogate(c)) {
                // a code point may be compared whole: decide on it, and stop comparing char by char
                return mayEqual(prefix.charAt(k), text.codePointAt(i + k));
            } else if (otherEquals[k] == null ? !mayEqual(prefix.charAt(k), c) : !contains(otherEquals[k], c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(char[] chars, char c) {
        for (char x : chars) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code java.util.regex} may find {@code c} equal to {@code p} under {@code (?iu)}: it compares
     * the lower case of the upper case of both (and {@code c} itself with that of {@code p}); equal upper or
     * lower cases are accepted too, a superset that does not depend on the JDK's choice.
     */
    static boolean mayEqual(int p, int c) {
        int pUpperLower = Character.toLowerCase(Character.toUpperCase(p));
        return c == p || c == pUpperLower
                || Character.toLowerCase(Character.toUpperCase(c)) == pUpperLower
                || Character.toUpperCase(c) == Character.toUpperCase(p)
                || Character.toLowerCase(c) == Character.toLowerCase(p);
    }

    /** The non-ASCII BMP characters that may equal a character, found once by looking at all of them. */
    static final class CaseFolds {

        /** Non-ASCII, non-surrogate BMP characters one of whose case mappings is ASCII. */
        private static final char[] FOLD_TO_ASCII = foldToAscii();

        private CaseFolds() {
        }

        /** The non-ASCII, non-surrogate BMP characters {@code c} with {@code mayEqual(p, c)}. */
        static char[] nonAsciiMayEqual(char p) {
            StringBuilder equal = new StringBuilder();
            if (isAsciiFold(p)) {
                for (char c : FOLD_TO_ASCII) {
                    if (mayEqual(p, c)) {
                        equal.append(c);
                    }
                }
            } else {
                for (int c = 128; c <= Character.MAX_VALUE; c++) {
                    if (!Character.isSurrogate((char) c) && mayEqual(p, c)) {
                        equal.append((char) c);
                    }
                }
            }
            return equal.toString().toCharArray();
        }

        /** Whether all case mappings {@code mayEqual} compares of {@code p} are ASCII. */
        static boolean isAsciiFold(char p) {
            return p < 128 && Character.toUpperCase(p) < 128 && Character.toLowerCase(p) < 128
                    && Character.toLowerCase(Character.toUpperCase(p)) < 128;
        }

        private static char[] foldToAscii() {
            StringBuilder chars = new StringBuilder();
            for (int c = 128; c <= Character.MAX_VALUE; c++) {
                if (!Character.isSurrogate((char) c) && (Character.toUpperCase(c) < 128
                        || Character.toLowerCase(c) < 128 || Character.toLowerCase(Character.toUpperCase(c)) < 128)) {
                    chars.append((char) c);
                }
            }
            return chars.toString().toCharArray();
        }
    }
}
