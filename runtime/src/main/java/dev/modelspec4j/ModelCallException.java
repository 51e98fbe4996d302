package dev.modelspec4j;

/** The model call failed (network, provider error, ...); the cause is the model's exception. */
public class ModelCallException extends ModelSpecException {

    private static final long serialVersionUID = 1L;

    private final String callId;

    public ModelCallException(String message, String callId, Throwable cause) {
        super(message, cause);
        this.callId = callId;
    }

    /** The id of the call, as in its audit record. */
    public String callId() {
        return callId;
    }
}
