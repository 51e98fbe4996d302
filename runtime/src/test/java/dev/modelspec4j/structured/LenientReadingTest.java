package dev.modelspec4j.structured;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.modelspec4j.structured.StructuredOutput.Reading;
import dev.modelspec4j.structured.StructuredOutput.Shape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The answers that LangChain4j's AiServices reads for a return type are read here too, into the same value; the
 * near misses keep the error that an answer that is not JSON following the schema gets.
 */
class LenientReadingTest {

    public enum Priority { LOW, NORMAL, HIGH }

    public record Ticket(String name, Priority priority) {
    }

    private static final JsonEnumSchema PRIORITY = JsonEnumSchema.builder().enumValues("LOW", "NORMAL", "HIGH").build();

    /** The structured output of a value wrapped in {@code {"value": ...}}, as the processor generates it. */
    private static StructuredOutput wrapped(TypeReference<?> type, JsonSchemaElement value, Shape shape) {
        return output(type, "value", value, shape);
    }

    private static StructuredOutput listOf(TypeReference<?> type, JsonSchemaElement items, Shape shape) {
        return output(type, "values", JsonArraySchema.builder().items(items).build(), shape);
    }

    private static StructuredOutput output(TypeReference<?> type, String wrapper, JsonSchemaElement value,
            Shape shape) {
        JsonObjectSchema root = JsonObjectSchema.builder().addProperty(wrapper, value).required(wrapper)
                .additionalProperties(false).build();
        return StructuredOutput.builder("answer", type).responseFormat(format(root)).wrappedIn(wrapper).shape(shape)
                .build();
    }

    private static ResponseFormat format(JsonObjectSchema root) {
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("answer").rootElement(root).build()).build();
    }

    private static final StructuredOutput ENUM = wrapped(new TypeReference<Priority>() { }, PRIORITY, Shape.PLAIN);
    private static final StructuredOutput BOOLEAN =
            wrapped(new TypeReference<Boolean>() { }, new JsonBooleanSchema(), Shape.PRIMITIVE);
    private static final StructuredOutput INT =
            wrapped(new TypeReference<Integer>() { }, JsonIntegerSchema.builder().build(), Shape.PRIMITIVE);
    private static final StructuredOutput LONG =
            wrapped(new TypeReference<Long>() { }, JsonIntegerSchema.builder().build(), Shape.PLAIN);
    private static final StructuredOutput BYTE =
            wrapped(new TypeReference<Byte>() { }, JsonIntegerSchema.builder().build(), Shape.PRIMITIVE);
    private static final StructuredOutput DOUBLE =
            wrapped(new TypeReference<Double>() { }, JsonNumberSchema.builder().build(), Shape.PRIMITIVE);
    private static final StructuredOutput FLOAT =
            wrapped(new TypeReference<Float>() { }, JsonNumberSchema.builder().build(), Shape.PRIMITIVE);
    private static final StructuredOutput DECIMAL =
            wrapped(new TypeReference<BigDecimal>() { }, JsonNumberSchema.builder().build(), Shape.PLAIN);
    private static final StructuredOutput BIG_INTEGER =
            wrapped(new TypeReference<BigInteger>() { }, JsonIntegerSchema.builder().build(), Shape.PLAIN);
    private static final StructuredOutput DATE = wrapped(new TypeReference<LocalDate>() { },
            JsonRawSchema.from("{\"type\":\"string\",\"format\":\"date\"}"), Shape.PLAIN);
    private static final StructuredOutput TIME = wrapped(new TypeReference<LocalTime>() { },
            JsonRawSchema.from("{\"type\":\"string\",\"format\":\"time\"}"), Shape.PLAIN);
    private static final StructuredOutput DATE_TIME = wrapped(new TypeReference<LocalDateTime>() { },
            JsonRawSchema.from("{\"type\":\"string\",\"pattern\":"
                    + "\"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d+)?)?$\"}"), Shape.PLAIN);
    private static final StructuredOutput CHAR =
            wrapped(new TypeReference<Character>() { }, new JsonStringSchema(), Shape.PRIMITIVE);
    private static final StructuredOutput OPTIONAL_ENUM =
            wrapped(new TypeReference<Priority>() { }, PRIORITY, Shape.OPTIONAL);
    private static final StructuredOutput OPTIONAL_TEXT =
            wrapped(new TypeReference<String>() { }, new JsonStringSchema(), Shape.OPTIONAL);
    private static final StructuredOutput MAP = wrapped(new TypeReference<Map<String, Integer>>() { },
            JsonObjectSchema.builder().additionalProperties(true).build(), Shape.PLAIN);
    private static final StructuredOutput STRINGS =
            listOf(new TypeReference<List<String>>() { }, new JsonStringSchema(), Shape.LIST);
    private static final StructuredOutput STRING_SET =
            listOf(new TypeReference<Set<String>>() { }, new JsonStringSchema(), Shape.SET);
    private static final StructuredOutput PRIORITIES =
            listOf(new TypeReference<List<Priority>>() { }, PRIORITY, Shape.LIST);
    private static final StructuredOutput INTEGERS =
            listOf(new TypeReference<List<Integer>>() { }, JsonIntegerSchema.builder().build(), Shape.LIST);
    private static final JsonObjectSchema TICKET_SCHEMA = JsonObjectSchema.builder()
            .addProperty("name", new JsonStringSchema()).addProperty("priority", PRIORITY)
            .required("name", "priority").additionalProperties(false).build();
    private static final StructuredOutput TICKET = StructuredOutput.builder("answer", new TypeReference<Ticket>() { })
            .responseFormat(format(TICKET_SCHEMA)).build();
    private static final StructuredOutput TICKETS =
            listOf(new TypeReference<List<Ticket>>() { }, TICKET_SCHEMA, Shape.LIST);

    private static Object value(StructuredOutput output, String answer) {
        Reading reading = output.read(answer, rule -> true);
        assertThat(reading.invalid()).as("%s is read", answer).isFalse();
        assertThat(reading.problems()).isEmpty();
        return reading.value();
    }

    /** The evidence of the (first) problem of an answer that cannot be read. */
    private static String error(StructuredOutput output, String answer) {
        Reading reading = output.read(answer, rule -> true);
        assertThat(reading.invalid()).as("%s is refused", answer).isTrue();
        assertThat(reading.value()).isNull();
        assertThat(reading.problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.rule().id()).isEqualTo("answer.schema"));
        return reading.problems().get(0).finding().evidence();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HIGH", "high", "  High \n", "[HIGH]", " [ high ] ", "\"high\"", "{\"value\": \"high\"}",
            "{\"value\": \"HIGH\", \"reason\": \"the router is down\"}", "```\nHIGH\n```"})
    void enumConstantsAreReadAsAiServicesReadsThem(String answer) {
        assertThat(value(ENUM, answer)).isEqualTo(Priority.HIGH);
    }

    @Test
    void enumNearMissesKeepTheirError() {
        assertThat(error(ENUM, "HIGHEST")).isEqualTo("not valid JSON at line 1, column 1");
        assertThat(error(ENUM, "HIGH.")).isEqualTo("not valid JSON at line 1, column 1");
        assertThat(error(ENUM, "The priority is HIGH")).isEqualTo("not valid JSON at line 1, column 1");
        assertThat(error(ENUM, "\"HIGHEST\"")).isEqualTo("At $: expected an object, found a string");
        assertThat(error(ENUM, "{\"value\": \"HIGHEST\"}")).isEqualTo("At $.value: expected one of [LOW, NORMAL, HIGH]");
        assertThat(error(ENUM, "{\"priority\": \"HIGH\"}")).isEqualTo("At $: the required property \"value\" is missing");
        assertThat(error(ENUM, "")).isEqualTo("no JSON value in the answer");
        assertThat(error(ENUM, "[HIGH, LOW]")).isEqualTo("not valid JSON at line 1, column 2");
    }

    @Test
    void optionalEnumIsReadBareAndNullIsEmpty() {
        assertThat(value(OPTIONAL_ENUM, "high")).isEqualTo(Optional.of(Priority.HIGH));
        assertThat(value(OPTIONAL_ENUM, "null")).isEqualTo(Optional.empty());
    }

    @Test
    void optionalTextIsTheAnswerTheJsonStringOrTheFencedBlock() {
        assertThat(value(OPTIONAL_TEXT, "Router down")).isEqualTo(Optional.of("Router down"));
        assertThat(value(OPTIONAL_TEXT, "\"Router down\"")).isEqualTo(Optional.of("Router down"));
        assertThat(value(OPTIONAL_TEXT, "```\nRouter down\n```")).isEqualTo(Optional.of("Router down"));
        assertThat(value(OPTIONAL_TEXT, "{\"value\": \"Router down\"}")).isEqualTo(Optional.of("Router down"));
        assertThat(value(OPTIONAL_TEXT, "null")).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True\n", "\"true\"", "{\"value\": true}", "{\"value\": \"TRUE\"}"})
    void booleansAreReadAsAiServicesReadsThem(String answer) {
        assertThat(value(BOOLEAN, answer)).isEqualTo(true);
    }

    @Test
    void booleanNearMissesKeepTheirError() {
        assertThat(value(BOOLEAN, "false")).isEqualTo(false);
        assertThat(error(BOOLEAN, "yes")).isEqualTo("not valid JSON at line 1, column 1");
        assertThat(error(BOOLEAN, "1")).isEqualTo("At $: expected an object, found an integer");
        assertThat(error(BOOLEAN, "truee")).isEqualTo("not valid JSON at line 1, column 1");
        assertThat(error(BOOLEAN, "{\"value\": \"yes\"}")).isEqualTo("At $.value: expected true or false, found a string");
        assertThat(error(BOOLEAN, "true, because the ticket is open"))
                .isEqualTo("At $: expected an object, found a boolean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", " 42\n", "+42", "42.0", "4.2e1", "\"42\"", "{\"value\": 42}", "{\"value\": \"42\"}",
            "{\"value\": 42.0}", "```\n42\n```"})
    void integersAreReadAsAiServicesReadsThem(String answer) {
        assertThat(value(INT, answer)).isEqualTo(42);
    }

    @Test
    void integerNearMissesKeepTheirError() {
        assertThat(value(INT, "-7")).isEqualTo(-7);
        assertThat(error(INT, "42abc")).startsWith("not valid JSON at line 1");
        assertThat(error(INT, "4.5")).isEqualTo("At $: expected an object, found a number");
        assertThat(error(INT, "3000000000")).isEqualTo("At $: expected an object, found an integer");
        assertThat(error(INT, "forty-two")).startsWith("not valid JSON");
        assertThat(error(INT, "{\"value\": 4.5}")).isEqualTo("At $.value: expected an integer, found a number");
        assertThat(error(INT, "{\"value\": \"42abc\"}")).isEqualTo("At $.value: expected an integer, found a string");
        assertThat(error(BYTE, "200")).isEqualTo("At $: expected an object, found an integer");
        assertThat(value(BYTE, "-128")).isEqualTo((byte) -128);
        assertThat(value(LONG, "3000000000")).isEqualTo(3_000_000_000L);
    }

    @Test
    void decimalsAreReadAsAiServicesReadsThem() {
        assertThat(value(DOUBLE, "3.14")).isEqualTo(3.14);
        assertThat(value(DOUBLE, " 1e3 ")).isEqualTo(1000.0);
        assertThat(value(DOUBLE, "{\"value\": \"2.5\"}")).isEqualTo(2.5);
        assertThat(value(FLOAT, "0.5")).isEqualTo(0.5f);
        assertThat((Double) value(DOUBLE, "NaN")).isNaN(); // as Double.parseDouble, which AiServices uses
        assertThat(value(DECIMAL, "12.50")).isEqualTo(new BigDecimal("12.50"));
        assertThat(value(DECIMAL, "1E+3")).isEqualTo(new BigDecimal("1E+3"));
        assertThat(value(BIG_INTEGER, "123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(error(DOUBLE, "3.14abc")).startsWith("not valid JSON");
        assertThat(error(DOUBLE, "three")).startsWith("not valid JSON");
        assertThat(error(DECIMAL, "12,50")).startsWith("not valid JSON");
        assertThat(error(BIG_INTEGER, "1.5")).isEqualTo("At $: expected an object, found a number");
    }

    @Test
    void datesAndTimesAreReadBare() {
        assertThat(value(DATE, "2025-01-31")).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(value(DATE, " \"2025-01-31\"\n")).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(value(TIME, "14:30")).isEqualTo(LocalTime.of(14, 30));
        assertThat(value(DATE_TIME, "2025-01-31T14:30:00")).isEqualTo(LocalDateTime.of(2025, 1, 31, 14, 30));
        assertThat(error(DATE, "31/01/2025")).startsWith("not valid JSON");
        assertThat(error(DATE, "2025-02-30")).startsWith("not valid JSON");
        assertThat(error(DATE, "{\"value\": \"tomorrow\"}"))
                .isEqualTo("At $.value: expected a string in the format date (ISO 8601)");
    }

    @Test
    void aCharIsOneCharacter() {
        assertThat(value(CHAR, "x")).isEqualTo('x');
        assertThat(value(CHAR, "\"x\"")).isEqualTo('x');
        assertThat(error(CHAR, "xy")).startsWith("not valid JSON");
    }

    @Test
    void stringListsAreReadFromLinesArraysAndTheWrapper() {
        assertThat(value(STRINGS, "apple\nbanana\n\n  cherry \r\n")).isEqualTo(List.of("apple", "banana", "cherry"));
        assertThat(value(STRINGS, "[\"apple\", \"banana\"]")).isEqualTo(List.of("apple", "banana"));
        assertThat(value(STRINGS, "{\"values\": [\"apple\"], \"count\": 1}")).isEqualTo(List.of("apple"));
        assertThat(value(STRINGS, "[1, true]")).isEqualTo(List.of("1", "true"));
        assertThat(value(STRINGS, "```\napple\nbanana\n```")).isEqualTo(List.of("apple", "banana"));
        assertThat(value(STRINGS, "```json\n[\"apple\"]\n```")).isEqualTo(List.of("apple"));
        assertThat(value(STRINGS, "[apple]\n[banana]")).isEqualTo(List.of("[apple]", "[banana]"));
        assertThat(value(STRINGS, "Buy [1] apple\nCall Bob")).isEqualTo(List.of("Buy [1] apple", "Call Bob"));
        assertThat(value(STRING_SET, "apple\napple\nbanana")).isEqualTo(Set.of("apple", "banana"));
    }

    @Test
    void anEmptyAnswerIsNoList() {
        assertThat(error(STRINGS, "")).isEqualTo("no JSON value in the answer");
        assertThat(error(STRINGS, " \n ")).isEqualTo("no JSON value in the answer");
        assertThat(error(STRINGS, "{\"items\": [\"apple\"]}")).isEqualTo("At $: the required property \"values\" is missing");
    }

    @Test
    void enumAndNumberListsAreReadItemByItem() {
        assertThat(value(PRIORITIES, "HIGH\nlow\n[NORMAL]")).isEqualTo(List.of(Priority.HIGH, Priority.LOW,
                Priority.NORMAL));
        assertThat(value(PRIORITIES, "[\"high\", \"LOW\"]")).isEqualTo(List.of(Priority.HIGH, Priority.LOW));
        assertThat(value(PRIORITIES, "{\"values\": [\"high\"]}")).isEqualTo(List.of(Priority.HIGH));
        assertThat(value(PRIORITIES, "The priorities: [\"HIGH\"]")).isEqualTo(List.of(Priority.HIGH));
        assertThat(value(INTEGERS, "1\n2\n3")).isEqualTo(List.of(1, 2, 3));
        assertThat(value(INTEGERS, "[1, \"2\", 3.0]")).isEqualTo(List.of(1, 2, 3));
        assertThat(error(PRIORITIES, "HIGH\nHIGHEST")).startsWith("not valid JSON");
        assertThat(error(PRIORITIES, "[\"HIGH\", \"HIGHEST\"]")).isEqualTo("At $: expected an object, found an array");
        assertThat(error(INTEGERS, "1\n2.5")).startsWith("At $: expected an object, found an integer");
    }

    @Test
    void recordsReadEnumsInAnyCaseAndTheLastFittingBlock() {
        assertThat(value(TICKET, "{\"name\": \"router\", \"priority\": \"high\"}"))
                .isEqualTo(new Ticket("router", Priority.HIGH));
        assertThat(value(TICKET, "Not this: {\"name\": 1}. This: {\"name\": \"router\", \"priority\": \"LOW\"}"))
                .isEqualTo(new Ticket("router", Priority.LOW));
        assertThat(value(TICKETS, "[{\"name\": \"a\", \"priority\": \"low\"}]"))
                .isEqualTo(List.of(new Ticket("a", Priority.LOW)));
        // Lines of JSON objects: AiServices reads a text that starts with an object as one object, and so does this.
        assertThat(error(TICKETS, "{\"name\": \"a\", \"priority\": \"LOW\"}\n{\"name\": \"b\", \"priority\": \"HIGH\"}"))
                .isEqualTo("At $: the required property \"values\" is missing");
        assertThat(value(TICKETS, "- {\"name\": \"a\", \"priority\": \"LOW\"}\n- {\"name\": \"b\", \"priority\": \"high\"}"))
                .isEqualTo(List.of(new Ticket("a", Priority.LOW), new Ticket("b", Priority.HIGH)));
        assertThat(error(TICKET, "{\"name\": \"router\", \"priority\": \"highest\"}"))
                .isEqualTo("At $.priority: expected one of [LOW, NORMAL, HIGH]");
        assertThat(error(TICKET, "{\"name\": \"router\", \"priority\": \"HIGH\", \"extra\": 1}"))
                .isEqualTo("At $: 1 property is not in the schema; allowed: [name, priority]");
    }

    @Test
    void aMapIsReadFromTheBareObject() {
        assertThat(value(MAP, "{\"apples\": 3, \"pears\": 2}")).isEqualTo(Map.of("apples", 3, "pears", 2));
        assertThat(value(MAP, "{\"value\": {\"apples\": 3}}")).isEqualTo(Map.of("apples", 3));
        assertThat(value(MAP, "{\"value\": 3}")).isEqualTo(Map.of("value", 3));
        assertThat(error(MAP, "{\"apples\": \"three\"}")).startsWith("At $: the required property \"value\"");
    }

    @Test
    void primitivesCannotBeRefused() {
        assertThat(INT.refusable()).isFalse();
        assertThat(LONG.refusable()).isTrue();
        assertThat(STRINGS.refusable()).isTrue();
    }
}
