package dev.modelspec4j.stream;

import dev.modelspec4j.check.text.NormalizedText;

/**
 * A text with its normalised form (see {@code TextNormalizer}), as the hold-back reads it: lengths and the map
 * from normalised positions back to the original. Either a {@link NormalizedText} or a stream's
 * {@link GrowingText}.
 */
interface Positions {

    /** The text as received. */
    CharSequence original();

    /** The length of the normalised text. */
    int normalizedLength();

    /** The original index of normalised index {@code index} (0 ≤ index ≤ normalised length). */
    int originalIndex(int index);

    /** The original end (exclusive) of a normalised span ending at {@code end}. */
    int originalEnd(int end);

    /** {@code normalized} as positions. */
    static Positions of(NormalizedText normalized) {
        return new Positions() {
            @Override
            public CharSequence original() {
                return normalized.original();
            }

            @Override
            public int normalizedLength() {
                return normalized.text().length();
            }

            @Override
            public int originalIndex(int index) {
                return normalized.originalIndex(index);
            }

            @Override
            public int originalEnd(int end) {
                return normalized.originalEnd(end);
            }
        };
    }
}
