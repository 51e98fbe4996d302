package dev.modelspec4j.check.injection;

import dev.modelspec4j.check.text.NormalizedText;

/**
 * The form of a text that the injection rules read (see {@link InjectionNormalizer}), with a map from every
 * position back to the text the caller passed in.
 */
public final class ScanText {

    private final NormalizedText base;
    private final String text;
    private final char[] chars; // the same characters as text (at least text.length() of them); never modified
    private final int[] toBase; // scan index -> index in base.text(), length text.length() + 1; or null
    private final Shifts shifts; // when toBase is null: where positions shift; both null: identity

    ScanText(NormalizedText base, char[] chars, int length, int[] toBase, Shifts shifts) {
        this.base = base;
        this.text = new String(chars, 0, length);
        this.chars = chars;
        this.toBase = toBase;
        this.shifts = shifts;
    }

    /**
     * A sparse position map for text whose characters are kept or dropped but never expanded: from scan position
     * {@code at[k]} on, the base position is the scan position plus {@code by[k]}. One entry per collapsed run of
     * white space instead of one int per character.
     */
    static final class Shifts {
        private int[] at = new int[8];
        private int[] by = new int[8];
        private int size;
        private int current;

        /** Scan position {@code position} comes from base position {@code source}. */
        void note(int position, int source) {
            int shift = source - position;
            if (shift == current) {
                return;
            }
            if (size == at.length) {
                at = java.util.Arrays.copyOf(at, size * 2);
                by = java.util.Arrays.copyOf(by, size * 2);
            }
            at[size] = position;
            by[size++] = shift;
            current = shift;
        }

        int toBase(int position) {
            int low = 0;
            int high = size;
            while (low < high) { // the first entry after position
                int mid = (low + high) >>> 1;
                if (at[mid] <= position) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return position + (low == 0 ? 0 : by[low - 1]);
        }
    }

    private int toBase(int index) {
        if (toBase != null) {
            return toBase[index];
        }
        return shifts == null ? index : shifts.toBase(index);
    }

    /** The characters of {@link #text()}, for loops that are faster on an array; do not modify. */
    char[] chars() {
        return chars;
    }

    /** The folded text: lower case, Latin look-alikes, no accents, single spaces. */
    public String text() {
        return text;
    }

    /** The text as the caller wrote it. */
    public String original() {
        return base.original();
    }

    /** The original index of the scan position {@code index} (0 ≤ index ≤ length). */
    public int originalStart(int index) {
        return base.originalStart(toBase(index));
    }

    /** The original end (exclusive) of a scan span that ends at {@code end}. */
    public int originalEnd(int end) {
        if (end == 0) {
            return base.originalStart(0);
        }
        return base.originalEnd(toBase(end - 1) + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
