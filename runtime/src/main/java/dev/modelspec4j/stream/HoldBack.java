package dev.modelspec4j.stream;

import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;

/**
 * Where a streamed answer may be cut: everything before the boundary is final, the rest is held back because a
 * check could still find a match in it. Windows are counted in normalised characters (see
 * {@link TextNormalizer}), the characters checks match on, so invisible characters inside a phrase do not
 * shrink the window.
 */
public final class HoldBack {

    private HoldBack() {
    }

    /**
     * The length of the prefix of {@code text} that may be released when the checks need {@code window}
     * characters of look-ahead: all but the last {@code window} normalised characters, never splitting a
     * surrogate pair. 0 for {@link OutputCheck#WHOLE_ANSWER}.
     */
    public static int releasable(String text, int window) {
        return releasable(TextNormalizer.normalize(text), window);
    }

    /** As {@link #releasable(String, int)}, for text already normalised. */
    static int releasable(NormalizedText normalized, int window) {
        return releasable(Positions.of(normalized), window);
    }

    /** As {@link #releasable(String, int)}, for text already normalised. */
    static int releasable(Positions normalized, int window) {
        CharSequence text = normalized.original();
        if (window == OutputCheck.WHOLE_ANSWER || text.length() == 0) {
            return 0;
        }
        int keep = normalized.normalizedLength() - window;
        if (keep <= 0) {
            return 0;
        }
        int boundary = normalized.originalIndex(keep);
        if (boundary > 0 && boundary < text.length() && Character.isHighSurrogate(text.charAt(boundary - 1))) {
            boundary--;
        }
        if (boundary == text.length() && Character.isHighSurrogate(text.charAt(boundary - 1))) {
            boundary--;
        }
        return boundary;
    }

    /**
     * Where a check with {@code lookAhead} reads from so that it sees the text held from {@code held} (an original
     * index) with the {@code lookAhead} normalised characters before it, the context of a match starting there;
     * {@link Integer#MAX_VALUE} when nothing is held.
     */
    static int contextStart(NormalizedText normalized, int held, int lookAhead) {
        return contextStart(Positions.of(normalized), held, lookAhead);
    }

    /** As {@link #contextStart(NormalizedText, int, int)}. */
    static int contextStart(Positions normalized, int held, int lookAhead) {
        if (held == Integer.MAX_VALUE || lookAhead == OutputCheck.WHOLE_ANSWER) {
            return Integer.MAX_VALUE;
        }
        int lo = 0;
        int hi = normalized.normalizedLength(); // the first normalised index at or past held
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (normalized.originalIndex(mid) < held) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int from = lo - Math.max(0, lookAhead) - 1;
        if (from <= 0) {
            return 0;
        }
        int index = normalized.originalIndex(from);
        return index > 0 && Character.isLowSurrogate(normalized.original().charAt(index)) ? index - 1 : index;
    }

    /**
     * The original index just past the last character of {@code text} that normalisation keeps: a match that
     * ends there may still grow or be cancelled by the next character.
     */
    static int visibleEnd(Positions normalized) {
        return normalized.originalEnd(normalized.normalizedLength());
    }
}
