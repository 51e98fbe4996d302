package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.PrivateStreamingAssistant;
import dev.modelspec4j.testing.OpenAiCompletions;
import dev.modelspec4j.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * A pseudonymising stream through LangChain4j's real {@link OpenAiStreamingChatModel}, over HTTP, against an
 * OpenAI-compatible server on 127.0.0.1 that answers with server-sent events: the model receives placeholders,
 * the caller its own values, with the placeholders split between tokens.
 */
class PrivateStreamingOpenAiTest extends LocalOpenAiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private PrivateStreamingAssistant assistant() {
        OpenAiStreamingChatModel model = openAiStreamingChatModel();
        return Fixtures.builder(PrivateStreamingAssistant.class)
                .chatModel(ScriptedChatModel.answering())
                .streamingChatModel(model)
                .auditSink(audit)
                .build();
    }

    @Test
    void placeholdersSplitBetweenTokensReachTheCallerAsTheUsersValues() throws Exception {
        String filler = "Thanks for waiting, I checked your account and everything looks fine. ".repeat(5);
        // Tokens of three characters: both placeholders are cut in the middle.
        List<String> tokens = new ArrayList<>();
        String answer = filler + "I will write to [EMAIL_1] and call [PHONE_1] tomorrow. " + filler;
        for (int i = 0; i < answer.length(); i += 3) {
            tokens.add(answer.substring(i, Math.min(answer.length(), i + 3)));
        }
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(OpenAiCompletions.stream("gpt-4o-mini", tokens)));
        List<String> received = new ArrayList<>();
        CompletableFuture<ChatResponse> complete = new CompletableFuture<>();

        assistant().pseudonymized("Reach me at jane.doe@example.com or +44 20 7123 4567, please.")
                .onPartialResponse(token -> {
                    synchronized (received) {
                        received.add(token);
                    }
                })
                .onCompleteResponse(complete::complete)
                .onError(complete::completeExceptionally)
                .start();
        ChatResponse response = complete.get(20, TimeUnit.SECONDS);

        String expected = filler + "I will write to jane.doe@example.com and call +44 20 7123 4567 tomorrow. "
                + filler;
        synchronized (received) {
            assertThat(String.join("", received)).isEqualTo(expected);
            assertThat(received.size()).isGreaterThan(100); // released as the tokens came, not as one piece
            assertThat(received).noneMatch(token -> token.contains("[") || token.contains("]"));
        }
        assertThat(response.aiMessage().text()).isEqualTo(expected);
        JsonNode request = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(request.get("stream").asBoolean()).isTrue();
        JsonNode messages = request.get("messages");
        assertThat(messages.get(messages.size() - 1).get("content").asText())
                .isEqualTo("Reach me at [EMAIL_1] or [PHONE_1], please.");
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
    }
}
