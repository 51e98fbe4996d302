package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.VisionAssistant;
import dev.modelspec4j.testing.OpenAiCompletions;
import java.util.Base64;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Contents of the user message through LangChain4j's real {@link OpenAiChatModel}, over HTTP, against an
 * OpenAI-compatible server on 127.0.0.1: an image goes as an image part of the message, not as text.
 */
class ContentParametersOpenAiTest extends LocalOpenAiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private VisionAssistant assistant() {
        OpenAiChatModel model = openAiChatModel();
        return Fixtures.builder(VisionAssistant.class)
                .chatModel(model)
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10))
                .auditSink(audit)
                .build();
    }

    private void enqueue(String content) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(OpenAiCompletions.body("gpt-4o-mini", content)));
    }

    private JsonNode lastMessage() throws Exception {
        JsonNode messages = JSON.readTree(server.takeRequest().getBody().readUtf8()).get("messages");
        return messages.get(messages.size() - 1);
    }

    @Test
    void theImageUrlGoesAsAnImagePart() throws Exception {
        enqueue("A walnut chair.");
        String answer = assistant().describe("s1", "Acme Chair",
                ImageContent.from("https://img.example.com/chair.png"));

        assertThat(answer).isEqualTo("A walnut chair.");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
        JsonNode user = lastMessage();
        assertThat(user.get("role").asText()).isEqualTo("user");
        JsonNode parts = user.get("content");
        assertThat(parts.isArray()).isTrue();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).get("type").asText()).isEqualTo("text");
        assertThat(parts.get(0).get("text").asText()).isEqualTo("Describe this picture of Acme Chair in one sentence.");
        assertThat(parts.get(1).get("type").asText()).isEqualTo("image_url");
        assertThat(parts.get(1).get("image_url").get("url").asText()).isEqualTo("https://img.example.com/chair.png");
    }

    @Test
    void theUserNameGoesAsTheMessagesName() throws Exception {
        enqueue("It hums.");
        byte[] sound = {1, 2, 3, 4};
        assistant().ask("What is this sound?", AudioContent.from(Base64.getEncoder().encodeToString(sound),
                "audio/wav"), "carol");

        JsonNode user = lastMessage();
        assertThat(user.get("name").asText()).isEqualTo("carol");
        JsonNode parts = user.get("content");
        assertThat(parts.get(0).get("text").asText()).isEqualTo("What is this sound?");
        assertThat(parts.get(1).get("type").asText()).isEqualTo("input_audio");
        assertThat(parts.get(1).get("input_audio").get("data").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(sound));
    }
}
