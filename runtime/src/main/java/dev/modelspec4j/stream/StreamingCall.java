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
import dev.modelspec4j.Violation;
import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.enforce.CallControl;
import dev.modelspec4j.enforce.Endings;
import dev.modelspec4j.enforce.Endings.Ending;
import dev.modelspec4j.enforce.RuleRunner;
import dev.modelspec4j.enforce.Verdict;
import dev.modelspec4j.enforce.Guardrails;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * non-streaming call. How each action ends a stream, and where that differs from a blocking call, is decided by
 * {@link Endings}, with what a stream can do ({@link Endings.Capabilities#STREAM},
 * {@link Endings.Capabilities#BUFFERED_STREAM}); the rules' findings become a {@link Verdict} through
 * {@link RuleRunner}, as in a blocking call.
 *
 * <p>Thread-safe, and no lock is held while code other than the engine's runs. Everything that happens to the
 * call (a part, the end or an error from upstream, the idle timer, the caller's cancellation) is an event put
 * in an inbox under a short lock; one thread at a time takes the turn and runs the events in order, without the
 * lock, then hands the caller what they gave (partial responses, the ending) in order, one callback at a time.
 * The call's state belongs to whichever thread has the turn. So the checks, LangChain4j guardrails, the audit
 * sink, chat memory and the caller's callbacks all run with no lock held: a thread that delivers a part while a
 * callback runs, or blocks, only adds an event and returns. A cancellation takes effect at once (the ending is
 * claimed and the upstream request cancelled from the cancelling thread); its audit record is written by the
 * thread that has the turn, at once when no other thread has it.
 */
public final class StreamingCall implements TokenStream {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingCall.class);

    private static final String SEPARATOR = "\n\n";

    private final CallControl control;
    private final boolean buffered;
    private final CallerHandle callerHandle = new CallerHandle();

    // The caller's callbacks: set before start(), under the turn lock; read by the thread with the turn.
    private Consumer<String> onPartial;
    private BiConsumer<PartialResponse, PartialResponseContext> onPartialWithContext;
    private Consumer<ChatResponse> onComplete;
    private Consumer<Throwable> onError;
    private boolean ignoreErrors;

    // ---- the turn: the only lock, held to add or take an event, never while an event or callback runs ----
    private final Object turn = new Object();
    /** The events not yet run, in order; under {@link #turn}. */
    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    /** Whether a thread has the turn; under {@link #turn}. */
    private boolean draining;
    /** A model call to send once the turn is given up (a model may answer on the sending thread); under the turn. */
    private Attempt toSend;
    /** Whether {@code start()} was called; under {@link #turn}. */
    private boolean started;

    // ---- shared with other threads without the turn ----
    /** Set once, by whoever ends the call first: the engine (an ending) or the caller (a cancellation). */
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Whether the caller's cancellation ended the call: from then on the caller receives nothing. */
    private volatile boolean cancelledByCaller;
    /** The current model call, whose upstream request a cancellation cancels. */
    private volatile Attempt current;

    // ---- the call's state: read and written only by the thread that has the turn ----
    private List<Rule> rules = List.of();
    /** The rules judged mid-stream: those whose checks have a bounded look-ahead. */
    private List<Rule> prefixRules = List.of();
    private int window;
    /** The {@code @Pii} output mode of an unbuffered stream; null when there is none to apply. */
    private PrivacyFilter privacy;
    /** The current model call's answer so far, with its normalised form. */
    private final GrowingText received = new GrowingText();
    /** {@link #received} as a string, made when something reads the whole answer; null when it changed since. */
    private String whole;
    private int released;
    /** How many normalised characters the previous check of this attempt saw. */
    private int checkedNormalized;
    /** The per-call companions of the output checks that have one; see {@link OutputCheck#watch}. */
    private Map<Rule, StreamWatch> watches = Map.of();
    /** Where the previous check held the answer back from: a match still open or pending; MAX_VALUE if none. */
    private int heldFrom = Integer.MAX_VALUE;
    private final StringBuilder delivered = new StringBuilder();
    /** The settled findings of REPORT rules on the text so far, recorded when the call ends. */
    private List<Violation> reports = List.of();
    private boolean audited;
    /** Whether a LangChain4j output guardrail rewrote the current answer. */
    private boolean rewritten;
    /** What the caller has yet to receive, in order; handed over by the thread with the turn, after each event. */
    private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();

    private long idleTimeoutNanos;
    /** When the current model call last sent anything, or was sent ({@code System.nanoTime()}). */
    private volatile long lastActivity;
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
    public TokenStream onPartialResponse(Consumer<String> handler) {
        synchronized (turn) {
            notStarted();
            this.onPartial = Objects.requireNonNull(handler, "handler");
        }
        return this;
    }

    @Override
    public TokenStream onPartialResponseWithContext(
            BiConsumer<PartialResponse, PartialResponseContext> handler) {
        synchronized (turn) {
            notStarted();
            this.onPartialWithContext = Objects.requireNonNull(handler, "handler");
        }
        return this;
    }

    @Override
    public TokenStream onCompleteResponse(Consumer<ChatResponse> handler) {
        synchronized (turn) {
            notStarted();
            this.onComplete = Objects.requireNonNull(handler, "handler");
        }
        return this;
    }

    @Override
    public TokenStream onError(Consumer<Throwable> handler) {
        synchronized (turn) {
            notStarted();
            this.onError = Objects.requireNonNull(handler, "handler");
        }
        return this;
    }

    @Override
    public TokenStream ignoreErrors() {
        synchronized (turn) {
            notStarted();
            this.ignoreErrors = true;
        }
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
        synchronized (turn) {
            if (started) {
                throw new IllegalStateException("this TokenStream was already started");
            }
            if (onError == null && !ignoreErrors) {
                throw new IllegalStateException(control.describe()
                        + ": set onError(...) or call ignoreErrors() before start()");
            }
            started = true;
            draining = true; // the input phase has the turn: events that come meanwhile wait for it
        }
        try {
            open();
            handOver();
        } catch (RuntimeException | Error e) {
            giveUpTurn();
            throw e;
        }
        runTurn();
    }

    /** The input phase and the first model call; with the turn. */
    private void open() {
        if (cancelledByCaller) { // cancelled before it started: the model is never called
            audited = true;
            control.cancelled();
            return;
        }
        idleTimeoutNanos = control.idleTimeout().toNanos();
        CallControl.Opening opening;
        try {
            opening = control.open(); // may call a moderation model; a cancellation meanwhile waits for it
        } catch (RuntimeException e) { // blocked, refused override, or an audit failure: all audited
            audited = true;
            if (end()) {
                error(e);
            }
            return;
        }
        if (cancelledByCaller) {
            return; // its event, queued meanwhile, audits it
        }
        rules = control.outputRules();
        List<Rule> judged = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            if (RuleRunner.judgesPrefixes(rule)) {
                judged.add(rule);
            }
        }
        prefixRules = judged;
        window = buffered ? OutputCheck.WHOLE_ANSWER : window(rules);
        watches = buffered ? Map.of() : watches(rules);
        privacy = buffered ? null : PrivacyFilter.of(control); // holds back its own look-ahead
        if (opening == CallControl.Opening.REFUSED) {
            if (end()) {
                finish(Outcome.REFUSED, control.refusalText(), null, FinishReason.CONTENT_FILTER);
            }
        } else {
            newAttempt();
        }
    }

    // ---- the turn -------------------------------------------------------------------------------------

    /**
     * Adds an event; runs it, and whatever comes meanwhile, at once unless another thread has the turn, in which
     * case that thread runs it after the event it is running.
     */
    private void submit(Runnable event) {
        synchronized (turn) {
            inbox.add(event);
            if (draining) {
                return;
            }
            draining = true;
        }
        runTurn();
    }

    /**
     * Runs the events in order, each followed by the callbacks it gave the caller, with no lock held; then gives
     * up the turn and sends the model call that an event prepared. Called by the thread that took the turn.
     */
    private void runTurn() {
        while (true) {
            Runnable next;
            Attempt send = null;
            synchronized (turn) {
                next = inbox.poll();
                if (next == null) {
                    draining = false;
                    send = toSend;
                    toSend = null;
                }
            }
            if (next == null) {
                if (send != null) {
                    send(send);
                }
                return;
            }
            try {
                next.run();
                stopIdleCheckOnceEnded();
                handOver();
            } catch (RuntimeException | Error e) {
                giveUpTurn();
                throw e;
            }
        }
    }

    /** A failure escaped an event: the turn is given up, so that later events still run. */
    private void giveUpTurn() {
        synchronized (turn) {
            draining = false;
        }
    }

    /**
     * Claims the call's ending; false when it ended already, by the engine or by the caller's cancellation, in
     * which case the caller hears nothing more from this path.
     */
    private boolean end() {
        return ended.compareAndSet(false, true);
    }

    /** The largest look-ahead of {@code rules}, REPORT rules included (they record what they see). */
    static int window(List<Rule> rules) {
        int window = 0;
        for (Rule rule : rules) {
            window = Math.max(window, rule.output().lookAhead());
        }
        return window;
    }

    /** The per-call companions of the output checks that watch a stream; with the turn. */
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
    private List<Finding> watched(Rule rule, List<Finding> findings) {
        StreamWatch watch = watches.get(rule);
        if (watch == null) {
            return findings;
        }
        StreamWatch.Reading reading = watch.read(whole());
        heldFrom = Math.min(heldFrom, reading.holdFrom());
        if (reading.findings().isEmpty()) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(reading.findings());
        return all;
    }

    // ---- the model's side -----------------------------------------------------------------------------

    /** Counts a model call and makes it the current one; with the turn. It is sent once the turn is given up. */
    private void newAttempt() {
        control.modelCalled();
        received.clear();
        whole = null;
        released = 0;
        checkedNormalized = 0;
        heldFrom = Integer.MAX_VALUE;
        Attempt attempt = new Attempt(ChatRequest.builder().messages(control.messages()).build());
        current = attempt;
        lastActivity = System.nanoTime();
        if (idleCheck == null) {
            idleCheck = IdleTimer.schedule(() -> submit(this::checkIdle), idleTimeoutNanos);
        }
        synchronized (turn) {
            toSend = attempt;
        }
    }

    /** Sends a model call; without the turn, since a model may answer on the calling thread. */
    private void send(Attempt attempt) {
        if (attempt != current || ended.get()) {
            return; // cancelled, or timed out, before the request went
        }
        try {
            control.streamingModel().chat(attempt.request, attempt);
        } catch (RuntimeException e) {
            submit(() -> upstreamFailed(attempt, e));
        }
    }

    private void partial(Attempt attempt, String text, StreamingHandle handle) {
        if (!heardFrom(attempt, handle)) {
            return;
        }
        if (text == null || text.isEmpty()) {
            return;
        }
        received.append(text);
        whole = null;
        if (window != OutputCheck.WHOLE_ANSWER) {
            evaluate(false);
        }
    }

    /**
     * Notes that {@code attempt} sent something (it is not silent) and keeps its handle; false when it is no
     * longer current, in which case its request is cancelled. With the turn.
     */
    private boolean heardFrom(Attempt attempt, StreamingHandle handle) {
        if (attempt != current || ended.get()) {
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

    private void completed(Attempt attempt, ChatResponse response) {
        if (attempt != current || ended.get()) {
            return;
        }
        attempt.response = response;
        judge(response);
    }

    /**
     * Judges the complete response, then checks the whole answer: a request to run tools or a reply without
     * text ends the call with {@code UnexpectedReplyException}, finish reason {@code CONTENT_FILTER} with the
     * refusal. With the turn.
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
        if (received.isEmpty() && reply != null && reply.text() != null) {
            received.append(reply.text()); // a model that sent no partial responses
            whole = null;
        }
        if (whole().isBlank()) {
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
     * call or asked the model again. With the turn: the guardrails run with no lock held.
     */
    private boolean guardOutput(ChatResponse response) {
        String text = whole();
        ChatResponse answer = response != null && response.aiMessage() != null ? response
                : ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
        Guardrails.Decision guarded = control.guardOutput(answer, text);
        rewritten = false;
        if (guarded == null || guarded.action() == null) {
            return true;
        }
        Ending ending = Endings.of(Phase.OUTPUT, guarded.action(), Endings.Capabilities.BUFFERED_STREAM,
                control.modelCalls() < guarded.reaskLimit(), control.hasRefusal());
        switch (ending) {
            case REDACT -> {
                received.replace(guarded.text());
                whole = null;
                rewritten = true;
                return true;
            }
            case ASK_AGAIN -> {
                control.reask(text, guarded.reasons());
                newAttempt();
                return false;
            }
            case REFUSE -> {
                if (end()) {
                    refuse(FinishReason.STOP);
                }
                return false;
            }
            default -> {
                if (end()) {
                    blocked();
                }
                return false;
            }
        }
    }

    /** Ends the call on a reply it cannot return; what was held back is dropped. With the turn. */
    private void unexpectedReply(String reason) {
        if (!end()) {
            return;
        }
        audited = true;
        recordReports();
        error(control.unexpectedReply(reason)); // never throws: an audit failure is added as suppressed
    }

    /** The provider's filter stopped the answer: the refusal ends it, after what was released. With the turn. */
    private void contentFiltered(String evidence) {
        if (!end()) {
            return;
        }
        cancelUpstream();
        recordReports();
        control.contentFiltered(evidence);
        refuse(FinishReason.CONTENT_FILTER);
    }

    private void upstreamFailed(Attempt attempt, Throwable failure) {
        if (attempt != current || ended.get()) {
            return;
        }
        if (failure instanceof ContentFilteredException) { // a provider's refusal, e.g. OpenAI's
            contentFiltered("the provider refused to answer (" + failure.getClass().getSimpleName() + ")");
        } else if (end()) {
            audited = true;
            recordReports();
            error(control.failed(failure)); // what was held back is dropped: it was never checked to the end
        }
    }

    /** The idle timer: ends a stream that sent nothing for the idle timeout, or looks again later. */
    private void checkIdle() {
        idleCheck = null;
        if (ended.get()) {
            return;
        }
        long silent = System.nanoTime() - lastActivity;
        if (silent < idleTimeoutNanos) {
            idleCheck = IdleTimer.schedule(() -> submit(this::checkIdle), idleTimeoutNanos - silent);
            return;
        }
        if (!end()) {
            return;
        }
        cancelUpstream(); // a model that sent nothing yet gave no handle: its first callback cancels it
        audited = true;
        recordReports();
        error(control.timedOut()); // what was held back is dropped: it was never checked to the end
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
        int visibleEnd = complete ? Integer.MAX_VALUE : HoldBack.visibleEnd(received);
        int heldBefore = heldFrom;
        heldFrom = Integer.MAX_VALUE;
        int[] pendingFrom = {Integer.MAX_VALUE};
        Verdict verdict = RuleRunner.judgePrefix(complete ? rules : prefixRules,
                rule -> scan(rule, heldBefore, complete),
                (rule, finding) -> {
                    if (reachesEnd(finding, visibleEnd)) {
                        pendingFrom[0] = Math.min(pendingFrom[0], firstStart(finding));
                        return false;
                    }
                    return true;
                }, control.modelCalls());
        reports = verdict.reports(); // REPORT rules read the whole text: the latest reading has them all
        if (!verdict.passes()) {
            List<Violation> acting = new ArrayList<>(verdict.violations().size());
            for (Violation v : verdict.violations()) {
                if (v.action() != Action.REPORT) {
                    acting.add(v);
                }
            }
            control.record(acting);
        }
        if (!complete) {
            checkedNormalized = received.normalizedLength();
            heldFrom = Math.min(pendingFrom[0], heldFrom); // the next check reads from there on
        }
        if (verdict.passes()) {
            if (complete && buffered && released == 0) {
                // Nothing released yet: the whole answer can still pass the @Pii output mode.
                if (!end()) {
                    return;
                }
                String text = whole();
                String shown = control.protectOutput(text);
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
                if (!end()) {
                    return;
                }
                String rest = privacy == null ? received.substring(released)
                        : privacy.advance(received.original(), received.length(), true);
                released = received.length();
                recordReports();
                if (rest == null) {
                    privacyBlocked();
                    return;
                }
                finish(Outcome.DELIVERED, rest, current.response, FinishReason.STOP);
            } else {
                release(Math.min(HoldBack.releasable(received, window), heldFrom));
            }
            return;
        }
        enforce(verdict, complete, whole());
    }

    /** The whole answer so far, as a string: made once per change, and only when something reads all of it. */
    private String whole() {
        if (whole == null) {
            whole = received.toString();
        }
        return whole;
    }

    /**
     * What {@code rule}'s check finds in the text received so far: all of it when the answer is complete, for
     * REPORT rules and for checks without look-ahead; otherwise the tail that can hold a new match, with the
     * findings of the check's watch.
     */
    private List<Finding> scan(Rule rule, int heldBefore, boolean complete) {
        OutputCheck check = rule.output();
        int from = complete || rule.effectiveAction() == Action.REPORT ? 0
                : Math.min(tailStart(check.lookAhead()),
                        HoldBack.contextStart(received, heldBefore, check.lookAhead()));
        List<Finding> findings = from == 0 ? check.check(whole(), control.checkContext())
                : newInTail(check.check(received.substring(from), control.checkContext()), from);
        return complete ? findings : watched(rule, findings);
    }

    private void enforce(Verdict verdict, boolean complete, String text) {
        recordReports();
        Ending ending = Endings.of(Phase.OUTPUT, verdict.strongest(),
                buffered && complete ? Endings.Capabilities.BUFFERED_STREAM : Endings.Capabilities.STREAM,
                control.modelCalls() < control.maxAttempts(), control.hasRefusal());
        if (ending == Ending.ASK_AGAIN) {
            control.reask(text, verdict.reasons());
            newAttempt();
            return;
        }
        if (!end()) {
            return;
        }
        if (!complete) {
            cancelUpstream();
        }
        FinishReason reason = complete ? FinishReason.STOP : FinishReason.CONTENT_FILTER;
        switch (ending) {
            case REDACT -> redacted(verdict.redactions(), complete, text, reason);
            case REFUSE -> refuse(reason);
            default -> blocked(); // BLOCK, and FALLBACK, which a stream cannot take
        }
    }

    /**
     * REDACT: the held-back text up to the last masked span, masked, ends the stream (the whole rest once the
     * answer is complete). A span in text already released means the declared look-ahead was too small: that
     * fails closed.
     */
    private void redacted(List<Span> redactions, boolean complete, String text, FinishReason reason) {
        int end = complete ? text.length() : 0;
        List<Span> shifted = new ArrayList<>(redactions.size());
        for (Span s : redactions) {
            if (s.start() < released) {
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
                privacyBlocked();
                return;
            }
        }
        finish(Outcome.REDACTED, ending, complete ? current.response : null, reason);
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
            String piece = privacy.advance(received.original(), boundary, false);
            if (piece == null) {
                if (end()) {
                    cancelUpstream();
                    privacyBlocked();
                }
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
     * look-ahead): recorded as the rule's violation, before any of the value was released. The caller has
     * claimed the ending.
     */
    private void privacyBlocked() {
        recordReports();
        control.outputPrivacyViolation(true, List.of(privacy.failure()));
        blocked();
    }

    /** Releases {@code chunk} to the caller (through the outbox). */
    private void emit(String chunk) {
        delivered.append(chunk);
        outbox.add(() -> partialToCaller(chunk));
    }

    /** Ends the caller's stream with {@code e} (through the outbox). */
    private void error(Throwable e) {
        outbox.add(() -> errorToCaller(e));
    }

    /**
     * Hands the outbox over to the caller, in order, one callback at a time, with the turn and no lock held.
     * After a cancellation the caller receives nothing more.
     */
    private void handOver() {
        Runnable next;
        while ((next = outbox.poll()) != null) {
            if (cancelledByCaller) {
                outbox.clear();
                return;
            }
            next.run();
        }
    }

    /** With the turn: an ended call needs no idle check, and the timer should not keep it reachable. */
    private void stopIdleCheckOnceEnded() {
        if (ended.get() && idleCheck != null) {
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

    /** A callback of the caller threw: that ends the call, and the caller gets {@code onError}. With the turn. */
    private void callerFailed(RuntimeException e) {
        outbox.clear();
        if (cancelledByCaller) {
            return;
        }
        if (end()) {
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

    private void cancelUpstream() {
        Attempt attempt = current;
        StreamingHandle handle = attempt == null ? null : attempt.handle;
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
    }

    /**
     * The caller cancels, from any thread: claims the ending at once, cancels the upstream request, and leaves
     * the audit record to the thread with the turn (this one, when no other has it). Before {@code start()} the
     * record is written by {@code start()}, which then calls no model.
     */
    private void cancelByCaller() {
        boolean run;
        synchronized (turn) {
            if (!end()) {
                return; // ended already: a cancellation changes nothing
            }
            cancelledByCaller = true;
            if (!started) {
                return;
            }
            run = !draining;
            boolean inCancel = run; // the event then runs within this cancel(), first
            inbox.add(() -> cancelled(inCancel));
            draining = true;
        }
        cancelUpstream();
        if (run) {
            runTurn();
        }
    }

    /**
     * The event of a cancellation: audits it, unless the call was audited already. With the turn. When the
     * record cannot be written, {@code cancel()} throws the sink's exception if the event runs within it;
     * otherwise (a callback had the turn) the exception is logged: it must not reach the model's thread.
     */
    private void cancelled(boolean inCancel) {
        outbox.clear(); // no callback after a cancellation
        stopIdleCheckOnceEnded();
        if (audited) {
            return;
        }
        audited = true;
        recordReports();
        try {
            control.cancelled();
        } catch (RuntimeException auditFailure) {
            if (inCancel) {
                throw auditFailure;
            }
            LOG.warn("{}: the audit record of a cancelled stream could not be written", control.describe(),
                    auditFailure);
        }
    }

    /** Records the REPORT findings of the text checked last, once: a REPORT rule only records what it saw. */
    private void recordReports() {
        control.record(reports);
        reports = List.of();
    }

    /** Where a check with {@code lookAhead} must start reading this time; see {@link #evaluate}. */
    private int tailStart(int lookAhead) {
        if (lookAhead <= 0 || lookAhead == OutputCheck.WHOLE_ANSWER) {
            return 0;
        }
        int from = checkedNormalized - lookAhead - 1;
        if (from <= 0) {
            return 0;
        }
        int index = received.originalIndex(from);
        return index > 0 && Character.isLowSurrogate(received.original().charAt(index)) ? index - 1 : index;
    }

    /**
     * The findings of a tail that starts at {@code offset}, with their spans moved to the whole text. A match
     * that ends before the end of the text checked last time was judged then, with its full context (the tail
     * cuts off what a look-behind reads): it is left out.
     */
    private List<Finding> newInTail(List<Finding> findings, int offset) {
        if (findings.isEmpty()) {
            return findings;
        }
        int checkedEnd = received.originalEnd(checkedNormalized);
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
        private volatile StreamingHandle handle;
        private ChatResponse response;

        Attempt(ChatRequest request) {
            this.request = request;
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            submit(() -> partial(this, partialResponse, null));
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            StreamingHandle handle = context == null ? null : context.streamingHandle();
            if (handle != null) {
                this.handle = handle; // at once: a cancellation from another thread may need it
            }
            submit(() -> partial(this, partialResponse.text(), handle));
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            submit(() -> heardFrom(this, null));
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            StreamingHandle handle = context == null ? null : context.streamingHandle();
            submit(() -> heardFrom(this, handle));
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            submit(() -> heardFrom(this, null));
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
            StreamingHandle handle = context == null ? null : context.streamingHandle();
            submit(() -> heardFrom(this, handle));
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            submit(() -> heardFrom(this, null));
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            submit(() -> completed(this, completeResponse));
        }

        @Override
        public void onError(Throwable error) {
            submit(() -> upstreamFailed(this, error));
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
            return cancelledByCaller;
        }
    }
}
