package dev.modelspec4j.testing.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.ModelSpecs;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.testing.spec.MethodCaller;
import dev.modelspec4j.testing.spec.SpecDocument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a data set of user messages through one method of a guarded assistant and reports how its rules fared:
 * each case is one call of the generated class, against a scripted model (offline, deterministic) or a live one,
 * and its audit record — collected by an in-memory sink — is what the report counts.
 *
 * <pre>{@code
 * EvalReport report = EvalRunner.builder(SupportAssistant.class)
 *         .method("answer")
 *         .model(chatModel)
 *         .build()
 *         .run(EvalCase.readJsonLines(Path.of("eval/support-desk.jsonl")));
 * Files.writeString(Path.of("target/eval-report.html"), report.toHtml());
 * }</pre>
 */
public final class EvalRunner {

    private final Class<?> assistant;
    private final SpecDocument document;
    private final String method;
    private final Function<EvalCase, ChatModel> models;
    private final String modelDescription;

    private EvalRunner(Builder builder) {
        this.assistant = builder.assistant;
        this.document = builder.document != null ? builder.document : SpecDocument.of(builder.assistant);
        this.method = Objects.requireNonNull(builder.method, "method");
        this.models = Objects.requireNonNull(builder.models, "model");
        this.modelDescription = builder.modelDescription;
    }

    public static Builder builder(Class<?> assistant) {
        return new Builder(assistant);
    }

    /** Runs every case, in order, and returns the report. */
    public EvalReport run(List<EvalCase> cases) {
        JsonNode methodDocument = document.method(method);
        MethodCaller caller = new MethodCaller(assistant, methodDocument);
        Map<String, int[]> counts = new LinkedHashMap<>(); // rule id -> {cases, violations}
        Map<String, Map<Action, Integer>> actions = new LinkedHashMap<>();
        for (JsonNode rule : methodDocument.path("rules")) {
            counts.put(rule.path("id").asText(), new int[2]);
            actions.put(rule.path("id").asText(), new EnumMap<>(Action.class));
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0);
        }
        List<EvalReport.CaseResult> results = new ArrayList<>();
        for (EvalCase c : cases) {
            InMemoryAuditSink audit = new InMemoryAuditSink();
            Object target = ModelSpecs.builder(assistant)
                    .chatModel(models.apply(c))
                    .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(20))
                    .auditSink(audit)
                    .build();
            try {
                caller.call(target, c.user(), c.vars(), c.id());
            } catch (RuntimeException e) {
                // Blocked and failed calls are counted from their audit records.
            }
            if (audit.records().isEmpty()) {
                throw new IllegalStateException("case " + c.id() + " wrote no audit record");
            }
            AuditRecord record = audit.last();
            outcomes.merge(record.outcome(), 1, Integer::sum);
            LinkedHashSet<String> broken = new LinkedHashSet<>();
            for (Violation violation : record.violations()) {
                counts.computeIfAbsent(violation.ruleId(), id -> new int[2])[1]++;
                actions.computeIfAbsent(violation.ruleId(), id -> new EnumMap<>(Action.class))
                        .merge(violation.action(), 1, Integer::sum);
                broken.add(violation.ruleId());
            }
            for (String id : broken) {
                counts.get(id)[0]++;
            }
            results.add(new EvalReport.CaseResult(c.id(), record.outcome(), record.modelCalls(),
                    List.copyOf(broken), record.error()));
        }
        List<EvalReport.RuleStats> rules = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            JsonNode rule = ruleNode(methodDocument, e.getKey());
            rules.add(new EvalReport.RuleStats(e.getKey(), rule.path("level").asText("?"),
                    rule.path("action").asText("?"), e.getValue()[0], e.getValue()[1], actions.get(e.getKey())));
        }
        return new EvalReport(document.specId(), document.specVersion(), document.hash(), document.assistant(),
                method, modelDescription, cases.size(), outcomes, rules, results);
    }

    private static JsonNode ruleNode(JsonNode method, String id) {
        for (JsonNode rule : method.path("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Configures an {@link EvalRunner}. */
    public static final class Builder {
        private final Class<?> assistant;
        private SpecDocument document;
        private String method;
        private Function<EvalCase, ChatModel> models;
        private String modelDescription = "unnamed";

        private Builder(Class<?> assistant) {
            this.assistant = Objects.requireNonNull(assistant, "assistant");
        }

        /** The method to evaluate. */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** One model for every case, e.g. a live model. */
        public Builder model(ChatModel model) {
            Objects.requireNonNull(model, "model");
            return models(c -> model, model.getClass().getSimpleName());
        }

        /** A model per case, e.g. a scripted model with the case's answers. */
        public Builder models(Function<EvalCase, ChatModel> models, String description) {
            this.models = models;
            this.modelDescription = description;
            return this;
        }

        /** The spec document to use instead of the one on the class path. */
        public Builder document(SpecDocument document) {
            this.document = document;
            return this;
        }

        public EvalRunner build() {
            return new EvalRunner(this);
        }
    }
}
