package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.PrivateStreamingAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.ScriptedStreamingChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@code @Pii} output modes on unbuffered streams, through the generated class: at every chunk size, the caller
 * receives what the blocking method returns for the same answer, and the audit records the same violations.
 */
class PrivateStreamingTest {

    private static final int[] CHUNK_SIZES = {1, 2, 3, 7, Integer.MAX_VALUE};

    /** Longer than the look-ahead of e-mail addresses (262 characters): the answer flows before it ends. */
    private static final String FILLER = "Thanks for waiting, I checked your account and everything looks fine. "
            .repeat(5);

    private static final String ANSWER = FILLER + "Write to jane.doe@example.com or call +44 20 7123 4567; the card"
            + " on file is 4111 1111 1111 1111 and refunds go to DE89 3704 0044 0532 0130 00. " + FILLER;

    private static final List<String> VALUES = List.of("jane.doe@example.com", "+44 20 7123 4567",
            "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00");

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();

    private PrivateStreamingAssistant assistant(ScriptedStreamingChatModel streaming, ScriptedChatModel chat) {
        return Fixtures.builder(PrivateStreamingAssistant.class)
                .chatModel(chat)
                .streamingChatModel(streaming)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(4)
                        .chatMemoryStore(store).build())
                .auditSink(audit)
                .build();
    }

    private static final class Caller {
        final List<String> partials = new ArrayList<>();
        final AtomicReference<ChatResponse> complete = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        /** How many chunks the model had sent when the caller received its first text. */
        int chunksAtFirstPartial = -1;

        Caller run(TokenStream stream, ScriptedStreamingChatModel model) {
            stream.onPartialResponse(text -> {
                if (partials.isEmpty()) {
                    chunksAtFirstPartial = model.chunksSent(0);
                }
                partials.add(text);
            }).onCompleteResponse(complete::set).onError(error::set).start();
            return this;
        }

        String text() {
            return String.join("", partials);
        }
    }

    @Test
    void maskGivesTheBlockingResultAtEveryChunkSize() {
        String shown = sameAsBlocking(PrivateStreamingAssistant::masked, PrivateStreamingAssistant::maskedText,
                ANSWER, "Any news?", Outcome.REDACTED);
        assertThat(shown).contains("Write to [EMAIL] or call [PHONE]; the card on file is [CREDIT_CARD] and refunds"
                + " go to [IBAN].");
        assertThat(audit.last().violations()).extracting(PrivateStreamingTest::key)
                .containsExactly("privacy.mask REDACT mask: [EMAIL], [PHONE], [CREDIT_CARD], [IBAN]");
    }

    @Test
    void redactGivesTheBlockingResultAtEveryChunkSize() {
        String shown = sameAsBlocking(PrivateStreamingAssistant::redacted,
                PrivateStreamingAssistant::redactedText, ANSWER, "Any news?", Outcome.REDACTED);
        assertThat(shown).contains("Write to  or call ; the card on file is  and refunds go to .");
        assertThat(audit.last().violations()).extracting(PrivateStreamingTest::key)
                .containsExactly("privacy.redact REDACT redact: [EMAIL], [PHONE], [CREDIT_CARD], [IBAN]");
    }

    @Test
    void pseudonymsAreRestoredAtEveryChunkSize() {
        String question = "My address is jane.doe@example.com and my phone +44 20 7123 4567, any news?";
        String answer = FILLER + "I will write to [EMAIL_1] and call [PHONE_1] tomorrow; our desk is"
                + " desk@acme-corp.net. " + FILLER;
        String shown = sameAsBlocking(PrivateStreamingAssistant::pseudonymized,
                PrivateStreamingAssistant::pseudonymizedText, answer, question, Outcome.DELIVERED);
        assertThat(shown).contains("I will write to jane.doe@example.com and call +44 20 7123 4567 tomorrow;"
                + " our desk is [EMAIL].");
    }

    /**
     * Streams {@code answer} at every chunk size and checks it against the blocking method: same text, same
     * outcome, same violations; what the caller received is in onCompleteResponse; no raw value reached it.
     * Returns what the caller received.
     */
    private String sameAsBlocking(BiFunction<PrivateStreamingAssistant, String, TokenStream> streamed,
            BiFunction<PrivateStreamingAssistant, String, String> blocking, String answer, String question,
            Outcome outcome) {
        String expected = blocking.apply(assistant(ScriptedStreamingChatModel.answering(),
                ScriptedChatModel.answering(answer)), question);
        AuditRecord blockingRecord = audit.last();
        assertThat(blockingRecord.outcome()).isEqualTo(outcome);
        for (int size : CHUNK_SIZES) {
            ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                    .chunkSize(Math.min(size, answer.length())).reply(answer).build();
            Caller caller = new Caller().run(streamed.apply(assistant(model, ScriptedChatModel.answering()),
                    question), model);

            assertThat(caller.error.get()).isNull();
            assertThat(caller.text()).as("chunks of %d", size).isEqualTo(expected);
            assertThat(caller.complete.get().aiMessage().text()).isEqualTo(expected);
            assertThat(lastRemembered()).isEqualTo(expected);
            if (size < 7) { // the answer flows: the caller had text long before the model's last chunk
                assertThat(caller.chunksAtFirstPartial).isLessThan(answer.length() / size / 2);
            }
            for (String value : VALUES) {
                if (!expected.contains(value)) {
                    assertThat(caller.partials).noneMatch(p -> p.contains(value));
                }
            }
            AuditRecord record = audit.last();
            assertThat(record.outcome()).isEqualTo(outcome);
            assertThat(record.violations()).extracting(PrivateStreamingTest::key)
                    .isEqualTo(blockingRecord.violations().stream().map(PrivateStreamingTest::key).toList());
        }
        return expected;
    }

    @Test
    void blockStopsTheStreamBeforeTheValueAndAuditsItAsTheBlockingPathDoes() {
        String answer = FILLER + "The card on file is 4111 1111 1111 1111, as you asked. " + FILLER;
        assertThatThrownBy(() -> assistant(ScriptedStreamingChatModel.answering(), ScriptedChatModel.answering(answer))
                .blockedText("Card?")).isInstanceOf(SpecViolationException.class);
        AuditRecord blockingRecord = audit.last();
        for (int size : CHUNK_SIZES) {
            ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                    .chunkSize(Math.min(size, answer.length())).reply(answer).build();
            Caller caller = new Caller().run(assistant(model, ScriptedChatModel.answering()).blocked("Card?"), model);

            assertThat(caller.error.get()).as("chunks of %d", size).isInstanceOf(SpecViolationException.class);
            assertThat(caller.complete.get()).isNull();
            assertThat(answer).startsWith(caller.text());
            assertThat(caller.text()).doesNotContain("4111");
            if (size < answer.length()) {
                assertThat(model.cancelled(0)).isTrue();
            }
            AuditRecord record = audit.last();
            assertThat(record.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(record.violations()).extracting(PrivateStreamingTest::key)
                    .isEqualTo(blockingRecord.violations().stream().map(PrivateStreamingTest::key).toList())
                    .containsExactly("privacy.block BLOCK block: [CREDIT_CARD]");
        }
    }

    @Test
    void anEndingCutByAnotherRuleIsMaskedToo() {
        String answer = FILLER + "Write to jane.doe@example.com and you get a guaranteed refund within days. "
                + FILLER;
        for (int size : CHUNK_SIZES) {
            ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                    .chunkSize(Math.min(size, answer.length())).reply(answer).build();
            Caller caller = new Caller().run(assistant(model, ScriptedChatModel.answering()).maskedAndCut("Refund?"),
                    model);

            assertThat(caller.error.get()).isNull();
            assertThat(caller.text()).as("chunks of %d", size)
                    .isEqualTo(FILLER + "Write to [EMAIL] and you get a [REDACTED]");
            assertThat(caller.complete.get().aiMessage().text()).isEqualTo(caller.text());
            assertThat(lastRemembered()).isEqualTo(caller.text());
            assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);
            assertThat(audit.last().violations()).extracting(PrivateStreamingTest::key)
                    .containsExactly("maskedAndCut.forbid REDACT the phrase \"guaranteed refund\" matched 1 time",
                            "privacy.mask REDACT mask: [EMAIL]");
        }
    }

    /** The last answer in the chat memory of methods without a memory id. */
    private String lastRemembered() {
        List<ChatMessage> messages = store.getMessages("default");
        return ((AiMessage) messages.get(messages.size() - 1)).text();
    }

    private static String key(Violation v) {
        return v.ruleId() + " " + v.action() + " " + v.evidence();
    }
}
