package dev.modelspec4j;

/**
 * A call asked, through {@link SpecContext}, to relax a rule that the spec does not let the end user change.
 * The model is not called; the attempt is audited.
 */
public class SpecOverrideException extends ModelSpecException {

    private static final long serialVersionUID = 1L;

    private final String callId;

    public SpecOverrideException(String message, String callId) {
        super(message);
        this.callId = callId;
    }

    /** The id of the call, as in its audit record. */
    public String callId() {
        return callId;
    }
}
