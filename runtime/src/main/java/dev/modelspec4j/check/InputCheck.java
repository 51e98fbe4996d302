package dev.modelspec4j.check;

import java.util.List;

/**
 * A check on what goes to the model, run before the model is called: a blocked input never reaches it.
 * Implementations are immutable and thread-safe. Return an empty list when the input passes.
 */
@FunctionalInterface
public interface InputCheck {

    /**
     * @param text the text of one input part
     * @param part which part it is: the user's message or an untrusted block
     */
    List<Finding> check(String text, InputPart part);

    /**
     * Checks one input part with what is known about the call (e.g. the boundary of untrusted blocks); the
     * engine always calls this method.
     */
    default List<Finding> check(String text, InputPart part, CheckContext context) {
        return check(text, part);
    }

    /** The parts of a call's input. */
    enum InputPart {
        /** The user's own message. */
        USER,
        /** An argument of an {@code @Untrusted} parameter. */
        UNTRUSTED
    }
}
