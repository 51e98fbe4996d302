package dev.modelspec4j.check;

import java.util.List;
import java.util.Objects;

/**
 * What a check found wrong with a text.
 *
 * @param message what is wrong, phrased so that it can be shown to the model on a re-ask
 * @param evidence a description safe to store in an audit trail: it never quotes the checked text
 * @param spans where in the checked text the problem lies, for REDACT; empty when the problem has no place
 *     (a missing phrase, a length)
 */
public record Finding(String message, String evidence, List<Span> spans) {

    public Finding {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(evidence, "evidence");
        spans = List.copyOf(spans);
    }

    /**
     * What a check that threw is recorded as: the engine treats the text as failing (fail closed). The evidence
     * names the exception's type only; its message might quote the text.
     */
    public static Finding checkFailed(RuntimeException failure) {
        return of("check failed", "check failed: " + failure.getClass().getName());
    }

    /** A finding with no place in the text. */
    public static Finding of(String message, String evidence) {
        return new Finding(message, evidence, List.of());
    }
}
