package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.DiagnosticsTest.assertSingleError;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One negative compile test per structured-output diagnostic (MS-060 to MS-079): code and exact line. */
class StructuredDiagnosticsTest {

    /** An assistant source: {@link DiagnosticsTest#assistant} with {@code java.util} imported. */
    private static JavaFileObject assistant(String... body) {
        String[] lines = new String[body.length + 1];
        lines[0] = "import java.util.*;";
        System.arraycopy(body, 0, lines, 1, body.length);
        return DiagnosticsTest.assistant(lines);
    }

    @Test
    void objectHasNoSchema() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    Object anything(@UserMessage String question);",
                "}"), "MS-060", "Object anything");
    }

    @Test
    void rawTypeHasNoSchema() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @SuppressWarnings(\"rawtypes\")",
                "    List names(@UserMessage String question);",
                "}"), "MS-060", "List names");
    }

    @Test
    void wildcardHasNoSchema() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    List<? extends CharSequence> names(@UserMessage String question);",
                "}"), "MS-060", "List<? extends CharSequence> names");
    }

    @Test
    void unsupportedComponentIsReportedOnTheComponent() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Ticket(String summary,",
                "            Object payload) {}",
                "    Ticket triage(@UserMessage String email);",
                "}"), "MS-060", "Object payload");
    }

    @Test
    void recursionWithoutADepthBound() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Node(String name,",
                "            List<Node> children) {}",
                "    Node tree(@UserMessage String text);",
                "}"), "MS-061", "List<Node> children");
    }

    @Test
    void recordThatIsNotPublic() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    Hidden triage(@UserMessage String email);",
                "}",
                "record Hidden(String summary) {}"), "MS-062", "record Hidden");
    }

    @Test
    void recordWithNoComponents() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Nothing() {}",
                "    Nothing triage(@UserMessage String email);",
                "}"), "MS-063", "record Nothing");
    }

    @Test
    void mapWithNonStringKeys() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    Map<Integer, String> byNumber(@UserMessage String text);",
                "}"), "MS-064", "Map<Integer, String> byNumber");
    }

    @Test
    void maxDepthBelowOne() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Node(String name,",
                "            @MaxDepth(0) List<Node> children) {}",
                "    Node tree(@UserMessage String text);",
                "}"), "MS-065", "@MaxDepth(0)");
    }

    @Test
    void ruleOnAComponentThatIsNotText() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Ticket(String summary,",
                "            @Forbid(patterns = \"7\") int effort) {}",
                "    Ticket triage(@UserMessage String email);",
                "}"), "MS-066", "@Forbid(patterns = \"7\") int effort");
    }

    @Test
    void redactOnAComponentRuleThatCannotMask() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Ticket(String summary,",
                "            @Require(patterns = \"ok\") @OnViolation(action = Action.REDACT) String notes) {}",
                "    Ticket triage(@UserMessage String email);",
                "}"), "MS-016", "@Require(patterns = \"ok\")");
    }

    @Test
    void supportedTypesCompile() {
        Compilation compilation = compile(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    enum Kind { A, B }",
                "    record Line(String text, Optional<Integer> count, java.time.LocalDateTime at,",
                "            java.math.BigDecimal amount, Map<String, Kind> kinds, Set<Kind> set, boolean flag) {}",
                "    Line one(@UserMessage String text);",
                "    Set<Line> many(@UserMessage String text);",
                "    Optional<Kind> kind(@UserMessage String text);",
                "    Result<List<String>> words(@UserMessage String text);",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }
    @Test
    void primitiveThatARuleWouldRefuse() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 10)",
                "    @OnViolation(action = Action.REFUSE)",
                "    int count(@UserMessage String question);",
                "}"), "MS-067", "int count");
    }

    @Test
    void primitiveThatAReaskWouldEndInARefusal() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @OnViolation(action = Action.REASK, maxAttempts = 2, refusal = \"Sorry.\")",
                "    boolean urgent(@UserMessage String question);",
                "}");
        assertSingleError(src, "MS-067", "boolean urgent");
        assertThat(compile(src)).hadErrorContaining("rule urgent.schema ends in the refusal text")
                .inFile(src).onLineContaining("boolean urgent");
    }

    /** The built-in instruction-privacy rule, which refuses by default, blocks on a primitive: no error. */
    @Test
    void primitiveWithoutARefusalCompiles() {
        assertThat(compile(assistant(
                "@ModelSpec(id = \"t.a\")",
                "@SystemMessage(\"Answer with a number.\")",
                "public interface Assistant {",
                "    @Length(maxChars = 10)",
                "    @OnViolation(action = Action.REASK, maxAttempts = 2)",
                "    int count(@UserMessage String question);",
                "    @OnViolation(action = Action.REFUSE)",
                "    Integer boxed(@UserMessage String question);",
                "}"))).succeededWithoutWarnings();
    }

    @Test
    void legacyDateReturned() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    Date due(@UserMessage String question);",
                "}"), "MS-068", "Date due");
    }

    @Test
    void legacyDateInARecord() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Ticket(String summary,",
                "            Date due) {}",
                "    Ticket triage(@UserMessage String email);",
                "}"), "MS-068", "Date due");
    }

    @Test
    void legacyResponseIsNoValue() {
        assertSingleError(assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    dev.langchain4j.model.output.Response<dev.langchain4j.data.message.AiMessage> old("
                        + "@UserMessage String question);",
                "}"), "MS-002", "Response<dev.langchain4j.data.message.AiMessage> old");
    }

    /**
     * Every return type that MS-002 names compiles; the map holds each type and the word of MS-002's text that
     * names it, so that the message and the code cannot drift apart.
     */
    @Test
    void everyReturnTypeThatMs002NamesCompiles() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("String", "String");
        types.put("dev.langchain4j.data.message.AiMessage", "AiMessage");
        types.put("dev.langchain4j.model.chat.response.ChatResponse", "ChatResponse");
        types.put("Result<Kind>", "Result<T>");
        types.put("TokenStream", "TokenStream");
        types.put("Line", "a record");
        types.put("Kind", "an enum");
        for (String primitive : List.of("boolean", "byte", "short", "int", "long", "float", "double", "char")) {
            types.put(primitive, primitive);
        }
        for (String box : List.of("Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character")) {
            types.put(box, "their boxes");
        }
        for (String type : List.of("java.math.BigDecimal", "java.math.BigInteger", "java.time.LocalDate",
                "java.time.LocalTime", "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime",
                "java.time.Instant", "java.time.Duration", "UUID")) {
            types.put(type, type.substring(type.lastIndexOf('.') + 1));
        }
        types.put("Map<String, Integer>", "Map<String, V>");
        types.put("List<Kind>", "List");
        types.put("Set<String>", "Set");
        types.put("Collection<Line>", "Collection");
        types.put("Optional<Line>", "Optional");
        List<String> lines = new ArrayList<>(List.of("@ModelSpec(id = \"t.a\")", "public interface Assistant {",
                "    enum Kind { A, B }", "    record Line(String text) {}"));
        int i = 0;
        String ms002 = dev.modelspec4j.processor.diag.Message.UNSUPPORTED_RETURN_TYPE.format("m", "void");
        for (Map.Entry<String, String> type : types.entrySet()) {
            lines.add("    " + type.getKey() + " m" + i++ + "(@UserMessage String question);");
            org.assertj.core.api.Assertions.assertThat(ms002).as("MS-002 names %s", type.getKey())
                    .contains(type.getValue());
        }
        lines.add("}");
        assertThat(compile(assistant(lines.toArray(String[]::new)))).succeededWithoutWarnings();
    }
}
