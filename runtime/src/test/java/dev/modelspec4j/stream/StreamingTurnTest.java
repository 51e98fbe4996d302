package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.enforce.Enforcer;
import dev.modelspec4j.enforce.Guardrails;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.enforce.Rule;
import dev.modelspec4j.enforce.SpecInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A stream runs no code but the engine's under a lock: checks, guardrails, the audit sink and the caller's
 * callbacks may block, re-enter the stream or cancel it, and other threads that deliver parts or cancel are
 * never kept waiting for them.
 */
class StreamingTurnTest {

    private static final String ANSWER = "Thanks for asking. Your parcel left the warehouse this morning and"
            + " arrives tomorrow, between eight and six; the carrier sends a text an hour before.";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /** Streams the answer in chunks of 4 characters on the calling thread. */
    private static final class InlineModel implements StreamingChatModel {
        final FlagHandle handle = new FlagHandle();

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            for (String chunk : StreamedModel.chunks(ANSWER, 4)) {
                if (handle.cancelled) {
                    return;
                }
                handler.onPartialResponse(new PartialResponse(chunk), new PartialResponseContext(handle));
            }
            if (!handle.cancelled) {
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(ANSWER)).build());
            }
        }
    }

    private static Enforcer enforcer(StreamingChatModel model, AuditSink sink) {
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), null, model, null, null, sink,
                Clock.systemUTC(), null);
    }

    private static MethodPlan plan(OutputCheck check) {
        return new MethodPlan("answer", List.of(Rule.output("answer.rule", Level.DEVELOPER, Action.BLOCK, check)), 1,
                "");
    }

    /** A check that finds nothing, with a look-ahead of 8, that runs {@code probe} on every call. */
    private static OutputCheck probing(Runnable probe) {
        return new OutputCheck() {
            @Override
            public List<Finding> check(String answer) {
                probe.run();
                return List.of();
            }

            @Override
            public int lookAhead() {
                return 8;
            }
        };
    }

    /** Cancels {@code stream} from another thread; whether that returned within 10 seconds. */
    private static boolean cancelFromAnotherThread(AtomicReference<StreamingCall> stream) {
        Thread canceller = new Thread(() -> stream.get().streamingHandle().cancel());
        canceller.start();
        try {
            canceller.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !canceller.isAlive();
    }

    /** A model that keeps the handler: the test delivers the parts, from threads of its choice. */
    private static final class HeldModel implements StreamingChatModel {
        final CompletableFuture<StreamingChatResponseHandler> handler = new CompletableFuture<>();

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler h) {
            handler.complete(h);
        }
    }

    /** Runs {@code action} on a new thread; whether it returned within 10 seconds. */
    private static boolean returnsPromptly(Runnable action) throws InterruptedException {
        Thread thread = new Thread(action);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        return !thread.isAlive();
    }

    @Test
    void aBlockedCallbackKeepsNeitherAnotherDeliveringThreadNorACancellationWaiting() throws Exception {
        HeldModel model = new HeldModel();
        FlagHandle upstream = new FlagHandle();
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> partials = new CopyOnWriteArrayList<>();
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        StreamingCall stream = (StreamingCall) enforcer(model, audit).streamingCall(plan(probing(() -> { })))
                .userMessage("question").stream(false);
        stream.onPartialResponse(chunk -> {
            partials.add(chunk);
            inCallback.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).onCompleteResponse(complete::set).onError(error::set).start();
        StreamingChatResponseHandler handler = model.handler.get(10, TimeUnit.SECONDS);
        PartialResponseContext context = new PartialResponseContext(upstream);

        Thread first = new Thread(() -> handler.onPartialResponse(new PartialResponse(ANSWER.substring(0, 40)),
                context));
        first.start(); // its thread takes the turn and runs the callback, which blocks
        assertThat(inCallback.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(returnsPromptly(() -> handler.onPartialResponse(new PartialResponse(ANSWER.substring(40)),
                context))).isTrue();
        assertThat(returnsPromptly(() -> handler.onCompleteResponse(
                ChatResponse.builder().aiMessage(AiMessage.from(ANSWER)).build()))).isTrue();
        assertThat(returnsPromptly(() -> stream.streamingHandle().cancel())).isTrue();
        assertThat(stream.streamingHandle().isCancelled()).isTrue();
        assertThat(upstream.cancelled).isTrue(); // at once, from the cancelling thread
        assertThat(audit.records()).isEmpty(); // written by the thread with the turn, once the callback returns

        release.countDown();
        first.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(first.isAlive()).isFalse();
        assertThat(audit.records()).extracting(AuditRecord::outcome).containsExactly(Outcome.CANCELLED);
        assertThat(partials).hasSize(1); // nothing after the cancellation, though the rest had arrived
        assertThat(complete.get()).isNull();
        assertThat(error.get()).isNull();
    }

    @Test
    void aCallbackThatCancelsReentrantlyEndsTheCallOnceAndHearsNothingMore() {
        InlineModel model = new InlineModel();
        List<String> partials = new CopyOnWriteArrayList<>();
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        enforcer(model, audit).streamingCall(plan(probing(() -> { }))).userMessage("question").stream(false)
                .onPartialResponseWithContext((partial, context) -> {
                    partials.add(partial.text());
                    context.streamingHandle().cancel();
                    context.streamingHandle().cancel(); // twice: changes nothing
                })
                .onCompleteResponse(complete::set)
                .ignoreErrors()
                .start();

        assertThat(partials).hasSize(1);
        assertThat(model.handle.cancelled).isTrue();
        assertThat(complete.get()).isNull();
        assertThat(audit.records()).extracting(AuditRecord::outcome).containsExactly(Outcome.CANCELLED);
    }

    @Test
    void aCheckRunsWithNoLockHeld() {
        AtomicReference<StreamingCall> stream = new AtomicReference<>();
        AtomicReference<Boolean> cancelReturned = new AtomicReference<>();
        OutputCheck check = probing(() -> {
            if (cancelReturned.get() == null) {
                cancelReturned.set(cancelFromAnotherThread(stream));
            }
        });
        InlineModel model = new InlineModel();
        List<String> partials = new CopyOnWriteArrayList<>();
        stream.set((StreamingCall) enforcer(model, audit).streamingCall(plan(check)).userMessage("question")
                .stream(false));
        stream.get().onPartialResponse(partials::add).ignoreErrors().start();

        assertThat(cancelReturned.get()).isTrue();
        assertThat(model.handle.cancelled).isTrue();
        assertThat(partials).isEmpty();
        assertThat(audit.records()).extracting(AuditRecord::outcome).containsExactly(Outcome.CANCELLED);
    }

    @Test
    void theAuditSinkRunsWithNoLockHeld() {
        AtomicReference<StreamingCall> stream = new AtomicReference<>();
        AtomicReference<Boolean> cancelReturned = new AtomicReference<>();
        InMemoryAuditSink records = new InMemoryAuditSink();
        AuditSink sink = record -> {
            cancelReturned.set(cancelFromAnotherThread(stream)); // the call has ended: cancelling changes nothing
            records.write(record);
        };
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        stream.set((StreamingCall) enforcer(new InlineModel(), sink).streamingCall(plan(probing(() -> { })))
                .userMessage("question").stream(false));
        stream.get().onCompleteResponse(complete::set).ignoreErrors().start();

        assertThat(cancelReturned.get()).isTrue();
        assertThat(records.records()).extracting(AuditRecord::outcome).containsExactly(Outcome.DELIVERED);
        assertThat(complete.get().aiMessage().text()).isEqualTo(ANSWER);
    }

    @Test
    void anOutputGuardrailRunsWithNoLockHeld() {
        AtomicReference<StreamingCall> stream = new AtomicReference<>();
        CompletableFuture<Boolean> cancelReturned = new CompletableFuture<>();
        OutputGuardrail guardrail = new OutputGuardrail() {
            @Override
            public OutputGuardrailResult validate(OutputGuardrailRequest request) {
                cancelReturned.complete(cancelFromAnotherThread(stream));
                return success();
            }
        };
        Guardrails guardrails = new Guardrails("{{it}}", 0).output("guardrail.Probe", guardrail);
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        stream.set((StreamingCall) enforcer(new InlineModel(), audit).streamingCall(plan(probing(() -> { })))
                .userMessage("question").guardrails(guardrails).stream(true));
        stream.get().onCompleteResponse(complete::set).ignoreErrors().start();

        assertThat(cancelReturned.getNow(false)).isTrue();
        assertThat(complete.get()).isNull(); // cancelled while the guardrail judged: nothing was released
        assertThat(audit.records()).extracting(AuditRecord::outcome).containsExactly(Outcome.CANCELLED);
    }

    @Test
    void whenACancellationCannotBeAuditedCancelThrowsOrTheThreadWithTheTurnLogsIt() {
        AuditSink failing = record -> {
            throw new IllegalStateException("disk full");
        };
        HeldModel held = new HeldModel();
        StreamingCall stream = (StreamingCall) enforcer(held, failing).streamingCall(plan(probing(() -> { })))
                .userMessage("question").stream(false);
        stream.ignoreErrors().start();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.streamingHandle().cancel())
                .isInstanceOf(dev.modelspec4j.ModelSpecException.class).hasMessageContaining("withheld");

        // Cancelled from a callback: the model's thread has the turn and must not receive the sink's exception.
        InlineModel inline = new InlineModel();
        List<String> partials = new CopyOnWriteArrayList<>();
        enforcer(inline, failing).streamingCall(plan(probing(() -> { }))).userMessage("question").stream(false)
                .onPartialResponseWithContext((partial, context) -> {
                    partials.add(partial.text());
                    context.streamingHandle().cancel();
                })
                .ignoreErrors()
                .start();
        assertThat(partials).hasSize(1);
        assertThat(inline.handle.cancelled).isTrue();
    }
}
