package dev.modelspec4j.testing.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.ModelSpecs;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.Violation;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.spec.MethodCaller;
import dev.modelspec4j.testing.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a spec's worked examples against its generated class, offline and deterministically: for each
 * {@code @Example} of the spec document, a {@link ScriptedChatModel} gives the good answer, which must come
 * through with no rule broken, and then the bad answer, which the named rule must catch. Every rule of the
 * method takes part, built-in or custom, exactly as in production.
 *
 * <pre>{@code
 * @Test
 * void examplesConform() {
 *     ConformanceRunner.run(SupportAssistant.class).assertPassed();
 * }
 * }</pre>
 */
public final class ConformanceRunner {

    private ConformanceRunner() {
    }

    /** Runs the examples of {@code assistant}'s spec document, read from the class path. */
    public static ConformanceReport run(Class<?> assistant) {
        return run(assistant, SpecDocument.of(assistant));
    }

    /** Runs the examples of {@code document} against {@code assistant}'s generated class. */
    public static ConformanceReport run(Class<?> assistant, SpecDocument document) {
        List<ExampleResult> results = new ArrayList<>();
        for (JsonNode method : document.methods()) {
            MethodCaller caller = new MethodCaller(assistant, method);
            for (JsonNode example : method.path("examples")) {
                results.add(good(assistant, document, method, caller, example));
                if (example.has("bad")) {
                    results.add(bad(assistant, document, method, caller, example));
                }
            }
        }
        return new ConformanceReport(document.specId(), document.specVersion(), results);
    }

    private static ExampleResult good(Class<?> assistant, SpecDocument document, JsonNode method,
            MethodCaller caller, JsonNode example) {
        AuditRecord record = call(assistant, document, method, caller, example, example.path("good").asText());
        boolean passed = record.outcome() == Outcome.DELIVERED && record.violations().isEmpty();
        String detail = passed ? "delivered, no rule broken"
                : "broke " + ruleIds(record.violations()) + " (outcome " + record.outcome() + ")";
        return result(document, method, example, "good", passed, detail);
    }

    private static ExampleResult bad(Class<?> assistant, SpecDocument document, JsonNode method,
            MethodCaller caller, JsonNode example) {
        String rule = example.path("rule").asText();
        AuditRecord record = call(assistant, document, method, caller, example, example.path("bad").asText());
        boolean caught = record.violations().stream().anyMatch(v -> v.ruleId().equals(rule));
        String detail = caught ? "caught by " + rule + " (outcome " + record.outcome() + ")"
                : "rule " + rule + " did not catch it; broken: " + ruleIds(record.violations()) + " (outcome "
                        + record.outcome() + ")";
        return result(document, method, example, "bad", caught, detail);
    }

    /** Calls the method with a model that always gives {@code answer}, and returns the call's audit record. */
    private static AuditRecord call(Class<?> assistant, SpecDocument document, JsonNode method, MethodCaller caller,
            JsonNode example, String answer) {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        Object target = ModelSpecs.builder(assistant)
                .chatModel(ScriptedChatModel.builder().reply(answer).repeatLast().build())
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10))
                .auditSink(audit)
                .build();
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode parameter : method.path("parameters")) {
            String variable = parameter.path("variable").asText(parameter.path("name").asText());
            values.put(variable, "<" + variable + ">");
        }
        try {
            caller.call(target, example.path("user").asText(), values, "conformance");
        } catch (RuntimeException e) {
            // A blocked or failed call: its audit record tells what happened.
        }
        if (audit.records().isEmpty()) {
            throw new IllegalStateException("the call of " + document.assistant() + "." + method.path("name").asText()
                    + " wrote no audit record");
        }
        return audit.last();
    }

    private static ExampleResult result(SpecDocument document, JsonNode method, JsonNode example, String answer,
            boolean passed, String detail) {
        return new ExampleResult(document.assistant(), method.path("name").asText(), example.path("index").asInt(),
                SpecDocument.where(example), answer, passed, detail);
    }

    private static String ruleIds(List<Violation> violations) {
        return violations.isEmpty() ? "no rule"
                : violations.stream().map(Violation::ruleId).distinct().collect(Collectors.joining(", "));
    }
}
