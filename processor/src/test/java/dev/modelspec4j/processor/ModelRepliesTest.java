package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.moderation.ModerationModel;
import dev.langchain4j.model.moderation.ModerationRequest;
import dev.langchain4j.model.moderation.ModerationResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.ModelCallException;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.UnexpectedReplyException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.AuditJson;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.StreamingAssistant;
import dev.modelspec4j.processor.fixtures.SupportAssistant;
import dev.modelspec4j.processor.fixtures.TriageAssistant;
import dev.modelspec4j.processor.fixtures.TriageAssistant.Priority;
import dev.modelspec4j.processor.fixtures.TriageAssistant.Ticket;
import dev.modelspec4j.stream.StreamingCall;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.ScriptedStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Replies that are not ordinary answers (tool requests, provider filters, answers cut off, empty replies,
 * silent streams) through generated assistants, blocking and streaming, over scripted models.
 */
class ModelRepliesTest {

    private static final String REFUSAL = "Sorry, I can't help with that.";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();

    private SupportAssistant support(ScriptedChatModel model) {
        return Fixtures.builder(SupportAssistant.class).chatModel(model)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
                        .chatMemoryStore(store).build())
                .auditSink(audit).build();
    }

    private StreamingAssistant streaming(ScriptedStreamingChatModel model, Duration idleTimeout) {
        return Fixtures.builder(StreamingAssistant.class)
                .chatModel(ScriptedChatModel.answering())
                .streamingChatModel(model)
                .moderationModel(new ModerationModel() {
                    @Override
                    public ModerationResponse doModerate(ModerationRequest request) {
                        throw new AssertionError("these methods are not moderated");
                    }
                })
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
                        .chatMemoryStore(store).build())
                .streamIdleTimeout(idleTimeout)
                .auditSink(audit)
                .build();
    }

    private StreamingAssistant streaming(ScriptedStreamingChatModel model) {
        return streaming(model, Duration.ofSeconds(60));
    }

    private String ask(SupportAssistant assistant) {
        return assistant.answer("s1", "Where is my order?", null, "the R2 router");
    }

    private static List<String> ruleIds(AuditRecord record) {
        return record.violations().stream().map(Violation::ruleId).toList();
    }

    // ---- blocking ------------------------------------------------------------------------------------------

    @Test
    void aToolRequestFailsClosedNamingTheToolsButNotTheirArguments() {
        SupportAssistant assistant = support(ScriptedChatModel.builder()
                .requestTools("get_weather", "book_flight").build());

        Throwable thrown = catchThrowable(() -> ask(assistant));

        assertThat(thrown).isInstanceOf(UnexpectedReplyException.class).isInstanceOf(ModelCallException.class)
                .hasMessageContaining("tool execution requested: get_weather, book_flight");
        UnexpectedReplyException unexpected = (UnexpectedReplyException) thrown;
        AuditRecord record = audit.last();
        assertThat(audit.records()).hasSize(1);
        assertThat(unexpected.callId()).isEqualTo(record.callId());
        assertThat(unexpected.reason()).isEqualTo("tool execution requested: get_weather, book_flight");
        assertThat(record.outcome()).isEqualTo(Outcome.UNEXPECTED_REPLY);
        assertThat(record.error()).isEqualTo("tool execution requested: get_weather, book_flight");
        assertThat(record.finishReasons()).containsExactly(FinishReason.TOOL_EXECUTION);
        assertThat(store.getMessages("s1")).isEmpty();
    }

    @Test
    void anAnswerStoppedByTheProvidersFilterEndsAsTheRefusal() {
        SupportAssistant assistant = support(ScriptedChatModel.builder()
                .reply("Here is how to get a guaran", FinishReason.CONTENT_FILTER).build());

        assertThat(ask(assistant)).isEqualTo(REFUSAL);

        AuditRecord record = audit.last();
        assertThat(record.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(record.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("provider.contentFilter");
            assertThat(v.level()).isEqualTo(Level.ROOT);
            assertThat(v.evidence()).contains("CONTENT_FILTER").doesNotContain("guaran");
        });
        assertThat(record.finishReasons()).containsExactly(FinishReason.CONTENT_FILTER);
        List<ChatMessage> memory = store.getMessages("s1");
        assertThat(((AiMessage) memory.get(memory.size() - 1)).text()).isEqualTo(REFUSAL);
    }

    @Test
    void aProviderRefusalEndsAsTheRefusalEvenWhereTheActionIsBlock() {
        // OpenAI's chat model throws ContentFilteredException when the reply carries a "refusal".
        ScriptedChatModel model = ScriptedChatModel.builder()
                .fail(new ContentFilteredException("I'm sorry, I cannot assist with that request."))
                .build();
        SupportAssistant assistant = support(model);

        ChatResponse response = assistant.block("How do I pick a lock?", "the R2 router");

        assertThat(response.aiMessage().text()).isEqualTo(REFUSAL);
        AuditRecord record = audit.last();
        assertThat(record.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ruleIds(record)).containsExactly("provider.contentFilter");
        assertThat(record.violations().get(0).evidence()).contains("ContentFilteredException")
                .doesNotContain("cannot assist");
        assertThat(record.error()).isNull();
    }

    @Test
    void anAnswerCutOffAtTheLengthLimitIsDeliveredAndEveryFinishReasonRecorded() {
        SupportAssistant assistant = support(ScriptedChatModel.builder()
                .reply("x".repeat(120)) // too long for the method's 80 characters: re-asked
                .reply("Your order ships on", FinishReason.LENGTH)
                .build());

        assertThat(ask(assistant)).isEqualTo("Your order ships on");

        AuditRecord record = audit.last();
        assertThat(record.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(record.modelCalls()).isEqualTo(2);
        assertThat(record.finishReasons()).containsExactly(FinishReason.STOP, FinishReason.LENGTH);
        assertThat(AuditJson.toJson(record)).contains("\"finishReasons\":[\"STOP\",\"LENGTH\"]");
    }

    @Test
    void aReplyWithoutTextIsNeverASilentEmptyAnswer() {
        SupportAssistant assistant = support(ScriptedChatModel.builder()
                .reply(AiMessage.builder().build(), FinishReason.STOP)
                .reply("  ", FinishReason.LENGTH)
                .build());

        assertThat(catchThrowable(() -> ask(assistant))).isInstanceOf(UnexpectedReplyException.class)
                .hasMessageContaining("the reply has no text (finish reason STOP)");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.UNEXPECTED_REPLY);
        assertThat(audit.last().error()).isEqualTo("the reply has no text (finish reason STOP)");

        assertThat(catchThrowable(() -> ask(assistant))).isInstanceOf(UnexpectedReplyException.class);
        assertThat(audit.last().error()).isEqualTo("the reply has no text (finish reason LENGTH)");
        assertThat(audit.records()).hasSize(2);
        assertThat(store.getMessages("s1")).isEmpty();
    }

    @Test
    void aStructuredAnswerCutOffIsReaskedWithTheReason() {
        String cutOff = StructuredOutputTest.TICKET.substring(0, 60);
        ScriptedChatModel model = ScriptedChatModel.builder()
                .reply(cutOff, FinishReason.LENGTH)
                .reply(StructuredOutputTest.TICKET)
                .build();
        TriageAssistant assistant = Fixtures.builder(TriageAssistant.class).chatModel(model).auditSink(audit).build();

        Ticket ticket = assistant.triage("The router is down since this morning.");

        assertThat(ticket.summary()).isEqualTo("Router down");
        String reask = ((UserMessage) model.lastRequest().messages().get(model.lastRequest().messages().size() - 1))
                .singleText();
        assertThat(reask).contains("cut off at the output length limit");
        AuditRecord record = audit.last();
        assertThat(record.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(record.finishReasons()).containsExactly(FinishReason.LENGTH, FinishReason.STOP);
        assertThat(record.violations()).extracting(Violation::evidence)
                .anySatisfy(e -> assertThat(e).contains("cut off").contains("LENGTH"));
    }

    @Test
    void aStructuredAnswerCutOffIsNeverBoundAsIfComplete() {
        // A valid list of two; the finish reason says that more was coming.
        String twoPriorities = "{\"values\": [\"LOW\", \"HIGH\"]}";
        ScriptedChatModel model = ScriptedChatModel.builder().reply(twoPriorities, FinishReason.LENGTH).build();
        TriageAssistant assistant = Fixtures.builder(TriageAssistant.class).chatModel(model).auditSink(audit).build();

        assertThat(catchThrowable(() -> assistant.priorities("Sort these")))
                .isInstanceOf(SpecViolationException.class).hasMessageContaining("cut off");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(audit.last().violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleId()).isEqualTo("priorities.schema"));
        assertThat(audit.last().finishReasons()).containsExactly(FinishReason.LENGTH);

        ScriptedChatModel complete = ScriptedChatModel.builder().reply(twoPriorities).build();
        assertThat(Fixtures.builder(TriageAssistant.class).chatModel(complete).auditSink(audit).build()
                .priorities("Sort these")).containsExactly(Priority.LOW, Priority.HIGH);
    }

    // ---- streaming -----------------------------------------------------------------------------------------

    /** What the caller of a stream received; {@link #done} completes on the stream's last callback. */
    private static final class Caller {
        final List<String> partials = new ArrayList<>();
        final AtomicReference<ChatResponse> complete = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Caller run(TokenStream stream) {
            stream.onPartialResponse(text -> {
                        synchronized (this) {
                            partials.add(text);
                        }
                    })
                    .onCompleteResponse(response -> {
                        complete.set(response);
                        done.complete(null);
                    })
                    .onError(e -> {
                        error.set(e);
                        done.complete(null);
                    })
                    .start();
            return this;
        }

        Caller awaitEnd() throws Exception {
            done.get(30, TimeUnit.SECONDS);
            return this;
        }

        synchronized String text() {
            return String.join("", partials);
        }
    }

    private static final String LONG = "Unplug the router for ten seconds, then plug it back in and wait for the"
            + " green light. If the light stays red after two minutes, press the reset button on the back for five"
            + " seconds and sign in again with the password on the label.";

    @Test
    void aStreamedToolRequestFailsClosed() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().requestTools("lookup_order").build();

        Caller caller = new Caller().run(streaming(model).chat("c1", "Where is my order?"));

        assertThat(caller.error.get()).isInstanceOf(UnexpectedReplyException.class)
                .hasMessageContaining("tool execution requested: lookup_order");
        assertThat(caller.complete.get()).isNull();
        assertThat(caller.text()).isEmpty();
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.UNEXPECTED_REPLY);
        assertThat(audit.last().error()).isEqualTo("tool execution requested: lookup_order");
        assertThat(audit.last().finishReasons()).containsExactly(FinishReason.TOOL_EXECUTION);
        assertThat(store.getMessages("c1")).isEmpty();
    }

    @Test
    void aStreamStoppedByTheProvidersFilterEndsWithTheRefusalAfterWhatWasReleased() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                .reply(ScriptedStreamingChatModel.split(LONG, 6), FinishReason.CONTENT_FILTER).build();

        Caller caller = new Caller().run(streaming(model).chat("c2", "Red light?"));

        assertThat(caller.error.get()).isNull();
        String released = caller.text().substring(0, caller.text().length() - ("\n\n" + REFUSAL).length());
        assertThat(released).isNotEmpty();
        assertThat(LONG).startsWith(released).isNotEqualTo(released); // the held-back end is dropped
        assertThat(caller.text()).endsWith("\n\n" + REFUSAL);
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(caller.text());
        assertThat(caller.complete.get().finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ruleIds(audit.last())).containsExactly("provider.contentFilter");
        assertThat(audit.last().finishReasons()).containsExactly(FinishReason.CONTENT_FILTER);
    }

    @Test
    void aStreamCutOffAtTheLengthLimitIsDeliveredAndRecorded() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                .reply(ScriptedStreamingChatModel.split(LONG, 6), FinishReason.LENGTH).build();

        Caller caller = new Caller().run(streaming(model).chat("c3", "Red light?"));

        assertThat(caller.text()).isEqualTo(LONG);
        assertThat(caller.complete.get().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(audit.last().finishReasons()).containsExactly(FinishReason.LENGTH);
    }

    @Test
    void aStreamWithoutTextEndsInOnError() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                .reply(List.of(), FinishReason.STOP).build();

        Caller caller = new Caller().run(streaming(model).chat("c4", "Hello?"));

        assertThat(caller.error.get()).isInstanceOf(UnexpectedReplyException.class)
                .hasMessageContaining("the reply has no text");
        assertThat(caller.complete.get()).isNull();
        assertThat(audit.last().outcome()).isEqualTo(Outcome.UNEXPECTED_REPLY);
    }

    @Test
    void aStalledStreamEndsWithATimeoutAndOneAuditRecord() throws Exception {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                .stallAfter(ScriptedStreamingChatModel.split(LONG.substring(0, 150), 6)).build();

        Caller caller = new Caller().run(streaming(model, Duration.ofMillis(200)).chat("c5", "Red light?"))
                .awaitEnd();

        assertThat(caller.error.get()).isInstanceOf(ModelCallException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(caller.complete.get()).isNull();
        assertThat(LONG).startsWith(caller.text());
        assertThat(model.cancelled(0)).isTrue();
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(audit.last().error()).contains("TimeoutException");
        assertThat(audit.last().finishReasons()).isEmpty();
        assertThat(store.getMessages("c5")).isEmpty();
    }

    @Test
    void theCallerCancelsFromAnotherThreadWhileTheFirstCharactersAreHeldBack() throws Exception {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                .stallAfter(List.of("Unplug ", "the ", "router")).build();
        TokenStream stream = streaming(model).chat("c6", "Red light?");
        StreamingHandle handle = ((StreamingCall) stream).streamingHandle();

        Caller caller = new Caller().run(stream); // the scripted model sends its chunks, then stays silent
        assertThat(caller.text()).isEmpty(); // all held back: shorter than the checks' look-ahead
        Thread other = new Thread(handle::cancel);
        other.start();
        other.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(other.isAlive()).isFalse();
        assertThat(handle.isCancelled()).isTrue();
        assertThat(model.cancelled(0)).isTrue();
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(caller.text()).isEmpty();
        assertThat(caller.complete.get()).isNull();
        assertThat(caller.error.get()).isNull();
        assertThat(store.getMessages("c6")).isEmpty();
        handle.cancel(); // a second cancellation changes nothing
        assertThat(audit.records()).hasSize(1);
    }
}
