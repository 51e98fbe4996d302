package dev.modelspec4j.stream;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.StreamWatch;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import dev.modelspec4j.enforce.CallControl;
import dev.modelspec4j.enforce.Guardrails;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A guarded {@link TokenStream}: what a method returning {@code TokenStream} returns.
 *
 * <p>{@link #start()} runs the input rules on the caller's thread; a blocked input never opens the stream. The
 * answer then flows to the caller while the output rules run on everything received so far: the stream holds
 * back the last characters that a check could still match (the largest {@link OutputCheck#lookAhead()} of the
 * method's checks) and releases the rest. On a violation the upstream request is cancelled through its
 * {@link StreamingHandle} and the caller receives the enforced ending: the refusal (REFUSE), the held-back text
 * with the offending spans masked (REDACT), or {@code onError} with a {@code SpecViolationException} (BLOCK).
 * {@code onCompleteResponse} carries exactly the text the caller received, and memory stores that text. Every
 * call writes one audit record: on completion, violation, upstream error, idle timeout and caller cancellation.
 *
 * <p>The model's reply is judged as a whole when it completes: a request to run tools ends the call with
 * {@code UnexpectedReplyException} (a guarded assistant offers no tools), as does a reply without text; finish
 * reason {@code CONTENT_FILTER}, or LangChain4j's {@code ContentFilteredException}, ends it with the refusal;
 * the finish reason goes into the audit record. A stream that sends nothing for the builder's
 * {@code streamIdleTimeout} (from the request to the first part, then between parts) is cancelled upstream and
 * ends in {@code onError} with a {@code ModelCallException} caused by LangChain4j's {@code TimeoutException}.
 *
 * <p>Callbacks: {@code onPartialResponse}, {@code onPartialResponseWithContext} (its handle cancels the
 * call), {@code onCompleteResponse}, {@code onError} and {@code ignoreErrors} work as in LangChain4j; the same
 * handle is available from the start through {@link #streamingHandle()}, so that the caller can cancel while
 * the first characters are still held back for the checks. The
 * callbacks for thinking, tool calls, tool executions, retrieval and raw provider events are rejected with
 * {@link UnsupportedOperationException}: a guarded assistant has no tools or retrieval, and thinking and raw
 * events would reach the caller unchecked.
 *
 * <p>With {@code buffered}, the whole answer is checked before any of it is released, so REASK works as in a
 * non-streaming call. Thread-safe: upstream callbacks, the idle timer and the caller's cancellation take the
 * same lock, and what they have for the caller goes into an outbox, handed over in order, one callback at a
 * time, after the lock is released: no callback of the caller ever runs under the lock.
 */
public final class StreamingCall implements TokenStream {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingCall.class);

    private static final String SEPARATOR = "\n\n";

    private final CallControl control;
    private final boolean buffered;
    private final CallerHandle callerHandle = new CallerHandle();

    private Consumer<String> onPartial;
    private BiConsumer<PartialResponse, PartialResponseContext> onPartialWithContext;
    private Consumer<ChatResponse> onComplete;
    private Consumer<Throwable> onError;
    private boolean ignoreErrors;
    private boolean started;

    private List<Rule> rules = List.of();
    private int window;
    /** The {@code @Pii} output mode of an unbuffered stream; null when there is none to apply. */
    private PrivacyFilter privacy;
    private Attempt current;
    private final StringBuilder received = new StringBuilder();
    private int released;
    /** How many normalised characters the previous check of this attempt saw. */
    private int checkedNormalized;
    /** The per-call companions of the output checks that have one; see {@link OutputCheck#watch}. */
    private Map<Rule, StreamWatch> watches = Map.of();
    /** Where the previous check held the answer back from: a match still open or pending; MAX_VALUE if none. */
    private int heldFrom = Integer.MAX_VALUE;
    private final StringBuilder delivered = new StringBuilder();
    /** The settled findings of REPORT rules on the text so far, recorded when the call ends. */
    private final Map<Rule, List<Finding>> reports = new LinkedHashMap<>();
    private boolean ended;
    private boolean audited;
    private boolean cancelledByCaller;
    /** Whether a LangChain4j output guardrail rewrote the current answer. */
    private boolean rewritten;
    /** Whether {@code start()} is running the input phase, during which a cancellation is left to it. */
    private boolean inputPhase;

    /** What the caller has yet to receive, in order; handed over outside the lock by {@link #drain()}. */
    private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();
    /** Whether a thread is handing the outbox over. */
    private boolean draining;

    private long idleTimeoutNanos;
    /** When the current model call last sent anything, or was sent ({@code System.nanoTime()}). */
    private long lastActivity;
    /** The pending check for silence; null when none. */
    private ScheduledFuture<?> idleCheck;

    /**
     * @param control the call
     * @param buffered whether the whole answer is checked before any of it is released
     */
    public StreamingCall(CallControl control, boolean buffered) {
        this.control = Objects.requireNonNull(control, "control");
        this.buffered = buffered;
    }

    // ---- the caller's side: TokenStream ------------------------------------------------------------------

    @Override
    public synchronized TokenStream onPartialResponse(Consumer<String> handler) {
        notStarted();
        this.onPartial = Objects.requireNonNull(handler, "handler");
        return this;
    }

    @Override
    public synchronized TokenStream onPartialResponseWithContext(
            BiConsumer<PartialResponse, PartialResponseContext> handler) {
        notStarted();
        this.onPartialWithContext = Objects.requireNonNull(handler, "handler");
        return this;
    }

    @Override
    public synchronized TokenStream onCompleteResponse(Consumer<ChatResponse> handler) {
        notStarted();
        this.onComplete = Objects.requireNonNull(handler, "handler");
        return this;
    }

    @Override
    public synchronized TokenStream onError(Consumer<Throwable> handler) {
        notStarted();
        this.onError = Objects.requireNonNull(handler, "handler");
        return this;
    }

    @Override
    public synchronized TokenStream ignoreErrors() {
        notStarted();
        this.ignoreErrors = true;
        return this;
    }

    @Override
    public TokenStream onPartialThinking(Consumer<PartialThinking> handler) {
        throw unsupported("onPartialThinking", "the model's thinking is not checked by the spec, so it is not forwarded");
    }

    @Override
    public TokenStream onPartialThinkingWithContext(
            BiConsumer<PartialThinking, PartialThinkingContext> handler) {
        throw unsupported("onPartialThinkingWithContext",
                "the model's thinking is not checked by the spec, so it is not forwarded");
    }

    @Override
    public TokenStream onPartialToolCall(Consumer<PartialToolCall> handler) {
        throw unsupported("onPartialToolCall", "a guarded assistant calls no tools");
    }

    @Override
    public TokenStream onPartialToolCallWithContext(BiConsumer<PartialToolCall, PartialToolCallContext> handler) {
        throw unsupported("onPartialToolCallWithContext", "a guarded assistant calls no tools");
    }

    @Override
    public TokenStream onRetrieved(Consumer<List<Content>> handler) {
        throw unsupported("onRetrieved", "a guarded assistant does no retrieval");
    }

    @Override
    public TokenStream onIntermediateResponse(Consumer<ChatResponse> handler) {
        throw unsupported("onIntermediateResponse", "a guarded assistant calls no tools, so it has no intermediate"
                + " responses");
    }

    @Override
    public TokenStream beforeToolExecution(Consumer<BeforeToolExecution> handler) {
        throw unsupported("beforeToolExecution", "a guarded assistant calls no tools");
    }

    @Override
    public TokenStream onToolExecuted(Consumer<ToolExecution> handler) {
        throw unsupported("onToolExecuted", "a guarded assistant calls no tools");
    }

    @Override
    public TokenStream onUnmappedRawEvent(Consumer<Object> handler) {
        throw unsupported("onUnmappedRawEvent", "raw provider events would reach the caller unchecked");
    }

    /**
     * The handle that cancels this call, from any thread, at any time: before {@code start()} (the model is then
     * never called), during the input phase, or while the first characters are still held back for the checks.
     * A cancelled call writes one audit record, outcome {@code CANCELLED}, cancels the upstream request, gives
     * the caller no further callback (never {@code onCompleteResponse}) and leaves memory as it was. Cancelling a
     * call that has already ended does nothing. The handle is the one that
     * {@code onPartialResponseWithContext} passes with each part.
     */
    public StreamingHandle streamingHandle() {
        return callerHandle;
    }

    /**
     * Runs the input rules and, unless they stop the call, opens the stream. Callbacks may run on the model's
     * threads, and on the idle timer's.
     *
     * @throws IllegalStateException when called twice, or with neither {@code onError} nor {@code ignoreErrors}
     */
    @Override
    public void start() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("this TokenStream was already started");
            }
            if (onError == null && !ignoreErrors) {
                throw new IllegalStateException(control.describe()
                        + ": set onError(...) or call ignoreErrors() before start()");
            }
            started = true;
            if (cancelledByCaller) { // cancelled before it started: the model is never called
                ended = true;
                audited = true;
                control.cancelled();
                return;
            }
            inputPhase = true;
            idleTimeoutNanos = control.idleTimeout().toNanos();
        }
        CallControl.Opening opening = null;
        RuntimeException failure = null;
        try {
            opening = control.open(); // the input rules may call a moderation model: not under the lock
        } catch (RuntimeException e) { // blocked, refused override, or an audit failure: all audited
            failure = e;
        }
        Attempt attempt = null;
        synchronized (this) {
            inputPhase = false;
            if (failure != null) {
                ended = true;
                audited = true;
                if (!cancelledByCaller) {
                    error(failure);
                }
            } else if (cancelledByCaller) {
                ended = true;
                audited = true;
                control.cancelled();
            } else {
                rules = control.outputRules();
                window = buffered ? OutputCheck.WHOLE_ANSWER : window(rules);
                watches = buffered ? Map.of() : watches(rules);
                privacy = buffered ? null : PrivacyFilter.of(control); // holds back its own look-ahead
                if (opening == CallControl.Opening.REFUSED) {
                    ended = true;
                    finish(Outcome.REFUSED, control.refusalText(), null, FinishReason.CONTENT_FILTER);
                } else {
                    attempt = newAttempt();
                }
            }
        }
        drain();
        if (attempt != null) {
            send(attempt);
        }
    }

    /** The largest look-ahead of {@code rules}, REPORT rules included (they record what they see). */
    static int window(List<Rule> rules) {
        int window = 0;
        for (Rule rule : rules) {
            window = Math.max(window, rule.output().lookAhead());
        }
        return window;
    }

    /** The per-call companions of the output checks that watch a stream; under the lock. */
    private Map<Rule, StreamWatch> watches(List<Rule> rules) {
        Map<Rule, StreamWatch> watching = new IdentityHashMap<>();
        for (Rule rule : rules) {
            StreamWatch watch = rule.output().watch(control.checkContext());
            if (watch != null) {
                watching.put(rule, watch);
            }
        }
        return watching;
    }

    /** The findings of {@code rule}'s check with those of its watch, whose hold goes into {@link #heldFrom}. */
    private List<Finding> watched(Rule rule, String text, List<Finding> findings) {
        StreamWatch watch = watches.get(rule);
        if (watch == null) {
            return findings;
        }
        StreamWatch.Reading reading = watch.read(text);
        heldFrom = Math.min(heldFrom, reading.holdFrom());
        if (reading.findings().isEmpty()) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(reading.findings());
        return all;
    }

    // ---- the model's side -----------------------------------------------------------------------------

    /** Counts a model call and makes it the current one; under the lock. The caller then {@link #send}s it. */
    private Attempt newAttempt() {
        control.modelCalled();
        received.setLength(0);
        released = 0;
        checkedNormalized = 0;
        heldFrom = Integer.MAX_VALUE;
        Attempt attempt = new Attempt(ChatRequest.builder().messages(control.messages()).build());
        current = attempt;
        lastActivity = System.nanoTime();
        if (idleCheck == null) {
            idleCheck = IdleTimer.schedule(this::checkIdle, idleTimeoutNanos);
        }
        return attempt;
    }

    /** Sends a model call; not under the lock, since a model may answer on the calling thread. */
    private void send(Attempt attempt) {
        synchronized (this) {
            if (attempt != current || ended) {
                return; // cancelled, or timed out, before the request went
            }
        }
        try {
            control.streamingModel().chat(attempt.request, attempt);
        } catch (RuntimeException e) {
            upstreamFailed(attempt, e);
        }
    }

    private void partial(Attempt attempt, String text, StreamingHandle handle) {
        synchronized (this) {
            if (!heardFrom(attempt, handle)) {
                return;
            }
            if (text == null || text.isEmpty()) {
                return;
            }
            received.append(text);
            if (window != OutputCheck.WHOLE_ANSWER) {
                evaluate(false);
            }
        }
        drain();
    }

    /**
     * Notes that {@code attempt} sent something (it is not silent) and keeps its handle; false when it is no
     * longer current, in which case its request is cancelled. Under the lock.
     */
    private boolean heardFrom(Attempt attempt, StreamingHandle handle) {
        if (attempt != current || ended) {
            if (handle != null && !handle.isCancelled()) {
                handle.cancel();
            }
            return false;
        }
        if (handle != null) {
            attempt.handle = handle;
        }
        lastActivity = System.nanoTime();
        return true;
    }

    /** Thinking and tool-call parts are not forwarded, but they show that the model is not silent. */
    private void activity(Attempt attempt, StreamingHandle handle) {
        synchronized (this) {
            heardFrom(attempt, handle);
        }
    }

    private void completed(Attempt attempt, ChatResponse response) {
        Attempt reask;
        synchronized (this) {
            if (attempt != current || ended) {
                return;
            }
            attempt.response = response;
            judge(response);
            reask = current != attempt && !ended ? current : null;
        }
        drain();
        if (reask != null) {
            send(reask);
        }
    }

    /**
     * Judges the complete response, then checks the whole answer: a request to run tools or a reply without
     * text ends the call with {@code UnexpectedReplyException}, finish reason {@code CONTENT_FILTER} with the
     * refusal. Under the lock.
     */
    private void judge(ChatResponse response) {
        AiMessage reply = response == null ? null : response.aiMessage();
        FinishReason reason = response == null ? null : response.finishReason();
        control.finishReason(reason);
        String tools = CallControl.toolRequests(reply);
        if (tools != null) {
            unexpectedReply(tools);
            return;
        }
        if (reason == FinishReason.CONTENT_FILTER) {
            contentFiltered("the provider stopped the answer: finish reason CONTENT_FILTER");
            return;
        }
        if (received.length() == 0 && reply != null && reply.text() != null) {
            received.append(reply.text()); // a model that sent no partial responses
        }
        if (received.toString().isBlank()) {
            unexpectedReply(CallControl.emptyReply(reason));
            return;
        }
        if (buffered && !guardOutput(response)) {
            return;
        }
        evaluate(true);
    }

    /**
     * Buffered streams: the method's LangChain4j output guardrails judge the whole answer before the output
     * rules, which then judge the text as the guardrails left it. Returns false when the guardrails ended the
     * call or asked the model again.
     */
    private boolean guardOutput(ChatResponse response) {
        String text = received.toString();
        ChatResponse whole = response != null && response.aiMessage() != null ? response
                : ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
        Guardrails.Decision guarded = control.guardOutput(whole, text);
        rewritten = false;
        if (guarded == null || guarded.action() == null) {
            return true;
        }
        switch (guarded.action()) {
            case REDACT -> {
                received.setLength(0);
                received.append(guarded.text());
                rewritten = true;
                return true;
            }
            case REASK -> {
                if (control.modelCalls() < guarded.reaskLimit()) {
                    control.reask(text, guarded.reasons());
                    newAttempt(); // sent once the lock is released
                    return false;
                }
                ended = true;
                if (control.hasRefusal()) {
                    refuse(FinishReason.STOP);
                } else {
                    blocked();
                }
                return false;
            }
            default -> {
                ended = true;
                blocked();
                return false;
            }
        }
    }

    /** Ends the call on a reply it cannot return; what was held back is dropped. Under the lock. */
    private void unexpectedReply(String reason) {
        ended = true;
        audited = true;
        recordReports();
        error(control.unexpectedReply(reason)); // never throws: an audit failure is added as suppressed
    }

    /** The provider's filter stopped the answer: the refusal ends it, after what was released. Under the lock. */
    private void contentFiltered(String evidence) {
        ended = true;
        cancelUpstream();
        recordReports();
        control.contentFiltered(evidence);
        refuse(FinishReason.CONTENT_FILTER);
    }

    private void upstreamFailed(Attempt attempt, Throwable failure) {
        synchronized (this) {
            if (attempt != current || ended) {
                return;
            }
            if (failure instanceof ContentFilteredException) { // a provider's refusal, e.g. OpenAI's
                contentFiltered("the provider refused to answer (" + failure.getClass().getSimpleName() + ")");
            } else {
                ended = true;
                audited = true;
                recordReports();
                error(control.failed(failure)); // what was held back is dropped: it was never checked to the end
            }
        }
        drain();
    }

    /** The idle timer: ends a stream that sent nothing for the idle timeout, or looks again later. */
    private void checkIdle() {
        synchronized (this) {
            idleCheck = null;
            if (ended) {
                return;
            }
            long silent = System.nanoTime() - lastActivity;
            if (silent < idleTimeoutNanos) {
                idleCheck = IdleTimer.schedule(this::checkIdle, idleTimeoutNanos - silent);
                return;
            }
            ended = true;
            cancelUpstream(); // a model that sent nothing yet gave no handle: its first callback cancels it
            audited = true;
            recordReports();
            error(control.timedOut()); // what was held back is dropped: it was never checked to the end
        }
        drain();
    }

    /**
     * Checks what was received so far. Findings whose span reaches the end of the text may still change (the
     * match could grow, or a whole-word test fail on the next character): they wait, and so does their text.
     *
     * <p>Mid-stream, a check with a bounded look-ahead W reads only the text from W characters (and one more)
     * before the end of what it saw last time: a match it has not yet found ends in the new text and spans at
     * most W characters, and every match it found before either ended the call or is still pending, inside that
     * tail. Checks with no look-ahead (length limits) and REPORT rules, which count everything, read it all.
     * While a match is held open (a watch's hold, or a pending finding), the tail starts W characters before it,
     * so that a match longer than W is read whole; the checks' watches then read the answer so far.
     */
    private void evaluate(boolean complete) {
        String text = received.toString();
        NormalizedText normalized = complete ? null : TextNormalizer.normalize(text);
        int visibleEnd = complete ? Integer.MAX_VALUE : HoldBack.visibleEnd(normalized);
        Action strongest = null;
        int pendingFrom = Integer.MAX_VALUE;
        List<String> reasons = new ArrayList<>(0);
        List<Span> redactions = new ArrayList<>(0);
        reports.clear();
        int heldBefore = heldFrom;
        heldFrom = Integer.MAX_VALUE;
        for (Rule rule : rules) {
            OutputCheck check = rule.output();
            if (!complete && check.lookAhead() == OutputCheck.WHOLE_ANSWER) {
                continue;
            }
            Action action = rule.effectiveAction();
            int from = complete || action == Action.REPORT ? 0 : Math.min(tailStart(normalized, check.lookAhead()),
                    HoldBack.contextStart(normalized, heldBefore, check.lookAhead()));
            List<Finding> findings;
            try {
                findings = from == 0 ? check.check(text, control.checkContext())
                        : newInTail(check.check(text.substring(from), control.checkContext()), from, normalized);
                if (!complete) {
                    findings = watched(rule, text, findings);
                }
            } catch (RuntimeException e) {
                findings = List.of(Finding.checkFailed(e));
                action = Action.BLOCK; // fail closed
            }
            for (Finding f : findings) {
                int start = firstStart(f);
                if (reachesEnd(f, visibleEnd)) {
                    pendingFrom = Math.min(pendingFrom, start);
                    continue;
                }
                if (action == Action.REPORT) {
                    reports.computeIfAbsent(rule, r -> new ArrayList<>(1)).add(f);
                    continue;
                }
                control.violation(rule, action, f.evidence());
                reasons.add(f.message());
                if (action == Action.REDACT) {
                    redactions.addAll(f.spans());
                }
                if (strongest == null || action.severity() > strongest.severity()) {
                    strongest = action;
                }
            }
        }
        if (!complete) {
            checkedNormalized = normalized.text().length();
            pendingFrom = Math.min(pendingFrom, heldFrom);
            heldFrom = pendingFrom; // the next check reads from there on, however long the held match grows
        }
        if (strongest == null) {
            if (complete && buffered && released == 0) {
                // Nothing released yet: the whole answer can still pass the @Pii output mode.
                String shown = control.protectOutput(text);
                ended = true;
                recordReports();
                if (shown == null) {
                    blocked();
                } else {
                    finish(!rewritten && (shown.equals(text) || control.restoresPseudonyms()) ? Outcome.DELIVERED
                            : Outcome.REDACTED,
                            shown, current.response, FinishReason.STOP);
                }
                return;
            }
            if (complete) {
                // The held-back rest goes out as the ending, once the audit record is written.
                String rest = privacy == null ? text.substring(released) : privacy.advance(text, text.length(), true);
                released = text.length();
                ended = true;
                recordReports();
                if (rest == null) {
                    privacyBlocked(true);
                    return;
                }
                finish(Outcome.DELIVERED, rest, current.response, FinishReason.STOP);
            } else {
                release(Math.min(HoldBack.releasable(normalized, window), pendingFrom));
            }
            return;
        }
        enforce(strongest, complete, text, reasons, redactions);
    }

    private void enforce(Action action, boolean complete, String text, List<String> reasons,
            List<Span> redactions) {
        recordReports();
        if (action == Action.REASK && buffered && complete && control.modelCalls() < control.maxAttempts()) {
            control.reask(text, reasons);
            newAttempt(); // sent once the lock is released
            return;
        }
        ended = true;
        if (!complete) {
            cancelUpstream();
        }
        FinishReason reason = complete ? FinishReason.STOP : FinishReason.CONTENT_FILTER;
        switch (action) {
            case REDACT -> {
                int end = complete ? text.length() : 0;
                List<Span> shifted = new ArrayList<>(redactions.size());
                for (Span s : redactions) {
                    if (s.start() < released) { // the declared look-ahead was too small: fail closed
                        blocked();
                        return;
                    }
                    end = Math.max(end, s.end());
                    shifted.add(new Span(s.start() - released, s.end() - released));
                }
                String ending = CallControl.redact(text.substring(released, end), shifted);
                if (privacy != null) {
                    ending = privacy.advance(text.substring(0, released) + ending, released + ending.length(), true);
                    if (ending == null) {
                        privacyBlocked(true);
                        return;
                    }
                }
                finish(Outcome.REDACTED, ending, complete ? current.response : null, reason);
            }
            case REFUSE -> refuse(reason);
            case REASK -> {
                if (control.hasRefusal()) {
                    refuse(reason);
                } else {
                    blocked();
                }
            }
            default -> blocked(); // BLOCK, and FALLBACK, which a stream cannot take
        }
    }

    private void refuse(FinishReason reason) {
        finish(Outcome.REFUSED, (delivered.length() == 0 ? "" : SEPARATOR) + control.refusalText(), null, reason);
    }

    private void blocked() {
        audited = true;
        Throwable failure;
        try {
            failure = control.blocked();
        } catch (RuntimeException auditFailure) {
            failure = auditFailure;
        }
        error(failure);
    }

    /** Audits, gives the caller {@code ending}, then the complete response with the text it received. */
    private void finish(Outcome outcome, String ending, ChatResponse upstream, FinishReason reason) {
        String text = delivered + ending;
        audited = true;
        if (privacy != null && privacy.masked() && outcome != Outcome.REFUSED) {
            control.outputPrivacyViolation(false, privacy.evidence()); // as the blocking path records it
            outcome = outcome == Outcome.DELIVERED ? Outcome.REDACTED : outcome;
        }
        try {
            control.delivered(outcome, text);
        } catch (RuntimeException auditFailure) {
            error(auditFailure);
            return;
        }
        if (!ending.isEmpty()) {
            emit(ending);
        }
        ChatResponse response = upstream != null
                ? upstream.toBuilder().aiMessage(AiMessage.from(text)).build()
                : ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(reason).build();
        outbox.add(() -> completeToCaller(response));
    }

    private void release(int boundary) {
        if (privacy != null) {
            String piece = privacy.advance(received.toString(), boundary, false);
            if (piece == null) {
                privacyBlocked(false);
                return;
            }
            released = privacy.consumed();
            if (!piece.isEmpty()) {
                emit(piece);
            }
            return;
        }
        if (boundary > released) {
            String chunk = received.substring(released, boundary);
            released = boundary;
            emit(chunk);
        }
    }

    /**
     * The {@code @Pii} output mode stops the answer (BLOCK found personal data, or a value is longer than the
     * look-ahead): recorded as the rule's violation, before any of the value was released. Under the lock.
     */
    private void privacyBlocked(boolean complete) {
        ended = true;
        if (!complete) {
            cancelUpstream();
        }
        recordReports();
        control.outputPrivacyViolation(true, List.of(privacy.failure()));
        blocked();
    }

    /** Releases {@code chunk} to the caller (through the outbox); under the lock. */
    private void emit(String chunk) {
        delivered.append(chunk);
        outbox.add(() -> partialToCaller(chunk));
    }

    /** Ends the caller's stream with {@code e} (through the outbox); under the lock. */
    private void error(Throwable e) {
        outbox.add(() -> errorToCaller(e));
    }

    /**
     * Hands the outbox over to the caller, in order, one callback at a time, never under the lock. A thread that
     * finds another one handing over leaves its callbacks to it. Once the call has ended, the idle check stops.
     */
    private void drain() {
        synchronized (this) {
            stopIdleCheckOnceEnded();
            if (draining || outbox.isEmpty()) {
                return;
            }
            draining = true;
        }
        while (true) {
            Runnable next;
            synchronized (this) {
                next = outbox.poll();
                if (next == null) {
                    draining = false;
                    stopIdleCheckOnceEnded(); // a callback may have ended the call
                    return;
                }
            }
            boolean ran = false;
            try {
                next.run();
                ran = true;
            } finally {
                if (!ran) {
                    synchronized (this) {
                        draining = false;
                    }
                }
            }
        }
    }

    /** Under the lock: an ended call needs no idle check, and the timer should not keep it reachable. */
    private void stopIdleCheckOnceEnded() {
        if (ended && idleCheck != null) {
            idleCheck.cancel(false);
            idleCheck = null;
        }
    }

    private void partialToCaller(String chunk) {
        try {
            if (onPartial != null) {
                onPartial.accept(chunk);
            }
            if (onPartialWithContext != null) {
                onPartialWithContext.accept(new PartialResponse(chunk), new PartialResponseContext(callerHandle));
            }
        } catch (RuntimeException e) {
            callerFailed(e);
        }
    }

    private void completeToCaller(ChatResponse response) {
        if (onComplete == null) {
            return;
        }
        try {
            onComplete.accept(response);
        } catch (RuntimeException e) {
            errorToCaller(e);
        }
    }

    private void errorToCaller(Throwable e) {
        if (onError == null) {
            return;
        }
        try {
            onError.accept(e);
        } catch (RuntimeException handlerFailure) {
            LOG.warn("{}: the onError handler of a stream threw", control.describe(), handlerFailure);
        }
    }

    /** A callback of the caller threw: that ends the call, and the caller gets {@code onError}. */
    private void callerFailed(RuntimeException e) {
        synchronized (this) {
            outbox.clear();
            boolean wasEnded = ended;
            ended = true;
            if (!wasEnded) {
                cancelUpstream();
            }
            if (!audited) {
                audited = true;
                recordReports();
                error(control.failed(e));
            } else {
                error(e);
            }
        }
    }

    private void cancelUpstream() {
        StreamingHandle handle = current == null ? null : current.handle;
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
    }

    private void cancelByCaller() {
        synchronized (this) {
            cancelledByCaller = true;
            if (ended || !started || inputPhase) {
                return; // ended already, or start() ends it before the stream opens
            }
            ended = true;
            outbox.clear(); // no callback after a cancellation
            cancelUpstream();
            if (!audited) {
                audited = true;
                recordReports();
                control.cancelled();
            }
        }
        drain();
    }

    /** Records the REPORT findings of the text checked last, once: a REPORT rule only records what it saw. */
    private void recordReports() {
        for (Map.Entry<Rule, List<Finding>> entry : reports.entrySet()) {
            for (Finding f : entry.getValue()) {
                control.violation(entry.getKey(), Action.REPORT, f.evidence());
            }
        }
        reports.clear();
    }

    /** Where a check with {@code lookAhead} must start reading this time; see {@link #evaluate}. */
    private int tailStart(NormalizedText normalized, int lookAhead) {
        if (lookAhead <= 0 || lookAhead == OutputCheck.WHOLE_ANSWER) {
            return 0;
        }
        int from = checkedNormalized - lookAhead - 1;
        if (from <= 0) {
            return 0;
        }
        int index = normalized.originalIndex(from);
        return index > 0 && Character.isLowSurrogate(normalized.original().charAt(index)) ? index - 1 : index;
    }

    /**
     * The findings of a tail that starts at {@code offset}, with their spans moved to the whole text. A match
     * that ends before the end of the text checked last time was judged then, with its full context (the tail
     * cuts off what a look-behind reads): it is left out.
     */
    private List<Finding> newInTail(List<Finding> findings, int offset, NormalizedText normalized) {
        if (findings.isEmpty()) {
            return findings;
        }
        int checkedEnd = normalized.originalEnd(checkedNormalized);
        List<Finding> shifted = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Span> spans = new ArrayList<>(f.spans().size());
            for (Span s : f.spans()) {
                if (s.end() + offset >= checkedEnd) {
                    spans.add(new Span(s.start() + offset, s.end() + offset));
                }
            }
            if (spans.isEmpty() && !f.spans().isEmpty()) {
                continue;
            }
            shifted.add(new Finding(f.message(), f.evidence(), spans));
        }
        return shifted;
    }

    private static boolean reachesEnd(Finding f, int visibleEnd) {
        for (Span s : f.spans()) {
            if (s.end() >= visibleEnd) {
                return true;
            }
        }
        return false;
    }

    private static int firstStart(Finding f) {
        int start = Integer.MAX_VALUE;
        for (Span s : f.spans()) {
            start = Math.min(start, s.start());
        }
        return start == Integer.MAX_VALUE ? -1 : start;
    }

    private void notStarted() {
        if (started) {
            throw new IllegalStateException("set the callbacks of a TokenStream before start()");
        }
    }

    private UnsupportedOperationException unsupported(String callback, String why) {
        return new UnsupportedOperationException(control.describe() + " returns a guarded TokenStream: "
                + callback + " is not supported, because " + why);
    }

    /** One model call's stream; callbacks of an attempt that is no longer current are ignored. */
    private final class Attempt implements StreamingChatResponseHandler {

        private final ChatRequest request;
        private StreamingHandle handle;
        private ChatResponse response;

        Attempt(ChatRequest request) {
            this.request = request;
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            partial(this, partialResponse, null);
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            partial(this, partialResponse.text(), context == null ? null : context.streamingHandle());
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            activity(this, null);
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            activity(this, context == null ? null : context.streamingHandle());
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            activity(this, null);
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
            activity(this, context == null ? null : context.streamingHandle());
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            activity(this, null);
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            completed(this, completeResponse);
        }

        @Override
        public void onError(Throwable error) {
            upstreamFailed(this, error);
        }
    }

    /** The handle the caller receives with each partial response: cancelling it cancels the call. */
    private final class CallerHandle implements StreamingHandle {

        @Override
        public void cancel() {
            cancelByCaller();
        }

        @Override
        public boolean isCancelled() {
            synchronized (StreamingCall.this) {
                return cancelledByCaller;
            }
        }
    }
}
