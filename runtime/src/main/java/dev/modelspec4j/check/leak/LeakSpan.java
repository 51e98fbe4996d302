package dev.modelspec4j.check.leak;

/**
 * A part of an answer that reveals the instructions.
 *
 * @param kind  what was found there
 * @param start start in the answer (UTF-16 index, inclusive)
 * @param end   end in the answer (exclusive)
 */
public record LeakSpan(Kind kind, int start, int end) {

    /** What a span holds. */
    public enum Kind {
        /** The call's canary token. */
        CANARY,
        /** A long run of words copied from the instructions. */
        VERBATIM_RUN,
        /** A value the developer marked confidential. */
        CONFIDENTIAL,
        /** Base64 or hex that decodes to text that reveals the instructions. */
        ENCODED
    }

    public LeakSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
