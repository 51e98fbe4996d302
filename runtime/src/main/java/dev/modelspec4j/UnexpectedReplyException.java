package dev.modelspec4j;

/**
 * The model answered, but not with something the method can return: it asked to run tools (a guarded
 * assistant offers the model none), or its reply had no text. The call is audited with outcome
 * {@link Outcome#UNEXPECTED_REPLY} and the reason in the record's {@code error}; the reply is never delivered.
 * A subclass of {@link ModelCallException}, so code that handles model failures handles this one too.
 */
public class UnexpectedReplyException extends ModelCallException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param message the exception's message
     * @param callId the id of the call, as in its audit record
     * @param reason what was wrong with the reply, as in the audit record (tool names only, never arguments)
     */
    public UnexpectedReplyException(String message, String callId, String reason) {
        super(message, callId, null);
        this.reason = reason;
    }

    /** What was wrong with the reply, e.g. {@code tool execution requested: get_weather}. */
    public String reason() {
        return reason;
    }
}
