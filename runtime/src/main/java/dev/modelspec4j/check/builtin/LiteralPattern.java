package dev.modelspec4j.check.builtin;

import java.util.regex.Pattern;

/**
 * A pattern that is plain text, optionally after {@code (?i)}: letters, digits, spaces and punctuation that is
 * no regular-expression syntax. Found with {@link String#indexOf(String, int)}, or, under {@code (?i)} (which
 * folds ASCII letters only), by looking for its rarest character in either case with
 * {@link String#indexOf(int, int)} and comparing the rest around each occurrence as {@code java.util.regex}
 * does: a character equals a pattern character when both are the same once ASCII upper-case letters are
 * lowered; no other character folds.
 */
final class LiteralPattern extends ForbiddenPattern {

    private static final String CASE_INSENSITIVE = "(?i)";
    /** Punctuation that stands for itself in a regular expression without flags other than {@code (?i)}. */
    private static final String PLAIN_PUNCTUATION = " !\"#%&',-/:;<=>@_`~";
    /** Letters from the most to the least frequent in English; other characters count as rarer, but space. */
    private static final String LETTER_FREQUENCY = " etaoinshrdlcumwfgypbvkjxqz";

    private final String literal;
    private final boolean ignoreAsciiCase;
    /** The literal with ASCII letters lowered. */
    private final char[] folded;
    /** Where in the literal its rarest character is. */
    private final int anchor;

    private LiteralPattern(String literal, boolean ignoreAsciiCase) {
        this.literal = literal;
        this.ignoreAsciiCase = ignoreAsciiCase;
        this.folded = new char[literal.length()];
        int rarest = 0;
        for (int k = 0; k < folded.length; k++) {
            folded[k] = fold(literal.charAt(k));
            if (frequency(folded[k]) < frequency(folded[rarest])) {
                rarest = k;
            }
        }
        this.anchor = rarest;
    }

    /** How frequent a (folded) character is in English text, by rank: higher is more frequent. */
    private static int frequency(char folded) {
        int rank = LETTER_FREQUENCY.indexOf(folded);
        return rank < 0 ? -1 : LETTER_FREQUENCY.length() - rank;
    }

    /** The literal {@code pattern} stands for, or {@code null} when it is not unambiguously a literal. */
    static LiteralPattern of(Pattern pattern) {
        String literal = pattern.pattern();
        boolean ignoreCase = literal.startsWith(CASE_INSENSITIVE);
        if (ignoreCase) {
            literal = literal.substring(CASE_INSENSITIVE.length());
        }
        if (!hasOnlyInlineFlags(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0) || literal.isEmpty()) {
            return null;
        }
        for (int k = 0; k < literal.length(); k++) {
            char c = literal.charAt(k);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PLAIN_PUNCTUATION.indexOf(c) >= 0;
            if (!plain) {
                return null;
            }
        }
        return new LiteralPattern(literal, ignoreCase);
    }

    @Override
    int[] matches(String text) {
        return ignoreAsciiCase ? matchesIgnoringAsciiCase(text) : matchesExactly(text);
    }

    private int[] matchesExactly(String text) {
        Matches found = null;
        for (int start = text.indexOf(literal); start >= 0; start = text.indexOf(literal, start + literal.length())) {
            found = Matches.add(found, start, start + literal.length());
        }
        return Matches.toArray(found);
    }

    private int[] matchesIgnoringAsciiCase(String text) {
        Matches found = null;
        char lower = folded[anchor];
        char upper = lower >= 'a' && lower <= 'z' ? (char) (lower - ('a' - 'A')) : lower;
        // the next occurrences of the rarest character in either case; -1 when there is none
        int nextLower = text.indexOf(lower, anchor);
        int nextUpper = upper == lower ? -1 : text.indexOf(upper, anchor);
        int last = text.length() - folded.length;
        while (nextLower >= 0 || nextUpper >= 0) {
            boolean isLower = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper);
            int start = (isLower ? nextLower : nextUpper) - anchor;
            if (start > last) {
                break;
            }
            int from = start + 1;
            if (matchesAt(text, start)) {
                found = Matches.add(found, start, start + folded.length);
                from = start + folded.length;
            }
            if (nextLower >= 0 && nextLower < from + anchor) {
                nextLower = text.indexOf(lower, from + anchor);
            }
            if (nextUpper >= 0 && nextUpper < from + anchor) {
                nextUpper = text.indexOf(upper, from + anchor);
            }
        }
        return Matches.toArray(found);
    }

    /** Whether the literal occurs at {@code start}, ASCII case ignored. */
    private boolean matchesAt(String text, int start) {
        for (int k = 0; k < folded.length; k++) {
            if (fold(text.charAt(start + k)) != folded[k]) {
                return false;
            }
        }
        return true;
    }

    /** The character with an ASCII upper-case letter lowered: {@code java.util.regex}'s {@code ASCII.toLower}. */
    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
