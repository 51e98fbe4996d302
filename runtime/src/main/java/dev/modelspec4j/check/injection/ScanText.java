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
    private final int[] toBase; // scan index -> index in base.text(), length text.length() + 1; null: identity

    ScanText(NormalizedText base, char[] chars, int length, int[] toBase) {
        this.base = base;
        this.text = new String(chars, 0, length);
        this.chars = chars;
        this.toBase = toBase;
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
        return base.originalStart(toBase == null ? index : toBase[index]);
    }

    /** The original end (exclusive) of a scan span that ends at {@code end}. */
    public int originalEnd(int end) {
        if (end == 0) {
            return base.originalStart(0);
        }
        return base.originalEnd((toBase == null ? end - 1 : toBase[end - 1]) + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
