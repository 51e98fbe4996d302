package dev.modelspec4j.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.structured.StructuredOutput;
import dev.modelspec4j.structured.StructuredOutput.Shape;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A method returning a primitive has no value to stand for a refusal: a call that would refuse is blocked, and
 * the audit record says so. A boxed return type is refused with null, as before.
 */
class PrimitiveRefusalTest {

    private final List<ChatRequest> requests = new ArrayList<>();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private static final InputCheck NO_SECRETS = (text, part) -> text.contains("hunter2")
            ? List.of(Finding.of("secret in input", "a password in the " + part.name().toLowerCase()))
            : List.of();

    private Enforcer enforcer(String answer) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        };
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), model, null, audit,
                Clock.systemUTC(), null);
    }

    private static StructuredOutput hours(Shape shape) {
        return number("hours", new TypeReference<Integer>() { }, shape);
    }

    private static StructuredOutput number(String method, TypeReference<?> type, Shape shape) {
        JsonObjectSchema root = JsonObjectSchema.builder().addProperty("value", JsonIntegerSchema.builder().build())
                .required("value").additionalProperties(false).build();
        return StructuredOutput.builder(method, type)
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("Integer").rootElement(root).build()).build())
                .wrappedIn("value").shape(shape).schemaRule(Level.DEVELOPER, Action.REFUSE).build();
    }

    private static MethodPlan refusingPlan() {
        return new MethodPlan("hours", List.of(Rule.input("secrets", Level.ROOT, Action.REFUSE, NO_SECRETS)), 1,
                "No secrets, please.");
    }

    @Test
    void aRefusedInputOfAPrimitiveMethodIsBlocked() {
        Enforcer enforcer = enforcer("42");

        assertThatThrownBy(() -> enforcer.call(refusingPlan()).userMessage("pw hunter2")
                .structured(hours(Shape.PRIMITIVE)).execute())
                .isInstanceOf(SpecViolationException.class).hasMessageContaining("secrets");
        assertThat(requests).isEmpty();
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
    }

    @Test
    void anUnreadableAnswerOfAPrimitiveMethodWithRefuseIsBlocked() {
        Enforcer enforcer = enforcer("forty-two");

        assertThatThrownBy(() -> enforcer.call(new MethodPlan("hours", List.of(), 1, "")).userMessage("how long?")
                .structured(hours(Shape.PRIMITIVE)).execute())
                .isInstanceOf(SpecViolationException.class).hasMessageContaining("hours.schema");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(audit.last().violations()).singleElement()
                .satisfies(v -> assertThat(v.evidence()).startsWith("not valid JSON"));
    }

    @Test
    void aBoxedMethodIsRefusedWithNull() {
        CallOutcome outcome = enforcer("42").call(refusingPlan()).userMessage("pw hunter2")
                .structured(hours(Shape.PLAIN)).execute();

        assertThat(outcome.<Integer>value()).isNull();
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aBareNumberIsTheValueOfAPrimitiveMethod() {
        CallOutcome outcome = enforcer(" 42\n").call(new MethodPlan("hours", List.of(), 1, ""))
                .userMessage("how long?").structured(hours(Shape.PRIMITIVE)).execute();

        int hours = outcome.value();
        assertThat(hours).isEqualTo(42);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aValueThatMaskingDestroysIsBlocked() {
        MethodPlan plan = new MethodPlan("card", List.of(), 1, "",
                new PrivacyPlan("card.pii", Level.ROOT, PiiDetector.all(), PiiMode.ALLOW, PiiMode.MASK));
        Enforcer enforcer = enforcer("4111111111111111");

        assertThatThrownBy(() -> enforcer.call(plan).userMessage("which card?")
                .structured(number("card", new TypeReference<Long>() { }, Shape.PRIMITIVE)).execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(audit.last().violations()).extracting(v -> v.ruleId()).containsExactly("card.pii", "card.schema");
    }
}
