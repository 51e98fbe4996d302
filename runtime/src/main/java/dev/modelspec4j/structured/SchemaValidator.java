package dev.modelspec4j.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates a JSON value against the schema that the processor built at compile time, as LangChain4j schema
 * elements: the subset modelspec4j generates (objects with required and additional properties, arrays,
 * strings, integers, numbers, booleans, enums, nullable alternatives, and raw string schemas with a
 * {@code format}). Problems name the place and what was expected, never the value found, so that they can be
 * stored in an audit trail.
 */
public final class SchemaValidator {

    /** A place in the value and what is wrong there. */
    public record Problem(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    private final JsonSchemaElement root;
    private final Map<JsonRawSchema, JsonNode> raw = new IdentityHashMap<>();

    /** Reads every raw schema of {@code root} once, so that validation does no parsing of schemas. */
    public SchemaValidator(JsonSchemaElement root, ObjectMapper mapper) {
        this.root = root;
        collectRaw(root, mapper);
    }

    private void collectRaw(JsonSchemaElement element, ObjectMapper mapper) {
        if (element instanceof JsonRawSchema rawSchema) {
            try {
                raw.put(rawSchema, mapper.readTree(rawSchema.schema()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("invalid raw schema: " + rawSchema.schema(), e);
            }
        } else if (element instanceof JsonObjectSchema object) {
            object.properties().values().forEach(p -> collectRaw(p, mapper));
        } else if (element instanceof JsonArraySchema array) {
            collectRaw(array.items(), mapper);
        } else if (element instanceof JsonAnyOfSchema anyOf) {
            anyOf.anyOf().forEach(a -> collectRaw(a, mapper));
        }
    }

    /** Every problem of {@code value}; empty when it is valid. */
    public List<Problem> validate(JsonNode value) {
        List<Problem> problems = new ArrayList<>(0);
        validate(value, root, "$", problems);
        return problems;
    }

    private void validate(JsonNode node, JsonSchemaElement schema, String path, List<Problem> problems) {
        if (schema instanceof JsonObjectSchema object) {
            if (!node.isObject()) {
                problems.add(new Problem(path, "expected an object, found " + kind(node)));
                return;
            }
            if (object.required() != null) {
                for (String name : object.required()) {
                    if (!node.has(name)) {
                        problems.add(new Problem(path, "the required property \"" + name + "\" is missing"));
                    }
                }
            }
            Map<String, JsonSchemaElement> properties = object.properties();
            int unexpected = 0;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonSchemaElement property = properties == null ? null : properties.get(field.getKey());
                if (property != null) {
                    validate(field.getValue(), property, path + "." + field.getKey(), problems);
                } else if (Boolean.FALSE.equals(object.additionalProperties())) {
                    unexpected++;
                }
            }
            if (unexpected > 0) {
                problems.add(new Problem(path, unexpected + " propert" + (unexpected == 1 ? "y is" : "ies are")
                        + " not in the schema; allowed: " + (properties == null ? "none" : properties.keySet())));
            }
        } else if (schema instanceof JsonArraySchema array) {
            if (!node.isArray()) {
                problems.add(new Problem(path, "expected an array, found " + kind(node)));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                validate(node.get(i), array.items(), path + "[" + i + "]", problems);
            }
        } else if (schema instanceof JsonAnyOfSchema anyOf) {
            if (node.isNull() && anyOf.anyOf().stream().anyMatch(JsonNullSchema.class::isInstance)) {
                return;
            }
            List<JsonSchemaElement> others = anyOf.anyOf().stream()
                    .filter(a -> !(a instanceof JsonNullSchema)).toList();
            if (others.size() == 1) {
                validate(node, others.get(0), path, problems);
                return;
            }
            for (JsonSchemaElement alternative : others) {
                List<Problem> attempt = new ArrayList<>();
                validate(node, alternative, path, attempt);
                if (attempt.isEmpty()) {
                    return;
                }
            }
            problems.add(new Problem(path, "matches none of the allowed forms"));
        } else if (schema instanceof JsonEnumSchema enumeration) {
            if (!node.isTextual() || !enumeration.enumValues().contains(node.textValue())) {
                problems.add(new Problem(path, "expected one of " + enumeration.enumValues()));
            }
        } else if (schema instanceof JsonStringSchema) {
            expect(node.isTextual(), "a string", node, path, problems);
        } else if (schema instanceof JsonIntegerSchema) {
            expect(node.isIntegralNumber() || node.isNumber() && node.canConvertToExactIntegral(), "an integer",
                    node, path, problems);
        } else if (schema instanceof JsonNumberSchema) {
            expect(node.isNumber(), "a number", node, path, problems);
        } else if (schema instanceof JsonBooleanSchema) {
            expect(node.isBoolean(), "true or false", node, path, problems);
        } else if (schema instanceof JsonNullSchema) {
            expect(node.isNull(), "null", node, path, problems);
        } else if (schema instanceof JsonRawSchema rawSchema) {
            validateRaw(node, raw.get(rawSchema), path, problems);
        }
    }

    private static void validateRaw(JsonNode node, JsonNode schema, String path, List<Problem> problems) {
        if (!"string".equals(schema.path("type").asText())) {
            return;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(path, "expected a string, found " + kind(node)));
            return;
        }
        String format = schema.path("format").asText("");
        String text = node.textValue();
        try {
            switch (format) {
                case "date" -> LocalDate.parse(text);
                case "time" -> LocalTime.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {
                    return;
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(new Problem(path, "expected a string in the format " + format + " (ISO 8601)"));
        }
    }

    private static void expect(boolean ok, String expected, JsonNode node, String path, List<Problem> problems) {
        if (!ok) {
            problems.add(new Problem(path, "expected " + expected + ", found " + kind(node)));
        }
    }

    /** What kind of JSON value {@code node} is, in words; never the value itself. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING, BINARY -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
        };
    }
}
