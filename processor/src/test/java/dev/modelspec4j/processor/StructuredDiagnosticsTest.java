package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.DiagnosticsTest.assertSingleError;

import com.google.testing.compile.Compilation;
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
}
