package dev.modelspec4j.annotation;

/**
 * What happens when a rule is violated. Ordered by severity, highest first:
 * BLOCK &gt; REFUSE = FALLBACK &gt; REASK &gt; REDACT &gt; REPORT.
 */
public enum Action {
    /** Stop the call with a {@code SpecViolationException}; nothing is returned to the caller. */
    BLOCK(5),
    /** Return the rule's refusal text instead of the answer: brief and neutral. */
    REFUSE(4),
    /** Return what the interface's fallback method (a default method named in {@code @OnViolation}) returns. */
    FALLBACK(4),
    /**
     * Call the model again with the violation explained; at most {@code maxAttempts} model calls in all. When the
     * last attempt still fails, the answer is the refusal if one is given, otherwise a {@code SpecViolationException}.
     */
    REASK(3),
    /** Mask the offending spans and go on. */
    REDACT(2),
    /** Record the violation only and deliver the answer unchanged (shadow mode). */
    REPORT(1);

    private final int severity;

    Action(int severity) {
        this.severity = severity;
    }

    /** Severity rank: a higher number is a stronger action. REFUSE and FALLBACK rank the same. */
    public int severity() {
        return severity;
    }

    /** Whether this action is at least as strong as {@code other}. */
    public boolean isAtLeast(Action other) {
        return severity >= other.severity;
    }
}
