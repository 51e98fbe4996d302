package dev.modelspec4j;

import dev.langchain4j.model.output.FinishReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record per call of a guarded assistant: which spec was enforced, what was violated and how the call
 * ended. Records never hold the user's text, the model's answer or a provider's error message; evidence
 * describes findings without quoting them.
 *
 * @param callId a random id, also carried by exceptions of the call
 * @param timestamp when the call started
 * @param specId the spec's id
 * @param specVersion the spec's version
 * @param specHash the content hash of the spec's rules, computed at compile time
 * @param assistant the assistant interface's qualified name
 * @param method the interface method called
 * @param memoryId the memory id of the call, when the method has one
 * @param outcome how the call ended
 * @param modelCalls how many times the model was called
 * @param violations every rule broken during the call, in order
 * @param durationMillis wall-clock time of the call
 * @param error for a FAILED call, the failure's type and a classified reason, never its message (see
 *     {@link dev.modelspec4j.audit.FailureReason}); for UNEXPECTED_REPLY, what was wrong with the reply (tool
 *     names, never their arguments)
 * @param userId the end user's id from the call's {@link SpecContext}, when given
 * @param userOverrides the user-overridable rules the end user relaxed for this call
 * @param finishReasons the finish reason of each model response that reported one, in the order of the model
 *     calls ({@code STOP}, {@code LENGTH}, {@code CONTENT_FILTER}, ...); a stream that failed, timed out or was
 *     cancelled reports none
 */
public record AuditRecord(
        String callId,
        Instant timestamp,
        String specId,
        String specVersion,
        String specHash,
        String assistant,
        String method,
        String memoryId,
        Outcome outcome,
        int modelCalls,
        List<Violation> violations,
        long durationMillis,
        String error,
        String userId,
        List<String> userOverrides,
        List<FinishReason> finishReasons) {

    public AuditRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(outcome, "outcome");
        violations = List.copyOf(violations);
        userOverrides = userOverrides == null ? List.of() : List.copyOf(userOverrides);
        finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
    }

    /** A record with no finish reasons. */
    public AuditRecord(String callId, Instant timestamp, String specId, String specVersion, String specHash,
            String assistant, String method, String memoryId, Outcome outcome, int modelCalls,
            List<Violation> violations, long durationMillis, String error, String userId,
            List<String> userOverrides) {
        this(callId, timestamp, specId, specVersion, specHash, assistant, method, memoryId, outcome, modelCalls,
                violations, durationMillis, error, userId, userOverrides, List.of());
    }

    /** A record with no user context. */
    public AuditRecord(String callId, Instant timestamp, String specId, String specVersion, String specHash,
            String assistant, String method, String memoryId, Outcome outcome, int modelCalls,
            List<Violation> violations, long durationMillis, String error) {
        this(callId, timestamp, specId, specVersion, specHash, assistant, method, memoryId, outcome, modelCalls,
                violations, durationMillis, error, null, List.of(), List.of());
    }
}
