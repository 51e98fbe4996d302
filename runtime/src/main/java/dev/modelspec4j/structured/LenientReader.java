package dev.modelspec4j.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The readings of an answer that is not JSON following the schema, but that LangChain4j's {@code AiServices}
 * accepts for the same return type: a bare enum constant in any case ({@code high}, {@code [HIGH]}), a bare
 * scalar ({@code true}, {@code 42}, {@code 4.2e1} for an {@code int}, {@code 2025-01-31}), a bare JSON array or
 * one item per line for a collection, the wrapper object with extra properties or with a number given as a
 * string ({@code {"value": "42"}}), a map given as a bare object, and enum values in any case inside records.
 *
 * <p>Each reading turns the answer into the canonical JSON value ({@code {"value": ...}}, {@code {"values":
 * [...]}} or the record itself), which then goes through the same schema validation, field rules and binding
 * as an answer that followed the schema. A reading that does not fit is no reading: {@code HIGHEST} is not
 * {@code HIGH}, {@code 42abc} and {@code 4.5} are not an {@code int}, {@code yes} is not a boolean.
 */
final class LenientReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String wrapper;
    private final JsonSchemaElement root;
    /** The schema of the wrapped value (null when the root is a record). */
    private final JsonSchemaElement value;
    /** Reads one scalar from text: the wrapped value, or the items of a collection. Null for none. */
    private final Function<String, JsonNode> scalar;
    private final Class<?> scalarType;

    LenientReader(Type type, String wrapper, JsonSchemaElement root) {
        this.wrapper = wrapper;
        this.root = root;
        this.value = wrapper != null && root instanceof JsonObjectSchema object && object.properties() != null
                ? object.properties().get(wrapper) : null;
        Type scalarJavaType = value instanceof JsonArraySchema ? firstArgument(type) : type;
        this.scalarType = raw(scalarJavaType);
        JsonSchemaElement scalarSchema = value instanceof JsonArraySchema array ? array.items() : value;
        this.scalar = scalarSchema == null ? null : scalarReader(scalarType, scalarSchema);
    }

    /**
     * The canonical JSON values that {@code answer} may be read as, the most likely first; {@code parsed} is the
     * JSON value found in it (null when there is none).
     */
    List<JsonNode> candidates(String answer, JsonNode parsed) {
        List<JsonNode> out = new ArrayList<>(2);
        String text = answer == null ? "" : answer;
        if (wrapper != null && value == null) {
            return out;
        }
        if (value == null) {
            // A record: AiServices tries the whole answer, then the JSON blocks in it from the last one.
            List<String> blocks = JsonExtractor.blocks(text);
            for (int i = blocks.size() - 1; i >= 0; i--) {
                JsonNode block = parse(blocks.get(i));
                if (block != null && block.isObject()) {
                    add(out, canonicalEnums(block, root));
                }
            }
        } else if (value instanceof JsonArraySchema array) {
            collection(text, parsed, array, out);
        } else if (value instanceof JsonObjectSchema object) {
            // A map: the bare object is the map itself.
            if (parsed != null && parsed.isObject()) {
                add(out, wrap(canonicalEnums(parsed.deepCopy(), object)));
            }
        } else if (scalar != null) {
            scalar(text, parsed, out);
        }
        return out;
    }

    private void scalar(String text, JsonNode parsed, List<JsonNode> out) {
        if (parsed != null && parsed.isObject() && parsed.has(wrapper)) {
            // {"value": ...}: extra properties are ignored, and the value is read as its text.
            add(out, wrap(item(parsed.get(wrapper))));
        }
        if (text.strip().startsWith("{")) {
            return;
        }
        for (String form : forms(text)) {
            add(out, wrap(scalar.apply(form)));
        }
    }

    /**
     * The forms of a scalar answer, the most specific first: the content of a JSON string, the fenced block
     * (unquoted first), the answer as it is. Only a string value can take more than one of them, and it takes
     * the first.
     */
    private static List<String> forms(String text) {
        List<String> forms = new ArrayList<>(4);
        unquoted(text).ifPresent(forms::add);
        JsonExtractor.fenced(text).map(String::stripTrailing).ifPresent(fenced -> {
            unquoted(fenced).ifPresent(forms::add);
            forms.add(fenced); // without the line break before the closing fence
        });
        forms.add(text);
        return forms;
    }

    private void collection(String text, JsonNode parsed, JsonArraySchema array, List<JsonNode> out) {
        String body = JsonExtractor.fenced(text).orElse(text);
        String trimmed = body.strip();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") && trimmed.endsWith("]")
                && parse(trimmed) != null;
        if (!json) {
            // One item per line, as AiServices reads a text that is not JSON; an empty answer is no list.
            add(out, wrap(canonicalEnums(lines(body, array.items()), array)));
        }
        if (parsed != null && parsed.isArray()) {
            add(out, wrap(items(parsed)));
        } else if (parsed != null && parsed.isObject() && parsed.path(wrapper).isArray()) {
            add(out, wrap(items(parsed.get(wrapper))));
        }
    }

    /** Each line that is not blank, trimmed, read as an item; null when one cannot be read, or none is there. */
    private ArrayNode lines(String body, JsonSchemaElement itemSchema) {
        boolean container = itemSchema instanceof JsonObjectSchema || itemSchema instanceof JsonArraySchema;
        if (!container && scalar == null) {
            return null;
        }
        ArrayNode items = NODES.arrayNode();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = container ? JsonExtractor.extract(line).map(LenientReader::parse).orElse(null)
                    : scalar.apply(line.strip());
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return items.isEmpty() ? null : items;
    }

    /** The items of a JSON array as the item type reads them: text items parsed, other values as their text. */
    private JsonNode items(JsonNode array) {
        ArrayNode items = NODES.arrayNode();
        for (JsonNode item : array) {
            JsonNode read = item(item);
            if (read == null) {
                return null;
            }
            items.add(read);
        }
        return items;
    }

    /**
     * One value given as JSON, read as the value type reads it: a string as its text, another scalar as its JSON
     * text; an object or array is kept as it is (enum values in it put in the constants' case), or, where the
     * type is text, becomes its JSON text.
     */
    private JsonNode item(JsonNode node) {
        if (node.isContainerNode() && isText(scalarType)) {
            return TextNode.valueOf(node.toString()); // as AiServices: a JSON value in a list of strings is its text
        }
        if (scalar == null || node.isContainerNode()) {
            return canonicalEnums(node.deepCopy(), value instanceof JsonArraySchema array ? array.items() : value);
        }
        if (node.isNull()) {
            return node;
        }
        if (node.isTextual()) {
            return scalar.apply(node.textValue());
        }
        return scalar.apply(node.isNumber() ? node.numberValue().toString() : node.asText());
    }

    private static boolean isText(Class<?> type) {
        return type == String.class || type == CharSequence.class;
    }

    private JsonNode wrap(JsonNode node) {
        if (node == null) {
            return null;
        }
        ObjectNode wrapped = NODES.objectNode();
        wrapped.set(wrapper, node);
        return wrapped;
    }

    private static void add(List<JsonNode> out, JsonNode candidate) {
        if (candidate != null && !out.contains(candidate)) {
            out.add(candidate);
        }
    }

    /** Enum values written in another case become the constant (AiServices reads enums case-insensitively). */
    static JsonNode canonicalEnums(JsonNode node, JsonSchemaElement schema) {
        if (node == null) {
            return null;
        }
        if (schema instanceof JsonEnumSchema enumeration) {
            return node.isTextual() ? constant(enumeration.enumValues(), node.textValue()).map(TextNode::valueOf)
                    .map(JsonNode.class::cast).orElse(node) : node;
        }
        if (schema instanceof JsonObjectSchema object && node instanceof ObjectNode fields
                && object.properties() != null) {
            for (Map.Entry<String, JsonSchemaElement> property : object.properties().entrySet()) {
                JsonNode child = fields.get(property.getKey());
                if (child != null) {
                    fields.set(property.getKey(), canonicalEnums(child, property.getValue()));
                }
            }
        } else if (schema instanceof JsonArraySchema array && node instanceof ArrayNode items) {
            for (int i = 0; i < items.size(); i++) {
                items.set(i, canonicalEnums(items.get(i), array.items()));
            }
        } else if (schema instanceof JsonAnyOfSchema anyOf) {
            JsonNode current = node;
            for (JsonSchemaElement alternative : anyOf.anyOf()) {
                current = canonicalEnums(current, alternative);
            }
            return current;
        }
        return node;
    }

    private static Optional<String> constant(List<String> constants, String text) {
        return constants.stream().filter(c -> c.equalsIgnoreCase(text)).findFirst();
    }

    /** How a scalar of {@code type} (described by {@code schema}) is read from text, as AiServices reads it. */
    private static Function<String, JsonNode> scalarReader(Class<?> type, JsonSchemaElement schema) {
        if (schema instanceof JsonEnumSchema enumeration) {
            return text -> constant(enumeration.enumValues(), withoutBrackets(text)).map(TextNode::valueOf)
                    .orElse(null);
        }
        if (type == null) {
            return null;
        }
        return switch (type.getName()) {
            case "java.lang.Boolean", "boolean" -> LenientReader::bool;
            case "java.lang.Byte", "byte" -> text -> integral(text, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "java.lang.Short", "short" -> text -> integral(text, Short.MIN_VALUE, Short.MAX_VALUE);
            case "java.lang.Integer", "int" -> text -> integral(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "java.lang.Long", "long" -> text -> integral(text, Long.MIN_VALUE, Long.MAX_VALUE);
            case "java.math.BigInteger" -> text -> number(() -> BigIntegerNode.valueOf(new BigInteger(text.strip())));
            case "java.math.BigDecimal" -> text -> number(() -> DecimalNode.valueOf(new BigDecimal(text.strip())));
            case "java.lang.Double", "double" -> text -> number(() -> DoubleNode.valueOf(Double.parseDouble(text)));
            case "java.lang.Float", "float" -> text -> number(() -> FloatNode.valueOf(Float.parseFloat(text)));
            case "java.time.LocalDate" -> text -> temporal(text, DateTimeFormatter.ISO_LOCAL_DATE);
            case "java.time.LocalTime" -> text -> temporal(text, DateTimeFormatter.ISO_LOCAL_TIME);
            case "java.time.LocalDateTime" -> text -> temporal(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case "java.lang.Character", "char" -> LenientReader::character;
            case "java.lang.String", "java.lang.CharSequence" -> TextNode::valueOf;
            // Other formats (OffsetDateTime, Instant, UUID, ...): the text, checked by the schema and the binding.
            default -> schema instanceof JsonObjectSchema || schema instanceof JsonArraySchema ? null
                    : text -> TextNode.valueOf(text.strip());
        };
    }

    /** AiServices' enum reading: white space around, and one pair of square brackets, are ignored. */
    private static String withoutBrackets(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }

    private static JsonNode bool(String text) {
        String t = text.strip();
        return t.equalsIgnoreCase("true") ? BooleanNode.TRUE : t.equalsIgnoreCase("false") ? BooleanNode.FALSE : null;
    }

    /** A whole number in range: {@code 42}, {@code 42.0}, {@code 4.2e1}; not {@code 4.5}, not {@code 42abc}. */
    private static JsonNode integral(String text, long min, long max) {
        try {
            BigInteger exact = new BigDecimal(text.strip()).toBigIntegerExact();
            if (exact.compareTo(BigInteger.valueOf(min)) < 0 || exact.compareTo(BigInteger.valueOf(max)) > 0) {
                return null;
            }
            return LongNode.valueOf(exact.longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private interface NumberParse {
        JsonNode parse();
    }

    private static JsonNode number(NumberParse parse) {
        try {
            return parse.parse();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode temporal(String text, DateTimeFormatter format) {
        String t = text.strip();
        try {
            format.parse(t);
            return TextNode.valueOf(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode character(String text) {
        String t = text.length() == 1 ? text : text.strip();
        return t.length() == 1 ? TextNode.valueOf(t) : null;
    }

    /** The content of a JSON string literal, when {@code text} is one. */
    private static Optional<String> unquoted(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            return Optional.empty();
        }
        JsonNode node = parse(t);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = StructuredOutput.MAPPER.readTree(json);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Type firstArgument(Type type) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > 0
                && Collection.class.isAssignableFrom(raw(p.getRawType()))
                ? p.getActualTypeArguments()[0] : null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? raw(p.getRawType()) : null;
    }
}
