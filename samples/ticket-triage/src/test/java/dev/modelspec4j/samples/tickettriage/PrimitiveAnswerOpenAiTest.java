package dev.modelspec4j.samples.tickettriage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.testing.OpenAiCompletions;
import java.net.InetAddress;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A method returning {@code int}, through LangChain4j's real {@link OpenAiChatModel} against an OpenAI-compatible
 * server on 127.0.0.1: the number travels wrapped in an object (a schema's root must be one), and the answer is
 * read whether the model follows the schema or answers the bare number.
 */
class PrimitiveAnswerOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "Our office needs the new router installed and the printers moved.";

    private MockWebServer server;
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private OpenAiChatModel.OpenAiChatModelBuilder model() {
        return OpenAiChatModel.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(10))
                .maxRetries(0);
    }

    private void enqueue(String content) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(OpenAiCompletions.body("gpt-4o-mini", content)));
    }

    private JsonNode takeRequest() throws Exception {
        return JSON.readTree(server.takeRequest().getBody().readUtf8());
    }

    private EffortEstimate estimate(OpenAiChatModel model) {
        return GuardedEffortEstimate.builder().chatModel(model).auditSink(audit).build();
    }

    @Test
    void theIntegerSchemaGoesAsResponseFormatAndTheWrappedAnswerIsRead() throws Exception {
        enqueue("{\"value\": 6}");
        OpenAiChatModel model = model()
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .build();

        int hours = estimate(model).hours(EMAIL);

        assertThat(hours).isEqualTo(6);
        JsonNode format = takeRequest().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        JsonNode schema = format.get("json_schema");
        assertThat(schema.get("name").asText()).isEqualTo("Integer");
        assertThat(schema.get("strict").asBoolean()).isTrue();
        assertThat(schema.get("schema")).isEqualTo(JSON.readTree("""
                {"type": "object", "properties": {"value": {"type": "integer"}}, "required": ["value"],
                 "additionalProperties": false}"""));
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aBareNumberIsReadAndAWordIsReasked() throws Exception {
        enqueue("six");
        enqueue(" 6\n");
        OpenAiChatModel model = model().build();

        int hours = estimate(model).hours(EMAIL);

        assertThat(hours).isEqualTo(6);
        JsonNode first = takeRequest();
        assertThat(first.has("response_format")).isFalse();
        JsonNode messages = first.get("messages");
        assertThat(messages.get(messages.size() - 1).get("content").asText())
                .contains("Answer with a single JSON value and nothing else").contains("\"integer\"");
        JsonNode reask = takeRequest().get("messages");
        assertThat(reask.get(reask.size() - 1).get("content").asText()).contains("The answer is not valid JSON");
        assertThat(audit.last().modelCalls()).isEqualTo(2);
        assertThat(audit.last().violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleId()).isEqualTo("hours.schema"));
    }
}
