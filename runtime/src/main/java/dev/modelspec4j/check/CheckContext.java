package dev.modelspec4j.check;

import java.util.List;

/**
 * What a check may know about the call it runs in, beyond the text it checks. Built once per call by the
 * engine; never shared between calls.
 *
 * @param instructions the instructions sent to the model (system message, notices), or empty
 * @param canary the call's canary token placed in the instructions, or null when none was placed
 * @param boundary the call's boundary of untrusted data blocks, or null when the call has none
 * @param confidential values of this call that an answer must never contain, not even on their own (the values of
 *                     template variables and the spans of the instructions marked confidential); empty when none
 */
public record CheckContext(String instructions, String canary, String boundary, List<String> confidential) {

    /** A context with nothing in it, for checks run outside a call. */
    public static final CheckContext NONE = new CheckContext("", null, null);

    public CheckContext {
        instructions = instructions == null ? "" : instructions;
        confidential = confidential == null ? List.of() : List.copyOf(confidential);
    }

    /** A context without confidential values. */
    public CheckContext(String instructions, String canary, String boundary) {
        this(instructions, canary, boundary, List.of());
    }
}
