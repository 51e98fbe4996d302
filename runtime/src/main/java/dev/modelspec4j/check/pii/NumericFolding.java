package dev.modelspec4j.check.pii;

/**
 * The normalised text as the finders read it: every Unicode decimal digit (Arabic-Indic {@code ٠١٢}, Devanagari
 * {@code ०१२}, ...) becomes its ASCII digit and every dash ({@code ‐ – — −}, the Unicode dash punctuation and the
 * minus sign) an ASCII {@code -}, so that {@code ٤١١١–١١١١–١١١١–١١١١} is read as {@code 4111-1111-1111-1111}.
 * NFKC (done before) leaves these characters alone. Characters outside the Basic Multilingual Plane shrink to
 * one, so offsets are mapped back when such a digit occurs.
 */
final class NumericFolding {

    /** The folded text and, where it is shorter, the index in the unfolded text of each of its characters. */
    record Folded(String text, int[] toUnfolded) {

        int unfoldedStart(int start) {
            return toUnfolded == null ? start : toUnfolded[start];
        }

        int unfoldedEnd(int end) {
            return toUnfolded == null ? end : toUnfolded[end];
        }
    }

    private NumericFolding() {
    }

    /** {@code text} folded; the same instance when it has nothing to fold. */
    static Folded fold(String text) {
        int n = text.length();
        int first = -1;
        boolean supplementary = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && folded(text.codePointAt(i)) >= 0) {
                if (first < 0) {
                    first = i;
                }
                if (Character.isHighSurrogate(c)) {
                    supplementary = true;
                    break;
                }
            }
        }
        if (first < 0) {
            return new Folded(text, null);
        }
        if (!supplementary) {
            char[] chars = text.toCharArray();
            for (int i = first; i < n; i++) {
                if (chars[i] >= 0x80) {
                    int f = folded(chars[i]);
                    if (f >= 0) {
                        chars[i] = (char) f;
                    }
                }
            }
            return new Folded(new String(chars), null);
        }
        StringBuilder out = new StringBuilder(n);
        int[] map = new int[n + 1];
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int f = cp >= 0x80 ? folded(cp) : -1;
            int width = Character.charCount(cp);
            if (f >= 0) {
                map[out.length()] = i;
                out.append((char) f);
            } else {
                for (int k = 0; k < width; k++) {
                    map[out.length()] = i + k;
                    out.append(text.charAt(i + k));
                }
            }
            i += width;
        }
        map[out.length()] = n;
        int[] exact = new int[out.length() + 1];
        System.arraycopy(map, 0, exact, 0, exact.length);
        return new Folded(out.toString(), exact);
    }

    /** The ASCII character that {@code cp} (not ASCII) is read as, or -1. */
    static int folded(int cp) {
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return '0' + Character.digit(cp, 10);
        }
        if (type == Character.DASH_PUNCTUATION || cp == 0x2212) {
            return '-';
        }
        return -1;
    }

    /** {@code value} with its digits and dashes folded, for comparing values. */
    static String foldValue(String value) {
        return fold(value).text();
    }
}
