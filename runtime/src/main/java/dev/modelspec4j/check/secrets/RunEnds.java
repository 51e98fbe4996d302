package dev.modelspec4j.check.secrets;

/**
 * Where a run of characters of one class ends, for queries at positions that (nearly) never go back: the last
 * run found is remembered, so a query inside it costs nothing and every character is read about once per
 * instance. The token matchers use one instance per class and per part of a format, which keeps their look-ahead
 * linear however densely anchors that fail are packed.
 */
final class RunEnds {

    private final String text;
    private final boolean[] ascii;
    private final boolean nonAscii;
    private final long[] work;
    /** Every character in {@code [from, end)} is in the class, the one at {@code end} (if any) is not. */
    private int from = -1;
    private int end = -1;

    /**
     * @param ascii     which ASCII characters are in the class
     * @param nonAscii  whether the other characters are
     * @param work      a counter of the characters read, shared by the instances of one scan
     */
    RunEnds(String text, boolean[] ascii, boolean nonAscii, long[] work) {
        this.text = text;
        this.ascii = ascii;
        this.nonAscii = nonAscii;
        this.work = work;
    }

    /** The first position from {@code p} whose character is outside the class, or the text's length. */
    int end(int p) {
        if (from >= 0 && p >= from && p <= end) {
            return end;
        }
        int n = text.length();
        int j = p;
        while (j < n && in(text.charAt(j))) {
            if (j == from) {
                j = end;
                break;
            }
            j++;
        }
        work[0] += j - p + 1;
        from = p;
        end = j;
        return j;
    }

    private boolean in(char c) {
        return c < 128 ? ascii[c] : nonAscii;
    }

    /** A table of the ASCII characters in {@code ranges}, given as pairs of first and last character. */
    static boolean[] table(String ranges) {
        boolean[] table = new boolean[128];
        for (int k = 0; k < ranges.length(); k += 2) {
            for (char c = ranges.charAt(k); c <= ranges.charAt(k + 1); c++) {
                table[c] = true;
            }
        }
        return table;
    }

    /** The complement of {@code table} within ASCII. */
    static boolean[] not(boolean[] table) {
        boolean[] out = new boolean[128];
        for (int c = 0; c < 128; c++) {
            out[c] = !table[c];
        }
        return out;
    }
}
