package dev.modelspec4j.structured;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.pii.PiiCheck;
import dev.modelspec4j.enforce.Call;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The structured output of one assistant method: the JSON schema built at compile time (sent as the request's
 * {@link ResponseFormat} when the model supports it, otherwise written into the prompt), the Jackson reader of
 * the return type, created once, and the rules on record components. A constant of the generated class,
 * immutable and shared by every call.
 *
 * <p>{@link #read} takes an answer through: find the JSON (fences and prose are tolerated) → parse → validate
 * against the schema → run the field rules (masking values for REDACT rules) → bind to the Java type. An answer
 * that is not JSON following the schema is read in the forms LangChain4j's {@code AiServices} also reads (a bare
 * enum constant, {@code 42}, one item per line: see {@link LenientReader}), each held to the same schema; when
 * none fits, it keeps the error of its reading as JSON. Every problem is a {@link Problem}: the rule it breaks
 * and a finding whose evidence never quotes a value.
 */
public final class StructuredOutput {

    /** The mapper behind every reader: java.time and {@code Optional} support, strict about nulls and types. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /** How the value is wrapped in the method's return type. */
    public enum Shape {
        /** The value itself. */
        PLAIN,
        /** {@code Optional<T>}: a JSON {@code null} is {@code Optional.empty()}. */
        OPTIONAL,
        /** {@code List<T>}: nothing to return on a refusal is an empty list. */
        LIST,
        /** {@code Set<T>}: nothing to return on a refusal is an empty set. */
        SET,
        /**
         * A primitive ({@code int}, {@code boolean} ...): there is nothing to return on a refusal, so a call that
         * would refuse is blocked instead ({@link #refusable()}).
         */
        PRIMITIVE
    }

    /** A rule broken by an answer, and what was found. */
    public record Problem(Rule rule, Finding finding) {
    }

    /**
     * What became of one answer.
     *
     * @param value the value to return, or null when there were schema problems
     * @param json the JSON text of the value as delivered (masked where REDACT rules matched); null when invalid
     * @param problems every rule broken, schema first
     */
    public record Reading(Object value, String json, List<Problem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        /** Whether the answer could not be turned into a value. */
        public boolean invalid() {
            return json == null;
        }
    }

    private final Rule schemaRule;
    private final ResponseFormat responseFormat;
    private final String wrapper;
    private final Shape shape;
    private final ObjectReader reader;
    private final List<FieldRule> fieldRules;
    private final SchemaValidator validator;
    private final LenientReader lenient;
    private final String schemaText;

    private StructuredOutput(Builder builder) {
        this.schemaRule = Rule.output(builder.method + ".schema", builder.level, schemaAction(builder.action),
                answer -> List.of());
        this.responseFormat = Objects.requireNonNull(builder.responseFormat, "responseFormat");
        this.wrapper = builder.wrapper;
        this.shape = builder.shape;
        this.reader = MAPPER.readerFor(builder.type);
        this.fieldRules = List.copyOf(builder.fieldRules);
        JsonSchemaElement root = responseFormat.jsonSchema().rootElement();
        this.validator = new SchemaValidator(root, MAPPER);
        this.lenient = new LenientReader(builder.type.getType(), wrapper, root);
        try {
            this.schemaText = MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JsonSchemaElementUtils.toMap(root, false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema of " + builder.method + " cannot be written", e);
        }
    }

    /** An answer that cannot be read cannot be masked or reported past: such actions block. */
    private static Action schemaAction(Action action) {
        return action == Action.REDACT || action == Action.REPORT ? Action.BLOCK : action;
    }

    /**
     * @param method the method's name; the schema rule's id is {@code <method>.schema}
     * @param type the type the JSON value is read as (inside {@code Optional} or {@code Result}), e.g.
     *     {@code new TypeReference<List<Ticket>>() {}}
     */
    public static Builder builder(String method, TypeReference<?> type) {
        return new Builder(method, type);
    }

    /** The rule that an answer breaks when it is not JSON following the schema: {@code <method>.schema}. */
    public Rule schemaRule() {
        return schemaRule;
    }

    public List<FieldRule> fieldRules() {
        return fieldRules;
    }

    /** The response format to send when the model declares {@code RESPONSE_FORMAT_JSON_SCHEMA}. */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** The JSON schema, as text. */
    public String schemaText() {
        return schemaText;
    }

    /** What is added to the user's message when the model cannot take the schema as a response format. */
    public String instructions() {
        return "Answer with a single JSON value and nothing else, following this JSON schema:\n" + schemaText;
    }

    /**
     * What a call returns when it has no value to give (a refusal): empty for collections and Optional, null
     * for other types (a primitive is never refused: see {@link #refusable()}).
     */
    public Object emptyValue() {
        return switch (shape) {
            case OPTIONAL -> Optional.empty();
            case LIST -> List.of();
            case SET -> Set.of();
            case PLAIN, PRIMITIVE -> null;
        };
    }

    /**
     * Whether a call may end in a refusal: not for a primitive, which has no value to stand for one (the call
     * is blocked instead, with a {@code SpecViolationException}).
     */
    public boolean refusable() {
        return shape != Shape.PRIMITIVE;
    }

    /** The rule with {@code id} among the schema and field rules, or null. */
    public Rule rule(String id) {
        if (schemaRule.id().equals(id)) {
            return schemaRule;
        }
        return fieldRules.stream().map(FieldRule::rule).filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Reads one answer.
     *
     * @param answer the model's text
     * @param active which field rules to run (those the end user relaxed are skipped)
     */
    public Reading read(String answer, Predicate<Rule> active) {
        JsonNode tree = null;
        Reading failure;
        Optional<String> json = JsonExtractor.extract(answer);
        if (json.isEmpty()) {
            failure = noJson();
        } else {
            try {
                tree = MAPPER.readTree(json.get());
                failure = tree == null || tree.isMissingNode() ? noJson() : null;
            } catch (JsonProcessingException e) {
                String where = at(e.getLocation());
                failure = invalid(new Finding("The answer is not valid JSON: " + e.getOriginalMessage() + where + ".",
                        "not valid JSON" + where, List.of()));
            }
        }
        if (failure != null) {
            tree = null;
        } else if (tree.isNull() && shape == Shape.OPTIONAL) {
            return new Reading(Optional.empty(), "null", List.of());
        } else {
            List<SchemaValidator.Problem> schemaProblems = validator.validate(tree);
            if (schemaProblems.isEmpty()) {
                return bind(tree, active);
            }
            List<Problem> problems = new ArrayList<>();
            for (SchemaValidator.Problem p : schemaProblems) {
                String text = "At " + p;
                problems.add(new Problem(schemaRule, new Finding(
                        "The answer does not follow the JSON schema: " + text + ".", text, List.of())));
            }
            failure = new Reading(null, null, problems);
        }
        // Not JSON following the schema: the forms AiServices also reads, each held to the same schema. When
        // none fits, the answer keeps the error of its reading as JSON.
        for (JsonNode candidate : lenient.candidates(answer, tree)) {
            if (validator.validate(candidate).isEmpty() && binds(candidate)) {
                return bind(candidate, active);
            }
        }
        return failure;
    }

    /** Field rules on {@code tree}, which follows the schema, then the binding to the Java type. */
    private Reading bind(JsonNode tree, Predicate<Rule> active) {
        List<Problem> problems = new ArrayList<>(0);
        for (FieldRule field : fieldRules) {
            if (active.test(field.rule())) {
                checkField(field, tree, problems);
            }
        }
        JsonNode valueNode = wrapper == null ? tree : tree.get(wrapper);
        Object value;
        try {
            value = reader.readValue(valueNode);
        } catch (java.io.IOException e) {
            String path = e instanceof JsonMappingException mapping ? path(mapping) : "$";
            String type = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? mismatch.getTargetType().getSimpleName() : "the declared type";
            String evidence = "At " + path + ": the value cannot be read as " + type;
            String detail = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                    : e.getMessage();
            problems.add(0, new Problem(schemaRule, new Finding(
                    evidence + " (" + detail + ").", evidence, List.of())));
            return new Reading(null, null, problems);
        }
        if (shape == Shape.OPTIONAL) {
            value = Optional.ofNullable(value);
        }
        return new Reading(value, tree.toString(), problems);
    }

    /** Whether a lenient reading binds to the Java type (it is only taken when it does). */
    private boolean binds(JsonNode tree) {
        try {
            reader.readValue(wrapper == null ? tree : tree.get(wrapper));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void checkField(FieldRule field, JsonNode tree, List<Problem> problems) {
        Rule rule = field.rule();
        for (FieldRule.Located located : field.values(tree)) {
            List<Finding> findings;
            try {
                findings = rule.output().check(located.text());
            } catch (RuntimeException e) {
                findings = List.of(Finding.checkFailed(e));
            }
            List<Span> spans = new ArrayList<>(0);
            for (Finding f : findings) {
                problems.add(new Problem(rule, new Finding("In " + located.where() + ": " + f.message(),
                        located.where() + ": " + f.evidence(), List.of())));
                spans.addAll(f.spans());
            }
            if (!spans.isEmpty() && rule.effectiveAction() == Action.REDACT) {
                java.util.function.UnaryOperator<String> masking = rule.output() instanceof PiiCheck personalData
                        ? personalData::mask : text -> Span.mask(text, spans, Call.REDACTION);
                field.replace(tree, located.where(), masking);
            }
        }
    }

    private Reading noJson() {
        return invalid(new Finding("The answer contains no JSON value. Answer with JSON only.",
                "no JSON value in the answer", List.of()));
    }

    private Reading invalid(Finding finding) {
        return new Reading(null, null, List.of(new Problem(schemaRule, finding)));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * {@code $.contacts[1].phone}, from a mapping exception's reference chain. Names the model chose (the keys of
     * a map, a property the type does not have) are written {@code *}: the path goes into audit evidence.
     */
    private String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        if (wrapper != null) {
            path.append('.').append(wrapper);
        }
        List<JsonMappingException.Reference> refs = e.getPath();
        for (int i = 0; i < refs.size(); i++) {
            JsonMappingException.Reference ref = refs.get(i);
            boolean modelsName = ref.getFrom() instanceof java.util.Map
                    || (i == refs.size() - 1 && e instanceof PropertyBindingException);
            if (ref.getFieldName() != null) {
                path.append('.').append(modelsName ? "*" : ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Builds the constant; for generated code. */
    public static final class Builder {

        private final String method;
        private final TypeReference<?> type;
        private ResponseFormat responseFormat;
        private String wrapper;
        private Shape shape = Shape.PLAIN;
        private Level level = Level.DEVELOPER;
        private Action action = Action.BLOCK;
        private final List<FieldRule> fieldRules = new ArrayList<>();

        private Builder(String method, TypeReference<?> type) {
            this.method = Objects.requireNonNull(method, "method");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The schema, as LangChain4j's response format of type JSON. */
        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /**
         * The root of the schema is an object whose property {@code property} holds the value: a schema's root
         * must be an object, so enums, lists and scalars are wrapped.
         */
        public Builder wrappedIn(String property) {
            this.wrapper = Objects.requireNonNull(property, "property");
            return this;
        }

        public Builder shape(Shape shape) {
            this.shape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** The level and action of the schema rule: the method's action; REDACT and REPORT become BLOCK. */
        public Builder schemaRule(Level level, Action action) {
            this.level = Objects.requireNonNull(level, "level");
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /** A rule on the text values at {@code path}. */
        public Builder fieldRule(String path, Rule rule) {
            fieldRules.add(new FieldRule(path, rule));
            return this;
        }

        public StructuredOutput build() {
            return new StructuredOutput(this);
        }
    }

}
