package dev.modelspec4j.enforce;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.modelspec4j.ModelCallException;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.UnexpectedReplyException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one {@link Call} that the streaming engine ({@code dev.modelspec4j.stream}) drives: the input
 * phase, the messages, violations, memory and the one audit record. Not meant for application code; used by
 * one stream, from the thread that runs its events (one at a time, with no lock held): the call's state is
 * confined to that thread.
 */
public final class CallControl {

    private final Call call;
    private ChatMemory memory;
    private UserMessage user;
    private List<ChatMessage> messages;

    CallControl(Call call) {
        this.call = call;
    }

    /** How the input phase ended. */
    public enum Opening {
        /** Open the stream. */
        PROCEED,
        /** An input rule refuses: the caller receives the refusal; the model is not called. */
        REFUSED
    }

    /**
     * Runs the user's overrides and the input rules ({@code @Moderate} included) and builds the messages.
     *
     * @throws dev.modelspec4j.SpecOverrideException when the user relaxes a rule that cannot be relaxed (audited)
     * @throws SpecViolationException when an input rule blocks (audited)
     */
    public Opening open() {
        if (!call.prepare() || Endings.of(Phase.INPUT, call.inputDecision, Endings.Capabilities.STREAM, false, true)
                == Endings.Ending.BLOCK) {
            // A stream has no fallback method to return instead: an input rule that falls back blocks.
            SpecViolationException blocked = call.blockedException();
            call.audit(Outcome.BLOCKED, null);
            throw blocked;
        }
        memory = call.memory;
        user = call.rememberedUser;
        messages = call.messages;
        return Endings.of(Phase.INPUT, call.inputDecision, Endings.Capabilities.STREAM, false, true)
                == Endings.Ending.REFUSE ? Opening.REFUSED : Opening.PROCEED;
    }

    /**
     * The whole answer as the caller receives it under the method's {@code @Pii} output mode (buffered streams);
     * null when personal data blocks it.
     */
    public String protectOutput(String text) {
        return call.protectOutput(text);
    }

    /** Whether the method's {@code @Pii} output mode gives back the originals of pseudonyms. */
    public boolean restoresPseudonyms() {
        return call.method.privacy() != null
                && call.method.privacy().output() == dev.modelspec4j.annotation.PiiMode.PSEUDONYMIZE;
    }

    /** The method's {@code @Pii} rule when its output mode changes the answer (not ALLOW); otherwise null. */
    public PrivacyPlan outputPrivacy() {
        PrivacyPlan privacy = call.method.privacy();
        return privacy == null || privacy.output() == dev.modelspec4j.annotation.PiiMode.ALLOW ? null : privacy;
    }

    /** The call's pseudonyms, issued by the input phase; null when the method has no {@code @Pii} rule. */
    public dev.modelspec4j.check.pii.Pseudonymizer pseudonymizer() {
        return call.pseudonymizer;
    }

    /**
     * Records what the {@code @Pii} output mode found in a streamed answer, as the blocking path records it for
     * the whole answer: the rule, BLOCK or REDACT, and the types found ({@code [EMAIL]}), never the values.
     */
    public void outputPrivacyViolation(boolean block, List<String> evidence) {
        call.outputPrivacyViolation(block, evidence);
    }

    /** The messages of the next model call. */
    public List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    /** The streaming model. */
    public StreamingChatModel streamingModel() {
        return call.enforcer.streamingChatModel();
    }

    /** The id of the call, as in its audit record. */
    public String callId() {
        return call.callId;
    }

    /** {@code Assistant.method}, for messages. */
    public String describe() {
        return call.enforcer.spec().assistant() + "." + call.method.name();
    }

    /** The output rules that apply to this call: those the user relaxed are left out. */
    public List<Rule> outputRules() {
        return call.outputRules();
    }

    /** What the call's output checks may know about it: its instructions, canary and boundary. */
    public CheckContext checkContext() {
        return call.checkContext();
    }

    /** Records what a verdict on the current model call's answer found. */
    public void record(List<Violation> violations) {
        for (Violation v : violations) {
            call.violation(v);
        }
    }

    /** Records a violation of the current model call's answer. */
    public void violation(Rule rule, Action action, String evidence) {
        call.violation(new Violation(rule.id(), rule.level(), action, Phase.OUTPUT, call.modelCalls, evidence));
    }

    /** Counts a model call. */
    public void modelCalled() {
        call.modelCalls++;
    }

    /** How many model calls were made. */
    public int modelCalls() {
        return call.modelCalls;
    }

    /** The most model calls of one call (REASK, buffered streams only). */
    public int maxAttempts() {
        return call.method.maxAttempts();
    }

    /** Whether the spec gives a refusal text of its own. */
    public boolean hasRefusal() {
        return !call.method.refusal().isEmpty();
    }

    /** The text a refusal gives. */
    public String refusalText() {
        return call.method.refusalText();
    }

    /**
     * Buffered streams: runs the method's LangChain4j output guardrails on the whole answer, before the output
     * rules. Returns null when the method has none; otherwise the text as they left it, their action (null when
     * they pass), the most model calls their re-ask may reach and what it tells the model.
     */
    public Guardrails.Decision guardOutput(ChatResponse response, String text) {
        return call.guardrails == null ? null : call.guardrails.checkOutput(call, response, text);
    }

    /** Adds a rejected answer and the re-ask that explains {@code reasons} to the messages. */
    public void reask(String answer, List<String> reasons) {
        messages.add(AiMessage.from(answer));
        messages.add(UserMessage.from(Call.reaskMessage(reasons)));
    }

    /** The call ended with {@code text} delivered to the caller: audit, then memory receives that text. */
    public void delivered(Outcome outcome, String text) {
        call.audit(outcome, null);
        if (memory != null) {
            Call.remember(memory, user, text);
        }
    }

    /** The call is blocked: audits it and returns the exception for the caller. */
    public SpecViolationException blocked() {
        SpecViolationException blocked = call.blockedException();
        call.audit(Outcome.BLOCKED, null);
        return blocked;
    }

    /** The model failed: audits it and returns the exception for the caller. */
    public ModelCallException failed(Throwable cause) {
        return call.fail(cause);
    }

    /** Records the finish reason of a completed stream; null (none reported) is not recorded. */
    public void finishReason(FinishReason reason) {
        call.finishReason(reason);
    }

    /** Why a reply that asks to run tools cannot be returned (tool names only); null when it asks for none. */
    public static String toolRequests(AiMessage reply) {
        return Call.toolRequests(reply);
    }

    /** Why a reply without text cannot be returned. */
    public static String emptyReply(FinishReason reason) {
        return Call.emptyReply(reason);
    }

    /**
     * The reply cannot be returned: audits it, with {@code reason} as the error, and returns the exception. Never
     * throws: an audit failure is added to it as suppressed.
     */
    public UnexpectedReplyException unexpectedReply(String reason) {
        return call.unexpectedReply(reason);
    }

    /**
     * The provider's own filter stopped or refused the answer: records the violation of the built-in rule
     * {@value Call#CONTENT_FILTER_RULE}. The stream then ends with the refusal.
     */
    public void contentFiltered(String evidence) {
        call.contentFiltered(evidence);
    }

    /** How long the stream may send nothing before it is ended. */
    public Duration idleTimeout() {
        return call.enforcer.streamIdleTimeout();
    }

    /**
     * The stream sent nothing for {@link #idleTimeout()}: audits the call as failed, with LangChain4j's
     * {@code TimeoutException} as the cause, and returns the exception for the caller. Never throws: an audit
     * failure is added to it as suppressed.
     */
    public ModelCallException timedOut() {
        return call.fail(new dev.langchain4j.exception.TimeoutException(
                "the stream sent nothing for " + describe(idleTimeout())));
    }

    private static String describe(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The caller cancelled the stream: audits it. Memory receives nothing. */
    public void cancelled() {
        call.audit(Outcome.CANCELLED, null);
    }

    /** {@code text} with {@code spans} masked. */
    public static String redact(String text, List<Span> spans) {
        return Call.redact(text, spans);
    }

    /** What a masked span is replaced with. */
    public static String redaction() {
        return Call.REDACTION;
    }
}
