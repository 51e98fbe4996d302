package dev.modelspec4j.check.injection;

import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The normalisation that injection rules need on top of {@link TextNormalizer}, in three linear passes:
 *
 * <ol>
 *   <li><b>fold</b>: lower case; Cyrillic and Greek letters that look like Latin ones become those Latin letters
 *       ({@code "іgnоrе"} written with Cyrillic {@code і, о, е}); accents are dropped ({@code précédentes →
 *       precedentes}, {@code ü → u}); {@code ß → ss}; typographic quotes and dashes become ASCII;</li>
 *   <li><b>leetspeak, lightly</b>: in a word of at least two letters that has digits or signs standing for letters
 *       ({@code 0 1 3 4 5 7 @ $}) at its start or between letters, those become letters
 *       ({@code 1gn0r3 → ignore}); numbers, hex identifiers, names with trailing digits ({@code base64},
 *       {@code mp3}) and words with a single letter ({@code 4k}, {@code 2nd}) are left alone;</li>
 *   <li><b>spacing</b>: letters written one by one with a single separator ({@code "i g n o r e"},
 *       {@code "i.g.n.o.r.e"}) are joined when there are at least three of them; any other run of white space
 *       becomes one space, or one line break if it contains one.</li>
 * </ol>
 *
 * The result keeps a map back to the original text. Stateless and thread-safe.
 */
public final class InjectionNormalizer {

    private static final int TABLE_END = 0x0530;
    /** Single-character folds for U+0080..U+052F; 0 means "lower-case it". */
    private static final char[] FOLD = buildFoldTable();
    private static final int MIN_SPACED_LETTERS = 3;
    /**
     * Latin small capitals U+1D00..U+1D22 as the letters they look like (Unicode TR39 confusables; NFKC keeps them):
     * a space where a character has no plain look-alike.
     */
    private static final String SMALL_CAPITALS = "a  bcd e  jklmno        pr tu   vwz";

    private InjectionNormalizer() {
    }

    /** Normalises {@code input} with {@link TextNormalizer} first, then with the passes above. */
    public static ScanText normalize(String input) {
        return normalize(TextNormalizer.normalize(input));
    }

    /** Applies the passes above to text that {@link TextNormalizer} has already normalised. */
    public static ScanText normalize(NormalizedText normalized) {
        String s = normalized.text();
        int n = s.length();
        if (normalized.isIdentity()) {
            // plain ASCII: lower case in place, and every position maps to itself
            char[] folded = s.toCharArray();
            boolean digits = false;
            for (int i = 0; i < n; i++) {
                char c = folded[i];
                if (c >= 'A' && c <= 'Z') {
                    folded[i] = (char) (c + 32);
                } else if (c <= '9') {
                    digits |= c >= '0' || c == '$';
                } else if (c == '@') {
                    digits = true;
                }
            }
            unescapeLineBreaks(folded, n);
            if (digits) {
                foldLeetspeak(folded, n);
            }
            return joinSpacing(normalized, folded, null, n);
        }
        // a character folds to at most two (ß -> ss), so these never grow
        char[] folded = new char[2 * n + 1];
        int[] map = new int[2 * n + 2];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            map[len] = i;
            if (c < 0x80) {
                folded[len++] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
                continue;
            }
            if (c >= 0x0300 && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // combining marks (accents, strike-through, underline) are dropped, as accents are
            }
            String expansion = expansion(c);
            if (expansion != null) {
                folded[len++] = expansion.charAt(0);
                map[len] = i;
                folded[len++] = expansion.charAt(1);
                continue;
            }
            folded[len++] = fold(c);
        }
        map[len] = n;
        unescapeLineBreaks(folded, len);
        foldLeetspeak(folded, len);
        return joinSpacing(normalized, folded, map, len);
    }

    /** Folds one character: look-alike to Latin, accent dropped, lower case. */
    static char fold(char c) {
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        if (c < TABLE_END && FOLD[c] != 0) {
            return FOLD[c];
        }
        if (c >= 0x1D00 && c <= 0x1D22) {
            char small = SMALL_CAPITALS.charAt(c - 0x1D00);
            if (small != ' ') {
                return small;
            }
        }
        return switch (c) {
            case '\uA730' -> 'f';
            case '\uA731' -> 's';
            case '\u0585' -> 'o';
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            default -> Character.toLowerCase(c);
        };
    }

    static String expansion(char c) {
        return switch (c) {
            case '\u00DF' -> "ss";
            case '\u00C6', '\u00E6' -> "ae";
            case '\u0152', '\u0153' -> "oe";
            default -> null;
        };
    }

    /**
     * In place: a JSON or code escape for a line break or tab ({@code \\n}, {@code \\r}, {@code \\t}) written out
     * in text, as tool results and serialised documents carry them, becomes two spaces, so that the next word starts
     * a word again ({@code "milk.\\nIgnore"}). One char for one: positions do not move.
     */
    private static void unescapeLineBreaks(char[] a, int len) {
        for (int i = 0; i + 2 < len; i++) {
            if (a[i] == '\\' && (a[i + 1] == 'n' || a[i + 1] == 'r' || a[i + 1] == 't')
                    && (i == 0 || a[i - 1] != '\\')) {
                a[i] = ' ';
                a[i + 1] = ' ';
                i++;
            }
        }
    }

    private static boolean isLetter(char c) {
        return CharClasses.is(c, CharClasses.LOWER);
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }

    private static boolean isWordChar(char c) {
        return CharClasses.is(c, CharClasses.LOWER | CharClasses.DIGIT | CharClasses.LEET_SIGN);
    }

    /** In place: inside words of two or more letters, leetspeak digits become letters. */
    private static void foldLeetspeak(char[] a, int len) {
        int i = 0;
        while (i < len) {
            if (leet(a[i]) == 0) {
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && isWordChar(a[start - 1])) {
                start--;
            }
            int end = i;
            int letters = 0;
            for (int k = start; k < i; k++) {
                letters += isLetter(a[k]) ? 1 : 0;
            }
            while (end < len && isWordChar(a[end])) {
                letters += isLetter(a[end]) ? 1 : 0;
                end++;
            }
            if (letters >= 2 && looksLeet(a, start, end) && !containsAtBetweenLetters(a, start, end)
                    && !isHexId(a, start, end)) {
                for (int k = start; k < end; k++) {
                    char l = leet(a[k]);
                    if (l != 0) {
                        a[k] = l;
                    }
                }
            }
            i = end;
        }
    }

    /**
     * Whether a word writes letters as digits: it starts with leetspeak characters followed by a letter
     * ({@code 1nstructions}), or has some between two letters ({@code pr3v10us}). Trailing digits are a name or a
     * version ({@code base64}, {@code mp3}, {@code utf8}), not leetspeak.
     */
    private static boolean looksLeet(char[] a, int start, int end) {
        int k = start;
        while (k < end && leet(a[k]) != 0) {
            k++;
        }
        if (k > start && k < end && isLetter(a[k])) {
            return true;
        }
        for (int j = start + 1; j < end; j++) {
            if (leet(a[j]) != 0 && isLetter(a[j - 1])) {
                int runEnd = j;
                while (runEnd < end && leet(a[runEnd]) != 0) {
                    runEnd++;
                }
                if (runEnd < end && isLetter(a[runEnd])) {
                    return true;
                }
                j = runEnd;
            }
        }
        return false;
    }

    /** Hex identifiers (hashes, tokens) are not words: their digits stay digits. */
    private static boolean isHexId(char[] a, int start, int end) {
        if (end - start < 8) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = a[k];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAtBetweenLetters(char[] a, int start, int end) {
        for (int k = start + 1; k < end - 1; k++) {
            if (a[k] == '@' && k + 1 < end && a[k + 1] != '@') {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return CharClasses.is(c, CharClasses.SEPARATOR);
    }

    private static boolean isSpace(char c) {
        return CharClasses.is(c, CharClasses.SPACE);
    }

    /**
     * Joins spaced-out letters and collapses white space, composing the position map. Works in place: the output
     * never gets ahead of the input ({@code o <= i}), and the one character read behind, {@code a[i - 1]}, is
     * still the input's while {@code o < i} (and equal to it while {@code o == i}).
     */
    private static ScanText joinSpacing(NormalizedText base, char[] a, int[] map, int len) {
        if (map == null && !needsJoining(a, len)) {
            return new ScanText(base, a, len, null, null);
        }
        char[] out = a;
        // plain ASCII (map == null): positions only shift where white space collapses, so keep the shifts;
        // otherwise compose the full map
        int[] outMap = map == null ? null : new int[len + 1];
        ScanText.Shifts shifts = map == null ? new ScanText.Shifts() : null;
        int shifted = 0; // with shifts: the shift last noted for a plain character
        int o = 0;
        int i = 0;
        while (i < len) {
            char c = a[i];
            if (isLetter(c) && (i == 0 || !isWordChar(a[i - 1])) && i + 1 < len && isSeparator(a[i + 1])) {
                int run = spacedRunEnd(a, len, i);
                if (run > 0) {
                    for (int k = i; k < run; k += 2) {
                        record(outMap, shifts, map, o, k);
                        out[o++] = a[k];
                    }
                    i = run;
                    continue;
                }
            }
            if (isSpace(c)) {
                int start = i;
                boolean newline = false;
                while (i < len && isSpace(a[i])) {
                    newline |= a[i] == '\n';
                    i++;
                }
                record(outMap, shifts, map, o, start);
                out[o++] = newline ? '\n' : ' ';
                continue;
            }
            if (outMap != null) {
                outMap[o] = map[i];
            } else if (o != i - shifted) {
                shifted = i - o; // the first character after a collapsed run
                shifts.note(o, i);
            }
            out[o++] = c;
            i++;
        }
        record(outMap, shifts, map, o, len);
        if (outMap == null) {
            return new ScanText(base, out, o, null, shifts);
        }
        return new ScanText(base, out, o, o == len ? outMap : Arrays.copyOf(outMap, o + 1), null);
    }

    /** Scan position {@code o} comes from position {@code source} of the folded text. */
    private static void record(int[] outMap, ScanText.Shifts shifts, int[] map, int o, int source) {
        if (outMap == null) {
            shifts.note(o, source);
        } else {
            outMap[o] = map[source];
        }
    }

    /** Whether {@link #joinSpacing} would change anything: a white-space run to collapse or letters to join. */
    private static boolean needsJoining(char[] a, int len) {
        for (int i = 0; i < len; i++) {
            char c = a[i];
            if (c == ' ') {
                if (i + 1 < len && isSpace(a[i + 1])) {
                    return true;
                }
            } else if (isSpace(c)) {
                if (c != '\n' || (i + 1 < len && isSpace(a[i + 1]))) {
                    return true;
                }
            } else if (isLetter(c) && i + 1 < len && isSeparator(a[i + 1]) && (i == 0 || !isWordChar(a[i - 1]))
                    && spacedRunEnd(a, len, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * If single letters separated by one and the same separator start at {@code i} (at least
     * {@link #MIN_SPACED_LETTERS} of them), the index just past the last letter; otherwise -1.
     */
    private static int spacedRunEnd(char[] a, int len, int i) {
        if (i + 1 >= len || !isSeparator(a[i + 1])) {
            return -1;
        }
        char sep = a[i + 1];
        int count = 1;
        int k = i;
        while (k + 2 < len && a[k + 1] == sep && isLetter(a[k + 2])
                && (k + 3 >= len || !isWordChar(a[k + 3]))) {
            k += 2;
            count++;
        }
        return count >= MIN_SPACED_LETTERS ? k + 1 : -1;
    }

    private static char[] buildFoldTable() {
        char[] table = new char[TABLE_END];
        // Latin letters with diacritics: keep the base letter
        for (char c = 0x00C0; c < 0x0250; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char first = decomposed.charAt(0);
            if (first < 0x80 && Character.isLetter(first)) {
                table[c] = Character.toLowerCase(first);
            }
        }
        table['\u00D8'] = 'o';
        table['\u00F8'] = 'o';
        table['\u0141'] = 'l';
        table['\u0142'] = 'l';
        table['\u0131'] = 'i';
        // small capitals and other Latin look-alikes in the IPA block (Unicode TR39 confusables)
        String lookAlikes = "\u0262g\u026Ai\u0274n\u0280r\u028Fy\u0299b\u029Ch\u029Fl\u0251a\u0261g\u0269i\u028Bv"
                + "\u0276o\u0281r";
        for (int k = 0; k < lookAlikes.length(); k += 2) {
            table[lookAlikes.charAt(k)] = lookAlikes.charAt(k + 1);
        }
        // Cyrillic and Greek look-alikes of Latin letters (upper and lower case)
        String pairs = "\u0430a\u0410a\u0432b\u0412b\u0435e\u0415e\u0451e\u0401e\u043Ak\u041Ak\u043Cm\u041Cm"
                + "\u043Dh\u041Dh\u043Eo\u041Eo\u0440p\u0420p\u0441c\u0421c\u0442t\u0422t\u0443y\u0423y"
                + "\u0445x\u0425x\u0456i\u0406i\u0457i\u0407i\u0458j\u0408j\u0455s\u0405s\u0501d\u0500d"
                + "\u051Bq\u051Aq\u051Dw\u051Cw\u04BBh\u04BAh\u0433r\u044Cb"
                + "\u03B1a\u0391a\u0392b\u03B5e\u0395e\u0396z\u0397h\u03B7n\u03B9i\u0399i\u03BAk\u039Ak"
                + "\u039Cm\u03BDv\u039Dn\u03BFo\u039Fo\u03C1p\u03A1p\u03C4t\u03A4t\u03C5u\u03A5y\u03C7x\u03A7x"
                + "\u03F2c\u03F9c\u03F3j\u03C9w";
        for (int k = 0; k < pairs.length(); k += 2) {
            table[pairs.charAt(k)] = pairs.charAt(k + 1);
        }
        return table;
    }
}
