package dev.modelspec4j.stream;

import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.Arrays;

/**
 * The answer of one model call as it streams in, with its normalised form kept up to date chunk by chunk:
 * normalisation works code point by code point, so normalising each new chunk and appending it gives the
 * normalised form of the whole, at a cost proportional to the chunk. A chunk that ends inside a surrogate pair
 * leaves the high surrogate to be normalised again with the next chunk. Confined to the thread with the
 * stream's turn.
 */
final class GrowingText implements Positions {

    private final StringBuilder original = new StringBuilder();
    private final StringBuilder normalized = new StringBuilder();
    /** The original index of each normalised index, and the original length at the normalised length. */
    private int[] map = new int[64];
    /** How much of the original is normalised for good: all but a trailing high surrogate. */
    private int settled;
    /** The normalised length of {@code original[0, settled)}. */
    private int settledNormalized;

    /** Appends a chunk. */
    void append(CharSequence chunk) {
        original.append(chunk);
        normalized.setLength(settledNormalized);
        NormalizedText piece = TextNormalizer.normalize(original.substring(settled));
        int n = piece.text().length();
        if (map.length < settledNormalized + n + 1) {
            map = Arrays.copyOf(map, Math.max(map.length * 2, settledNormalized + n + 1));
        }
        normalized.append(piece.text());
        for (int i = 0; i <= n; i++) {
            map[settledNormalized + i] = settled + piece.originalIndex(i);
        }
        int end = original.length();
        if (end > 0 && Character.isHighSurrogate(original.charAt(end - 1))) {
            // the pair is not complete: normalise that character again with the next chunk
            int pending = 0;
            while (pending < n && map[settledNormalized + n - 1 - pending] == end - 1) {
                pending++;
            }
            settledNormalized += n - pending;
            settled = end - 1;
        } else {
            settledNormalized += n;
            settled = end;
        }
    }

    /** Forgets everything: the next model call's answer starts. */
    void clear() {
        original.setLength(0);
        normalized.setLength(0);
        settled = 0;
        settledNormalized = 0;
    }

    /** Replaces the text (a guardrail's rewrite of a complete answer). */
    void replace(String text) {
        clear();
        append(text);
    }

    int length() {
        return original.length();
    }

    boolean isEmpty() {
        return original.length() == 0;
    }

    /** The whole text: a copy, for what must read all of it. */
    @Override
    public String toString() {
        return original.toString();
    }

    /** The text from {@code from} on. */
    String substring(int from) {
        return original.substring(from);
    }

    /** The text in {@code [from, to)}. */
    String substring(int from, int to) {
        return original.substring(from, to);
    }

    @Override
    public CharSequence original() {
        return original;
    }

    @Override
    public int normalizedLength() {
        return normalized.length();
    }

    @Override
    public int originalIndex(int index) {
        if (index < 0 || index > normalized.length()) {
            throw new IndexOutOfBoundsException(index);
        }
        return map[index];
    }

    @Override
    public int originalEnd(int end) {
        if (end == 0) {
            return 0;
        }
        int lastOrigin = map[end - 1];
        int next = lastOrigin + Character.charCount(Character.codePointAt(original, lastOrigin));
        return Math.min(Math.max(next, lastOrigin + 1), original.length());
    }
}
