package dev.modelspec4j.samples.supportdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.TokenStream;
import dev.modelspec4j.ModelSpecs;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.ScriptedStreamingChatModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The support desk's memory as {@link SupportDesk} builds it, with the provider lambda of the README
 * ({@code id -> MessageWindowChatMemory.withMaxMessages(20)}), which gives a new memory each time it is asked:
 * the assistant keeps the one it got for each customer.
 */
class SupportDeskMemoryTest {

    private static final int TURNS = 14;

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private static String answerTo(String question) {
        return "About " + question.toLowerCase() + " Noted.";
    }

    /** The messages of a request after the instructions, as "user: ..." and "ai: ..." lines. */
    private static List<String> conversation(ChatRequest request) {
        List<String> lines = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u) {
                lines.add("user: " + u.singleText());
            } else if (m instanceof AiMessage a) {
                lines.add("ai: " + a.text());
            } else {
                assertThat(m).isInstanceOf(SystemMessage.class);
            }
        }
        return lines;
    }

    private static String stream(TokenStream stream) throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        stream.onPartialResponse(token -> { })
                .onCompleteResponse(done::complete)
                .onError(done::completeExceptionally)
                .start();
        return done.get(20, TimeUnit.SECONDS).aiMessage().text();
    }

    @Test
    void blockingAndStreamedTurnsShareOneMemoryWhoseWindowIsTwentyMessages() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.builder()
                .reply(request -> answerTo(ScriptedChatModel.lastUserText(request)))
                .repeatLast()
                .build();
        ScriptedStreamingChatModel.Builder streamed = ScriptedStreamingChatModel.builder();
        for (int turn = 2; turn <= TURNS; turn += 2) {
            streamed.reply(answerTo("Question " + turn + "?"));
        }
        ScriptedStreamingChatModel streamingModel = streamed.build();
        SupportAssistant assistant = SupportDesk.assistant(model, streamingModel, audit);

        List<String> history = new ArrayList<>();
        for (int turn = 1; turn <= TURNS; turn++) {
            String question = "Question " + turn + "?";
            boolean streams = turn % 2 == 0;
            String answer = streams ? stream(assistant.chat("alice", question, null, "the R2"))
                    : assistant.answer("alice", question, null, "the R2");
            assertThat(answer).isEqualTo(answerTo(question));

            ChatRequest request = streams ? streamingModel.lastRequest() : model.lastRequest();
            List<String> expected = new ArrayList<>(history.subList(Math.max(0, history.size() - 20), history.size()));
            expected.add("user: " + question);
            assertThat(conversation(request)).as("request of turn %d", turn).isEqualTo(expected);
            history.add("user: " + question);
            history.add("ai: " + answer);
        }
        List<String> last = conversation(streamingModel.lastRequest());
        assertThat(last).hasSize(21);
        assertThat(last.get(0)).isEqualTo("user: Question 4?"); // turns 1 to 3 fell out of the window
        assertThat(model.requestCount() + streamingModel.requestCount()).isEqualTo(TURNS);
    }

    @Test
    void twoCustomersKeepTwoConversations() {
        ScriptedChatModel model = ScriptedChatModel.builder()
                .reply(request -> answerTo(ScriptedChatModel.lastUserText(request)))
                .repeatLast()
                .build();
        SupportAssistant assistant = SupportDesk.assistant(model, ScriptedStreamingChatModel.answering(), audit);

        assistant.answer("alice", "Alice one?", null, "the R2");
        assistant.answer("bob", "Bob one?", null, "the R2");
        assistant.answer("alice", "Alice two?", null, "the R2");
        assistant.answer("bob", "Bob two?", null, "the R2");

        assertThat(conversation(model.requests().get(2))).containsExactly(
                "user: Alice one?", "ai: " + answerTo("Alice one?"), "user: Alice two?");
        assertThat(conversation(model.requests().get(3))).containsExactly(
                "user: Bob one?", "ai: " + answerTo("Bob one?"), "user: Bob two?");
    }

    @Test
    void concurrentFirstCallsOfOneCustomerAskTheProviderOnce() throws Exception {
        int threads = 8;
        AtomicInteger asked = new AtomicInteger();
        List<ChatMemory> given = Collections.synchronizedList(new ArrayList<>());
        ScriptedChatModel model = ScriptedChatModel.builder().reply("Noted.").repeatLast().build();
        SupportAssistant assistant = ModelSpecs.builder(SupportAssistant.class)
                .chatModel(model)
                .chatMemoryProvider(id -> {
                    asked.incrementAndGet();
                    ChatMemory memory = MessageWindowChatMemory.withMaxMessages(100);
                    given.add(memory);
                    return memory;
                })
                .auditSink(audit)
                .build();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String question = "Question " + t + "?";
                calls.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    return assistant.answer("zoe", question, null, "the R2");
                }));
            }
            start.countDown();
            for (Future<String> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("Noted.");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(asked).hasValue(1);
        assertThat(given.get(0).messages()).hasSize(2 * threads);
    }
}
