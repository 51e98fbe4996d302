package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.Result;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.TriageAssistant;
import dev.modelspec4j.processor.fixtures.TriageAssistant.Category;
import dev.modelspec4j.processor.fixtures.TriageAssistant.Priority;
import dev.modelspec4j.processor.fixtures.TriageAssistant.Ticket;
import dev.modelspec4j.testing.ScriptedChatModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structured output end to end: the processor's schema, the request, parsing, validation, re-asks, field rules. */
class StructuredOutputTest {

    static final String TICKET = """
            {"summary": "Router down", "priority": "HIGH", "due": "2026-12-01",
             "customerEmail": "ann@example.com", "notes": "Customer called twice.", "tags": ["router", "outage"],
             "effort": 3, "refund": 12.50, "received": "2026-11-27T09:15:00Z"}""";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private TriageAssistant assistant(ScriptedChatModel model) {
        return Fixtures.builder(TriageAssistant.class).chatModel(model).auditSink(audit).build();
    }

    private static ScriptedChatModel withSchemaSupport(String... answers) {
        ScriptedChatModel.Builder builder = ScriptedChatModel.builder()
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        for (String answer : answers) {
            builder.reply(answer);
        }
        return builder.build();
    }

    private static String lastUserText(ChatRequest request) {
        return ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
    }

    @Test
    void schemaGoesAsResponseFormatWhenTheModelDeclaresIt() {
        ScriptedChatModel model = withSchemaSupport(TICKET);

        Ticket ticket = assistant(model).triage("My router is down since this morning.");

        assertThat(ticket.summary()).isEqualTo("Router down");
        ChatRequest request = model.lastRequest();
        assertThat(lastUserText(request)).isEqualTo("My router is down since this morning.");
        assertThat(request.responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(request.responseFormat().jsonSchema().name()).isEqualTo("Ticket");
        JsonObjectSchema root = (JsonObjectSchema) request.responseFormat().jsonSchema().rootElement();
        assertThat(root.description()).isEqualTo("A support ticket made from an e-mail.");
        assertThat(root.properties().keySet()).containsExactly("summary", "priority", "due", "customerEmail",
                "notes", "tags", "effort", "refund", "received");
        assertThat(root.required()).containsExactly("summary", "priority", "due", "notes", "tags", "effort",
                "received");
        assertThat(root.additionalProperties()).isFalse();
        assertThat(root.properties().get("summary").description()).isEqualTo("One-line summary of the problem");
        assertThat(((JsonEnumSchema) root.properties().get("priority")).enumValues())
                .containsExactly("LOW", "NORMAL", "HIGH");
        assertThat(((JsonEnumSchema) root.properties().get("priority")).description())
                .isEqualTo("how urgent it is (How urgent a ticket is.)");
        assertThat(((JsonRawSchema) root.properties().get("due")).schema())
                .contains("\"format\":\"date\"").contains("when the customer needs an answer");
        assertThat(((JsonRawSchema) root.properties().get("received")).schema()).contains("\"format\":\"date-time\"");
        assertThat(root.properties().get("customerEmail")).isInstanceOf(JsonAnyOfSchema.class);
        assertThat(root.properties().get("refund")).isInstanceOf(JsonAnyOfSchema.class);
        assertThat(root.properties().get("tags")).isInstanceOf(JsonArraySchema.class);
    }

    @Test
    void withoutTheCapabilityTheSchemaIsWrittenIntoThePrompt() {
        ScriptedChatModel model = ScriptedChatModel.answering(TICKET);

        assistant(model).triage("My router is down.");

        ChatRequest request = model.lastRequest();
        assertThat(request.responseFormat()).isNull();
        assertThat(lastUserText(request)).startsWith("My router is down.\n\nAnswer with a single JSON value")
                .contains("\"summary\"").contains("\"enum\" : [ \"LOW\", \"NORMAL\", \"HIGH\" ]")
                .contains("\"format\" : \"date\"");
    }

    @Test
    void everyTypeIsReadFromAnAnswerWithFencesAndProse() {
        ScriptedChatModel model = ScriptedChatModel.answering("Here is the ticket:\n```json\n" + TICKET
                + "\n```\nLet me know if you need more.");

        Ticket ticket = assistant(model).triage("My router is down.");

        assertThat(ticket.priority()).isEqualTo(Priority.HIGH);
        assertThat(ticket.due()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ticket.customerEmail()).contains("ann@example.com");
        assertThat(ticket.tags()).containsExactlyInAnyOrder("router", "outage");
        assertThat(ticket.effort()).isEqualTo(3);
        assertThat(ticket.refund()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(ticket.received()).isEqualTo(Instant.parse("2026-11-27T09:15:00Z"));
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(audit.last().violations()).isEmpty();
    }

    @Test
    void absentOptionalAndNullableComponentsAreAccepted() {
        String minimal = TICKET.replace("\"customerEmail\": \"ann@example.com\",", "")
                .replace("\"refund\": 12.50", "\"refund\": null");
        Ticket ticket = assistant(ScriptedChatModel.answering(minimal)).triage("Hi");

        assertThat(ticket.customerEmail()).isEmpty();
        assertThat(ticket.refund()).isNull();
    }

    @Test
    void brokenJsonIsReaskedWithTheErrorAndTheSchemaInstructionsKept() {
        ScriptedChatModel model = ScriptedChatModel.answering("{\"summary\": \"Router down\", \"priority\": ", TICKET);

        Ticket ticket = assistant(model).triage("My router is down.");

        assertThat(ticket.summary()).isEqualTo("Router down");
        String reask = lastUserText(model.lastRequest());
        assertThat(reask).contains("The answer is not valid JSON").contains("line 1")
                .contains("Answer with a single JSON value").contains("\"summary\"");
        AuditRecord record = audit.last();
        assertThat(record.modelCalls()).isEqualTo(2);
        assertThat(record.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(record.violations()).extracting(Violation::ruleId).containsExactly("triage.schema");
        assertThat(record.violations().get(0).action().name()).isEqualTo("REASK");
        assertThat(record.violations().get(0).evidence()).startsWith("not valid JSON at line 1");
    }

    @Test
    void aReaskKeepsTheResponseFormat() {
        ScriptedChatModel model = withSchemaSupport("{\"summary\": 1}", TICKET);

        assistant(model).triage("My router is down.");

        assertThat(model.requests()).hasSize(2);
        assertThat(model.requests().get(1).responseFormat()).isEqualTo(model.requests().get(0).responseFormat());
        assertThat(lastUserText(model.lastRequest())).contains("At $.summary: expected a string, found an integer")
                .doesNotContain("Answer with a single JSON value");
    }

    @Test
    void schemaViolationsNameThePlaceButNeverTheValue() {
        String wrong = TICKET.replace("\"HIGH\"", "\"SECRET-TOKEN-42\"").replace("2026-12-01", "first of December");
        ScriptedChatModel model = ScriptedChatModel.answering(wrong, wrong);

        assertThatThrownBy(() -> assistant(model).triage("Hi")).isInstanceOf(SpecViolationException.class);

        AuditRecord record = audit.last();
        assertThat(record.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(record.modelCalls()).isEqualTo(2);
        assertThat(record.violations()).extracting(Violation::evidence).contains(
                "At $.priority: expected one of [LOW, NORMAL, HIGH]",
                "At $.due: expected a string in the format date (ISO 8601)");
        assertThat(record.violations()).allSatisfy(v -> {
            assertThat(v.evidence()).doesNotContain("SECRET-TOKEN-42").doesNotContain("first of December");
        });
        assertThat(lastUserText(model.lastRequest())).contains("At $.priority: expected one of [LOW, NORMAL, HIGH]");
    }

    @Test
    void missingRequiredAndUnknownPropertiesAreViolations() {
        String wrong = TICKET.replace("\"effort\": 3,", "\"hours\": 3,");
        ScriptedChatModel model = ScriptedChatModel.answering(wrong, wrong);

        assertThatThrownBy(() -> assistant(model).triage("Hi")).isInstanceOf(SpecViolationException.class);

        assertThat(audit.last().violations()).extracting(Violation::evidence).contains(
                "At $: the required property \"effort\" is missing",
                "At $: 1 property is not in the schema; allowed: [summary, priority, due, customerEmail, notes, "
                        + "tags, effort, refund, received]");
    }

    @Test
    void ruleOnARecordComponentMasksTheFieldValue() {
        String withPhone = TICKET.replace("Customer called twice.", "Call back on +41 44 668 18 00 today.");
        ScriptedChatModel model = ScriptedChatModel.answering(withPhone);

        Ticket ticket = assistant(model).triage("Hi");

        assertThat(ticket.notes()).isEqualTo("Call back on [REDACTED] today.");
        assertThat(ticket.summary()).isEqualTo("Router down");
        AuditRecord record = audit.last();
        assertThat(record.outcome()).isEqualTo(Outcome.REDACTED);
        assertThat(record.modelCalls()).isEqualTo(1);
        assertThat(record.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("triage.notes.forbid");
            assertThat(v.action().name()).isEqualTo("REDACT");
            assertThat(v.evidence()).startsWith("$.notes: ").doesNotContain("668");
        });
    }

    @Test
    void resultCarriesTokenUsageAndFinishReason() {
        Result<Ticket> result = assistant(ScriptedChatModel.answering(TICKET)).triageWithMetadata("Hi");

        assertThat(result.content().summary()).isEqualTo("Router down");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.tokenUsage().outputTokenCount()).isPositive();
    }

    @Test
    void resultOfStringIsText() {
        Result<String> result = assistant(ScriptedChatModel.answering("Plain words.")).plain("Hi");

        assertThat(result.content()).isEqualTo("Plain words.");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void optionalIsEmptyForANullAnswer() {
        TriageAssistant assistant = assistant(ScriptedChatModel.answering("null", TICKET));

        assertThat(assistant.maybeTriage("Spam")).isEmpty();
        assertThat(assistant.maybeTriage("Router").map(Ticket::summary)).contains("Router down");
    }

    @Test
    void enumListsAreWrappedInAnObject() {
        ScriptedChatModel model = withSchemaSupport("{\"values\": [\"HIGH\", \"LOW\"]}");

        List<Priority> priorities = assistant(model).priorities("Sort these");

        assertThat(priorities).containsExactly(Priority.HIGH, Priority.LOW);
        JsonObjectSchema root = (JsonObjectSchema) model.lastRequest().responseFormat().jsonSchema().rootElement();
        assertThat(root.required()).containsExactly("values");
        assertThat(((JsonArraySchema) root.properties().get("values")).items()).isInstanceOf(JsonEnumSchema.class);
    }

    @Test
    void recursiveRecordsUnfoldToTheirDepthBound() {
        ScriptedChatModel model = withSchemaSupport(
                "{\"name\": \"root\", \"children\": [{\"name\": \"a\", \"children\": [{\"name\": \"a1\"}]}]}");

        Category root = assistant(model).categories("Tree");

        assertThat(root.children().get(0).children().get(0).name()).isEqualTo("a1");
        JsonObjectSchema level0 = (JsonObjectSchema) model.lastRequest().responseFormat().jsonSchema().rootElement();
        JsonObjectSchema level1 = (JsonObjectSchema) ((JsonArraySchema) level0.properties().get("children")).items();
        JsonObjectSchema level2 = (JsonObjectSchema) ((JsonArraySchema) level1.properties().get("children")).items();
        assertThat(level2.properties().keySet()).containsExactly("name");
    }

    @Test
    void unreadableAnswersBlockAfterTheLastAttempt() {
        ScriptedChatModel model = ScriptedChatModel.answering("not json", "still not json");
        assertThatThrownBy(() -> assistant(model).triage("Hi"))
                .isInstanceOf(SpecViolationException.class)
                .hasMessageContaining("triage.schema");
    }
}
