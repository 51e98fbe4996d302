package dev.modelspec4j.check.text;

import java.util.Objects;

/**
 * Text after {@link TextNormalizer}, with a map from every normalised position back to the original text, so
 * that a detector can scan the normalised form and still report (or mask) spans of what the caller wrote.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] toOriginal; // null when text == original (identity mapping)

    NormalizedText(String original, String text, int[] toOriginal) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        this.toOriginal = toOriginal;
    }

    /** The text as the caller wrote it. */
    public String original() {
        return original;
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    /** Whether normalisation changed nothing. */
    public boolean isIdentity() {
        return toOriginal == null;
    }

    /** The original index of the character at normalised index {@code index} (0 ≤ index ≤ length). */
    public int originalIndex(int index) {
        if (toOriginal == null) {
            return index;
        }
        if (index < 0 || index > text.length()) {
            throw new IndexOutOfBoundsException(index);
        }
        return toOriginal[index];
    }

    /** The original start of a normalised span. */
    public int originalStart(int start) {
        return originalIndex(start);
    }

    /**
     * The original end (exclusive) of a normalised span ending at {@code end}: just past the original character
     * that produced the last normalised character of the span.
     */
    public int originalEnd(int end) {
        if (toOriginal == null || end == 0) {
            return end;
        }
        int lastOrigin = toOriginal[end - 1];
        int next = lastOrigin + Character.charCount(original.codePointAt(lastOrigin));
        return Math.min(Math.max(next, toOriginal[end - 1] + 1), original.length());
    }

    @Override
    public String toString() {
        return text;
    }
}
