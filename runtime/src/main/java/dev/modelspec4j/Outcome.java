package dev.modelspec4j;

/** How a call ended, as recorded in its {@link AuditRecord}. */
public enum Outcome {
    /** The model's answer reached the caller unchanged (violations of REPORT rules may have been recorded). */
    DELIVERED,
    /** The answer reached the caller with spans masked. */
    REDACTED,
    /** The caller received the refusal text instead of the answer. */
    REFUSED,
    /** The caller received what the interface's fallback method returned. */
    FALLBACK,
    /** The call ended with a {@link SpecViolationException}. */
    BLOCKED,
    /** The model (or an integration around it) failed; the call ended with a {@link ModelCallException}. */
    FAILED,
    /** The caller cancelled a streamed call; what it had received of the answer, if anything, was all checked. */
    CANCELLED,
    /**
     * The model's reply was of a kind the method cannot return: a request to run tools (a guarded assistant
     * offers the model none) or a reply with no text. The call ended with an {@link UnexpectedReplyException};
     * the record's {@code error} says why.
     */
    UNEXPECTED_REPLY
}
