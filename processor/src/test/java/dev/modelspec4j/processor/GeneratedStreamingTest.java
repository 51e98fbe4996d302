package dev.modelspec4j.processor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.moderation.Moderation;
import dev.langchain4j.model.moderation.ModerationModel;
import dev.langchain4j.model.moderation.ModerationRequest;
import dev.langchain4j.model.moderation.ModerationResponse;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.StreamingAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.ScriptedStreamingChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The generated implementation of streaming and moderated methods, over scripted models. */
class GeneratedStreamingTest {

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
    private final List<String> moderated = new ArrayList<>();

    /** Flags any text that contains "idiot". */
    private final ModerationModel moderation = new ModerationModel() {
        @Override
        public ModerationResponse doModerate(ModerationRequest request) {
            String text = String.join("\n", request.texts());
            moderated.add(text);
            return ModerationResponse.builder()
                    .moderation(text.contains("idiot") ? Moderation.flagged(text) : Moderation.notFlagged())
                    .build();
        }
    };

    private StreamingAssistant assistant(ScriptedStreamingChatModel streaming, ScriptedChatModel chat) {
        return Fixtures.builder(StreamingAssistant.class)
                .chatModel(chat)
                .streamingChatModel(streaming)
                .moderationModel(moderation)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
                        .chatMemoryStore(store).build())
                .auditSink(audit)
                .build();
    }

    private static final class Caller {
        final List<String> partials = new ArrayList<>();
        final AtomicReference<ChatResponse> complete = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Caller run(TokenStream stream) {
            stream.onPartialResponse(partials::add).onCompleteResponse(complete::set).onError(error::set).start();
            return this;
        }

        String text() {
            return String.join("", partials);
        }
    }

    @Test
    void tokensFlowAndTheCompleteResponseIsWhatTheCallerReceived() {
        String answer = "Unplug the router for ten seconds, then plug it back in and wait for the green light. "
                + "If the light stays red after two minutes, press the reset button on the back for five seconds, "
                + "sign in again with the password on the label, and run the connection check in the Acme app.";
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().chunkSize(4).reply(answer).build();
        Caller caller = new Caller().run(assistant(model, ScriptedChatModel.answering()).chat("c1", "Router?"));

        assertThat(caller.partials.size()).isGreaterThan(10);
        assertThat(caller.text()).isEqualTo(answer);
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(answer);
        // The built-in instruction privacy plants a canary; its look-ahead is part of the hold-back.
        assertThat(ScriptedChatModel.systemText(model.lastRequest())).startsWith("Internal reference ")
                .contains("\n\nYou are Acme's support assistant.");
        assertThat(((AiMessage) store.getMessages("c1").get(1)).text()).isEqualTo(answer);
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(audit.last().method()).isEqualTo("chat");
    }

    @Test
    void refusalEndsTheStreamCancelsUpstreamAndMemoryKeepsWhatTheCallerSaw() {
        String answer = "Of course! Let me look at your order first: it was placed last Monday, paid by card, and"
                + " shipped on Tuesday from our warehouse in Lyon. Every order comes with a guaranteed refund,"
                + " no questions asked.";
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().chunkSize(3).reply(answer).build();
        Caller caller = new Caller().run(assistant(model, ScriptedChatModel.answering()).chat("c2", "Refund?"));

        assertThat(caller.text()).startsWith("Of course!").endsWith("\n\nSorry, I can't help with that.")
                .doesNotContain("guaranteed refund");
        assertThat(model.cancelled(0)).isTrue();
        assertThat(model.chunksSent(0)).isLessThan((answer.length() + 2) / 3); // cancelled before the end
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(caller.text());
        assertThat(((AiMessage) store.getMessages("c2").get(1)).text()).isEqualTo(caller.text());
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(audit.last().violations()).extracting(Violation::ruleId).containsExactly("chat.forbid");
    }

    @Test
    void redactMasksTheSpanAndBlockEndsWithAnError() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().chunkSize(2)
                .reply("Call us on 555-1234 today, we answer fast.")
                .reply("You have a guaranteed refund.")
                .build();
        StreamingAssistant assistant = assistant(model, ScriptedChatModel.answering());

        Caller redacted = new Caller().run(assistant.redacting("Phone?"));
        assertThat(redacted.text()).isEqualTo("Call us on [REDACTED]");
        assertThat(redacted.complete.get().aiMessage().text()).isEqualTo("Call us on [REDACTED]");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);

        Caller blocked = new Caller().run(assistant.blocking("Refund?"));
        assertThat(blocked.error.get()).isInstanceOf(SpecViolationException.class)
                .hasMessageContaining("blocking.forbid");
        assertThat(blocked.complete.get()).isNull();
        assertThat(blocked.text()).doesNotContain("guaranteed");
        assertThat(audit.records()).hasSize(2);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
    }

    @Test
    void bufferedStreamReasksBeforeReleasingAnything() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.answering(
                "We will look into it.", "We opened Ticket #4711 for you.");
        Caller caller = new Caller().run(assistant(model, ScriptedChatModel.answering()).buffered("Broken"));

        assertThat(caller.text()).isEqualTo("We opened Ticket #4711 for you.");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest())).contains("broke the rules");
        assertThat(audit.last().modelCalls()).isEqualTo(2);
        assertThat(audit.records()).hasSize(1);
    }

    @Test
    void flaggedInputNeverOpensTheStream() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.answering("Happy to help.");
        StreamingAssistant assistant = assistant(model, ScriptedChatModel.answering());

        Caller refused = new Caller().run(assistant.moderated("You idiot, fix my router"));
        assertThat(refused.text()).isEqualTo("Let's keep this conversation friendly.");
        assertThat(refused.complete.get().aiMessage().text()).isEqualTo("Let's keep this conversation friendly.");
        assertThat(model.requestCount()).isZero();
        assertThat(moderated).containsExactly("You idiot, fix my router");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(audit.last().violations()).extracting(Violation::ruleId).containsExactly("moderated.moderate");

        Caller passed = new Caller().run(assistant.moderated("Please fix my router"));
        assertThat(passed.text()).isEqualTo("Happy to help.");
        assertThat(model.requestCount()).isEqualTo(1);
    }

    @Test
    void moderationAppliesToNonStreamingMethodsToo() {
        ScriptedChatModel chat = ScriptedChatModel.answering("Fine.");
        StreamingAssistant assistant = assistant(ScriptedStreamingChatModel.answering(), chat);

        assertThatThrownBy(() -> assistant.moderatedText("you idiot"))
                .isInstanceOf(SpecViolationException.class).hasMessageContaining("moderatedText.moderate");
        assertThat(chat.requestCount()).isZero();
        assertThat(assistant.moderatedText("hello")).isEqualTo("Fine.");
    }

    @Test
    void buildNeedsAModelAndTheModerationModelAndEachCallItsOwnModel() {
        assertThatThrownBy(() -> Fixtures.builder(StreamingAssistant.class).moderationModel(moderation)
                .auditSink(audit).chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(2)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chatModel(...) or streamingChatModel(...) must be set");
        StreamingAssistant chatOnly = Fixtures.builder(StreamingAssistant.class)
                .chatModel(ScriptedChatModel.answering()).moderationModel(moderation).auditSink(audit)
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(2)).build();
        assertThatThrownBy(() -> chatOnly.chat("c9", "hello"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("streams: set a StreamingChatModel");
        assertThatThrownBy(() -> Fixtures.builder(StreamingAssistant.class)
                .chatModel(ScriptedChatModel.answering()).streamingChatModel(ScriptedStreamingChatModel.answering())
                .auditSink(audit).chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(2)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("moderationModel(...) must be set");
    }

    @Test
    void aBufferedStreamGivesBackTheOriginalsOfPseudonyms() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().chunkSize(5)
                .reply("I will write to [EMAIL_1] today.").build();
        Caller caller = new Caller().run(assistant(model, ScriptedChatModel.answering())
                .privateChat("Please confirm to jane.doe@example.com"));

        assertThat(ScriptedChatModel.lastUserText(model.lastRequest())).isEqualTo("Please confirm to [EMAIL_1]");
        assertThat(caller.text()).isEqualTo("I will write to jane.doe@example.com today.");
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(caller.text());
    }

    @Test
    void everyPiiOutputModeCompilesOnAnUnbufferedStream() {
        for (String mode : List.of("MASK", "REDACT", "PSEUDONYMIZE", "BLOCK")) {
            JavaFileObject src = Compilations.source("test.Assistant",
                    "package test;",
                    "import dev.modelspec4j.annotation.*;",
                    "import dev.langchain4j.service.TokenStream;",
                    "@ModelSpec(id = \"t.a\")",
                    "public interface Assistant {",
                    "    @Pii(input = PiiMode." + mode + ", output = PiiMode." + mode + ")",
                    "    TokenStream chat(String question);",
                    "}");
            Compilation compilation = Compilations.compile(src);
            com.google.testing.compile.CompilationSubject.assertThat(compilation).succeeded();
        }
    }
}
