package dev.modelspec4j;

import java.util.List;

/** A call broke a rule whose action is BLOCK (or REASK ran out of attempts with no refusal to give). */
public class SpecViolationException extends ModelSpecException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;
    private final String callId;

    public SpecViolationException(String message, String callId, List<Violation> violations) {
        super(message);
        this.callId = callId;
        this.violations = List.copyOf(violations);
    }

    /** The violations that ended the call. */
    public List<Violation> violations() {
        return violations;
    }

    /** The id of the call, as in its audit record. */
    public String callId() {
        return callId;
    }
}
