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
 * The triage through LangChain4j's real {@link OpenAiChatModel}, over HTTP, against an OpenAI-compatible server
 * on 127.0.0.1: the schema travels as {@code response_format} when the model declares JSON schema support, and
 * as instructions in the prompt when it does not; a primitive's answer is read in both forms.
 */
class TicketTriageOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EFFORT_EMAIL = "Our office needs the new router installed and the printers moved.";
    private static final String TICKET = """
            {"summary": "R2 router drops the connection", "category": "TECHNICAL", "priority": "URGENT",
             "dueBy": null, "products": ["R2 router"], "agentNotes": "Mail her at ann@example.com."}""";

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

    @Test
    void declaredCapabilitySendsTheGeneratedSchemaAsResponseFormat() throws Exception {
        enqueue(TICKET);
        OpenAiChatModel model = model()
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .build();

        Ticket ticket = TicketTriage.create(model, audit).triage(TicketTriageApp.EMAIL);

        assertThat(ticket.agentNotes()).isEqualTo("Mail her at [EMAIL].");
        assertThat(ticket.dueBy()).isEmpty();
        JsonNode request = takeRequest();
        JsonNode format = request.get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        JsonNode schema = format.get("json_schema");
        assertThat(schema.get("name").asText()).isEqualTo("Ticket");
        assertThat(schema.get("strict").asBoolean()).isTrue();
        JsonNode root = schema.get("schema");
        assertThat(root.get("type").asText()).isEqualTo("object");
        assertThat(root.get("description").asText()).isEqualTo("A support ticket made from a customer's e-mail.");
        assertThat(root.get("properties").get("category").get("enum").toString())
                .isEqualTo("[\"BILLING\",\"TECHNICAL\",\"SHIPPING\",\"OTHER\"]");
        assertThat(root.get("properties").get("dueBy").get("anyOf").get(0).get("format").asText()).isEqualTo("date");
        assertThat(root.get("properties").get("summary").get("description").asText())
                .isEqualTo("What the customer needs, in one line of at most 80 characters");
        assertThat(root.get("additionalProperties").asBoolean()).isFalse();
        JsonNode messages = request.get("messages");
        assertThat(messages.get(messages.size() - 1).get("content").asText()).doesNotContain("JSON schema");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);
    }

    @Test
    void withoutTheCapabilityThePromptCarriesTheInstructions() throws Exception {
        enqueue("```json\n" + TICKET.replace("ann@example.com", "the address on file") + "\n```");
        OpenAiChatModel model = model().build();

        Ticket ticket = TicketTriage.create(model, audit).triage(TicketTriageApp.EMAIL);

        assertThat(ticket.summary()).isEqualTo("R2 router drops the connection");
        JsonNode request = takeRequest();
        assertThat(request.has("response_format")).isFalse();
        JsonNode messages = request.get("messages");
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertThat(user).contains("Answer with a single JSON value and nothing else, following this JSON schema:")
                .contains("\"agentNotes\"").contains("\"format\" : \"date\"");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
    }

    /** A method returning {@code int}: the number travels wrapped in an object, as a schema's root must be one. */
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

        int hours = estimate(model).hours(EFFORT_EMAIL);

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

        int hours = estimate(model).hours(EFFORT_EMAIL);

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
