package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One negative compile test per diagnostic: the code, and the exact line it points at. */
class DiagnosticsTest {

    private static final String[] IMPORTS = {
        "package test;",
        "import dev.modelspec4j.annotation.*;",
        "import dev.langchain4j.service.*;",
    };

    static JavaFileObject assistant(String... body) {
        String[] lines = new String[IMPORTS.length + body.length];
        System.arraycopy(IMPORTS, 0, lines, 0, IMPORTS.length);
        System.arraycopy(body, 0, lines, IMPORTS.length, body.length);
        return source("test.Assistant", lines);
    }

    static void assertSingleError(JavaFileObject src, String code, String line) {
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[" + code + "]").inFile(src).onLineContaining(line);
    }

    @Test
    void modelSpecOnAClass() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public class Assistant {",
                "}");
        assertSingleError(src, "MS-001", "@ModelSpec");
    }

    @Test
    void unsupportedReturnType() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    void count(String question);",
                "}");
        assertSingleError(src, "MS-002", "void count");
    }

    @Test
    void templateVariableWithNoParameter() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Translate {{text}} into {{language}}\")",
                "    String translate(@V(\"text\") String text);",
                "}");
        assertSingleError(src, "MS-003", "@UserMessage(\"Translate");
    }

    @Test
    void templateVariableOfTheInterfaceSystemMessage() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@SystemMessage(\"You support {{product}}.\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question);",
                "}");
        assertSingleError(src, "MS-003", "@SystemMessage(\"You support");
    }

    @Test
    void parameterUsedNowhere() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question, String customer);",
                "}");
        assertSingleError(src, "MS-004", "String customer");
    }

    @Test
    void twoUserMessageParameters() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question,",
                "                  @UserMessage String again);",
                "}");
        assertSingleError(src, "MS-005", "@UserMessage String again");
    }

    @Test
    void userMessageTemplateAndParameter() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Hello\")",
                "    String answer(@UserMessage String question);",
                "}");
        assertSingleError(src, "MS-005", "@UserMessage String question");
    }

    @Test
    void invalidForbidRegex() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(patterns = {\"fine\",",
                "                        \"(unclosed\"})",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-006", "\"(unclosed\"");
    }

    @Test
    void invalidRequireRegex() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Require(patterns = \"[a-\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-006", "@Require(patterns = \"[a-\")");
    }

    @Test
    void lengthWithNoBound() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-007", "@Length");
    }

    @Test
    void lengthWithNegativeBound() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100,",
                "            maxWords = -5)",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-008", "maxWords = -5");
    }

    @Test
    void lengthWithContradictoryBounds() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100,",
                "            minChars = 500)",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-009", "minChars = 500");
    }

    @Test
    void reaskWithNoAttempts() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100)",
                "    @OnViolation(action = Action.REASK,",
                "                 maxAttempts = 0)",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-010", "maxAttempts = 0");
    }

    @Test
    void duplicateRuleIds() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100, id = \"style\")",
                "    @Forbid(id = \"style\",",
                "            phrases = \"as an AI\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-011", "@Forbid(id = \"style\"");
    }

    @Test
    void noUserMessage() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String greet();",
                "}");
        assertSingleError(src, "MS-013", "String greet()");
    }

    @Test
    void missingTemplateResource() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @SystemMessage(fromResource = \"missing-prompt.txt\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-014", "missing-prompt.txt");
    }

    @Test
    void invalidSpecId() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"Acme Support\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-015", "Acme Support");
    }

    @Test
    void redactOnALengthRule() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100)",
                "    @OnViolation(action = Action.REDACT)",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-016", "@OnViolation(action = Action.REDACT)");
    }

    @Test
    void fallbackWithNoMatchingDefaultMethod() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100)",
                "    @OnViolation(action = Action.FALLBACK, fallback = \"canned\")",
                "    String answer(String question);",
                "    default String canned(int question) { return \"\"; }",
                "}");
        assertSingleError(src, "MS-017", "fallback = \"canned\"");
    }

    @Test
    void untrustedParameterInATemplate() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Summarise {{doc}}\")",
                "    String summarise(@Untrusted(\"document\") @V(\"doc\") String doc);",
                "}");
        assertSingleError(src, "MS-018", "@UserMessage(\"Summarise");
    }

    @Test
    void emptyForbid() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-021", "@Forbid");
    }

    @Test
    void unclosedTemplateVariable() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Answer {{question\")",
                "    String answer(@V(\"question\") String question);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[MS-022]").inFile(src).onLineContaining("Answer {{question");
    }

    @Test
    void policyCycle() {
        JavaFileObject a = source("test.PolicyA",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level.SYSTEM) @PolicyB @Length(maxChars = 10)",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface PolicyA {}");
        JavaFileObject b = source("test.PolicyB",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level.SYSTEM) @PolicyA",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface PolicyB {}");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@PolicyA",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, a, b);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-025]").inFile(src).onLineContaining("@PolicyA");
    }

    @Test
    void everyProblemOfAnInterfaceIsReportedAtOnce() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(patterns = \"(\")",
                "    String one(String question);",
                "    @Length(maxChars = -1)",
                "    String two(String question);",
                "    String[] three(String question);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[MS-006]").inFile(src).onLineContaining("patterns = \"(\"");
        assertThat(compilation).hadErrorContaining("[MS-008]").inFile(src).onLineContaining("maxChars = -1");
        assertThat(compilation).hadErrorContaining("[MS-002]").inFile(src).onLineContaining("String[] three");
    }

    @Test
    void oneBadInterfaceDoesNotStopTheOthers() {
        JavaFileObject bad = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    void answer(String question);",
                "}");
        JavaFileObject good = source("test.Other",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.other\")",
                "public interface Other {",
                "    String answer(String question);",
                "}");
        // Refers to the generated class: had it not been generated, "cannot find symbol" would be a second error.
        JavaFileObject user = source("test.UsesOther",
                "package test;",
                "class UsesOther {",
                "    GuardedOther.Builder builder = GuardedOther.builder();",
                "}");
        Compilation compilation = compile(bad, good, user);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-002]").inFile(bad).onLineContaining("void answer");
    }

    @Test
    void twoMemoryIds() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@MemoryId String a,",
                "                  @MemoryId String b, @UserMessage String question);",
                "}");
        assertSingleError(src, "MS-019", "@MemoryId String b");
    }

    @Test
    void genericMethod() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    <T> String answer(String question);",
                "}");
        assertSingleError(src, "MS-020", "<T> String answer");
    }

    @Test
    void genericInterface() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant<T> {",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-023", "@ModelSpec");
    }

    @Test
    void typeThatNeverAppears() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(GeneratedLater question);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[MS-024]").inFile(src).onLineContaining("public interface Assistant");
    }

    @Test
    void blankUntrustedLabel() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question,",
                "                  @Untrusted(\" \") String doc);",
                "}");
        assertSingleError(src, "MS-026", "@Untrusted(\" \")");
    }

    @Test
    void arrayUserMessage() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String[] questions);",
                "}");
        assertSingleError(src, "MS-027", "String[] questions");
    }

    @Test
    void fallbackNamedForAnotherAction() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 10)",
                "    @OnViolation(action = Action.REFUSE,",
                "                 fallback = \"canned\")",
                "    String answer(String question);",
                "    default String canned(String question) { return \"\"; }",
                "}");
        assertSingleError(src, "MS-028", "fallback = \"canned\")");
    }

    @Test
    void exampleWhoseGoodAnswerBreaksARule() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 20)",
                "    @Example(user = \"Hi\",",
                "            good = \"Hello, how can I help you today with your order?\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-040", "good = \"Hello, how can I help");
    }

    @Test
    void exampleWhoseBadAnswerTheRuleDoesNotCatch() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(phrases = \"guaranteed refund\")",
                "    @Example(user = \"Refund?\", good = \"Refunds follow our policy.\",",
                "            bad = \"You will certainly get your money back.\", rule = \"answer.forbid\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-041", "bad = \"You will certainly");
    }

    @Test
    void exampleNamingARuleTheMethodDoesNotHave() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(phrases = \"guaranteed refund\")",
                "    @Example(user = \"Refund?\", good = \"Refunds follow our policy.\",",
                "            bad = \"A guaranteed refund!\",",
                "            rule = \"answer.forbidden\")",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src);
        assertSingleError(src, "MS-042", "rule = \"answer.forbidden\"");
        assertThat(compilation).hadErrorContaining("use one of answer.forbid");
    }

    @Test
    void exampleWithABadAnswerButNoRule() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(phrases = \"guaranteed refund\")",
                "    @Example(user = \"Refund?\", good = \"Refunds follow our policy.\",",
                "            bad = \"A guaranteed refund!\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-043", "bad = \"A guaranteed refund!\"");
    }

    @Test
    void repeatedExamplesAreReportedAtTheFaultyOne() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Require(patterns = \"^Category: \\\\w+$\")",
                "    @Example(user = \"I was charged twice.\", good = \"Category: billing\")",
                "    @Example(user = \"My router is down.\", good = \"Category: technical\",",
                "            bad = \"Category: technical\", rule = \"triage.require\")",
                "    String triage(String message);",
                "}");
        assertSingleError(src, "MS-041", "bad = \"Category: technical\"");
    }

    @Test
    void twoAssistantsWithOneSpecId() {
        JavaFileObject a = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        JavaFileObject b = source("test.Other",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Other {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(a, b);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-044]").inFile(b).onLineContaining("public interface Other");
    }

    @Test
    void reaskOnAStreamingMethod() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100)",
                "    @OnViolation(action = Action.REASK, maxAttempts = 2)",
                "    TokenStream chat(String question);",
                "}");
        assertSingleError(src, "MS-080", "@OnViolation(action = Action.REASK");
    }

    @Test
    void reaskOnABufferedStreamingMethodCompiles() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Require(patterns = \"Ticket #\\\\d+\")",
                "    @OnViolation(action = Action.REASK, maxAttempts = 2)",
                "    @Streaming(buffer = true)",
                "    TokenStream chat(String question);",
                "}");
        assertThat(compile(src)).succeeded();
    }

    @Test
    void fallbackOnAStreamingMethod() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Length(maxChars = 100)",
                "    @OnViolation(action = Action.FALLBACK, fallback = \"canned\")",
                "    @Streaming(buffer = true)",
                "    TokenStream chat(String question);",
                "    default TokenStream canned(String question) { return null; }",
                "}");
        assertSingleError(src, "MS-081", "@OnViolation(action = Action.FALLBACK");
    }

    @Test
    void wholeAnswerRuleOnAStreamingMethod() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(patterns = \"\\\\d+ dollars\")",
                "    TokenStream chat(String question);",
                "}");
        assertSingleError(src, "MS-082", "TokenStream chat");
    }

    @Test
    void streamingOnAMethodThatDoesNotStream() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Streaming(buffer = true)",
                "    String chat(String question);",
                "}");
        assertSingleError(src, "MS-083", "@Streaming");
    }

    @Test
    void negativeLookAhead() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(patterns = \"secret\", lookAhead = -1)",
                "    TokenStream chat(String question);",
                "}");
        assertSingleError(src, "MS-084", "lookAhead = -1");
    }
}
