package dev.modelspec4j.check;

import java.util.List;

/**
 * A check on the model's answer. Implementations are immutable and thread-safe; an instance is shared by every
 * call of the assistant. Return an empty list when the answer passes.
 */
@FunctionalInterface
public interface OutputCheck {

    List<Finding> check(String answer);

    /**
     * Checks the answer with what is known about the call; checks that need the instructions or the canary
     * override this one. The engine always calls this method.
     */
    default List<Finding> check(String answer, CheckContext context) {
        return check(answer);
    }

    /** Whether the spans of its findings can be masked (the check supports REDACT). */
    default boolean supportsRedaction() {
        return false;
    }
}
