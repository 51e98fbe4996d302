package dev.modelspec4j.check;

import java.util.List;

/**
 * A check on the model's answer. Implementations are immutable and thread-safe; an instance is shared by every
 * call of the assistant. Return an empty list when the answer passes.
 */
@FunctionalInterface
public interface OutputCheck {

    /** {@link #lookAhead()} of a check that can only judge the whole answer. */
    int WHOLE_ANSWER = Integer.MAX_VALUE;

    List<Finding> check(String answer);

    /**
     * Checks the answer with what is known about the call; checks that need the instructions or the canary
     * override this one. The engine always calls this method.
     */
    default List<Finding> check(String answer, CheckContext context) {
        return check(answer);
    }

    /**
     * How many characters of look-ahead the check needs on a stream, counted on the normalised text (see
     * {@code TextNormalizer}): any match it can still find in a growing answer, with the context that decides the
     * match, lies within the last {@code lookAhead()} characters. A streamed answer holds back the largest
     * look-ahead of its checks (more only while a {@link #watch} holds a match that is still open) and releases the
     * rest; mid-stream, a check with a look-ahead may be given only the
     * tail of the answer that can still hold a new match. 0 means the check judges every prefix as it stands (a
     * length limit triggers when passed); {@link #WHOLE_ANSWER}, the default, means it can only judge the
     * complete answer, so a stream must buffer it.
     */
    default int lookAhead() {
        return WHOLE_ANSWER;
    }

    /**
     * A companion for one streamed answer of a call, for what the look-ahead cannot cover: a score over the whole
     * answer so far, or a match that may grow longer than the look-ahead. Called once per call that streams without
     * buffering, and read mid-stream only, after {@link #check(String, CheckContext)} on the tail (so only for checks
     * with a bounded look-ahead); the complete answer is still judged by {@link #check(String, CheckContext)}. {@code context} is null
     * when the call gives the checks none. The default watches nothing.
     */
    default StreamWatch watch(CheckContext context) {
        return null;
    }

    /** Whether the spans of its findings can be masked (the check supports REDACT). */
    default boolean supportsRedaction() {
        return false;
    }
}
