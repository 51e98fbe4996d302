package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the processor does at the edges of what javac accepts: every interface it accepts gives a generated class
 * that compiles, and everything else is a catalogued error at the interface, never a crash. One test per family
 * of problems that random interfaces found (see {@link ProcessorFuzzTest}), and one per diagnostic MS-100 to
 * MS-107.
 */
class GeneratedCodeLimitsTest {

    private static final String[] IMPORTS = {
        "package test;",
        "import dev.modelspec4j.annotation.*;",
        "import dev.langchain4j.service.*;",
    };

    private static JavaFileObject assistant(String name, String... body) {
        String[] lines = new String[IMPORTS.length + body.length];
        System.arraycopy(IMPORTS, 0, lines, 0, IMPORTS.length);
        System.arraycopy(body, 0, lines, IMPORTS.length, body.length);
        return source("test." + name, lines);
    }

    private static void assertSingleError(JavaFileObject src, String code, String line) {
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[" + code + "]").inFile(src).onLineContaining(line);
    }

    private static String generated(Compilation compilation, String name) {
        try {
            return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- crashes ---

    @Test
    void specIdOfTwoThousandDottedPartsIsReportedNotAStackOverflow() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"" + "a.".repeat(2000) + "b\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-104", "@ModelSpec");
    }

    @Test
    void specIdOfManyDottedPartsWithinTheLimitIsValid() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"" + "a.".repeat(60) + "b\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void longSpecVersion() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\", version = \"" + "1".repeat(200) + "\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-104", "@ModelSpec");
    }

    @Test
    void twoParametersBindingTheSameTemplateVariable() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Translate {{text}}\")",
                "    String translate(@V(\"text\") String first,",
                "                     @V(\"text\") String second);",
                "}");
        assertSingleError(src, "MS-103", "@V(\"text\") String second");
    }

    @Test
    void nestedInterfaceAndTopLevelInterfaceWithTheSameGeneratedName() {
        JavaFileObject nested = assistant("A",
                "public interface A {",
                "    @ModelSpec(id = \"t.nested\")",
                "    interface B {",
                "        String answer(String question);",
                "    }",
                "}");
        JavaFileObject topLevel = assistant("A_B",
                "@ModelSpec(id = \"t.top\")",
                "public interface A_B {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(nested, topLevel);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-100] Assistant test.A_B would be implemented by test.GuardedA_B,"
                + " which is already generated for test.A.B").inFile(topLevel).onLineContaining("public interface A_B");
    }

    @Test
    void deeplyNestedRegexIsAnInvalidRegexNotAStackOverflow() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Forbid(patterns = \"" + "(".repeat(5000) + "a" + ")".repeat(5000) + "\")",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-006", "@Forbid");
    }

    @Test
    void anErrorThrownByTheProcessorIsAnInternalErrorAndTheNextInterfaceIsStillGenerated() {
        JavaFileObject bad = assistant("Bad",
                "@ModelSpec(id = \"t.bad\")",
                "public interface Bad {",
                "    String answer(String question);",
                "}");
        JavaFileObject good = assistant("Good",
                "@ModelSpec(id = \"t.good\")",
                "public interface Good {",
                "    String answer(String question);",
                "}");
        List<String> processed = new ArrayList<>();
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(new ModelSpecProcessor(element -> {
                    processed.add(element.getSimpleName().toString());
                    if (element.getSimpleName().contentEquals("Bad")) {
                        throw new StackOverflowError("simulated");
                    }
                }))
                .compile(bad, good);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-012]").inFile(bad).onLineContaining("public interface Bad");
        assertThat(compilation).hadErrorContaining("StackOverflowError: simulated");
        assertThat(processed).containsExactly("Bad", "Good");
    }

    // --- accepted, so the generated class must compile ---

    @Test
    void separatorsBidiControlsLoneSurrogatesAndNulInStrings() {
        String odd = "a\\u2028b\\u2029c\\u202Ed\\uD800e\\u0000f\\uD83D\\uDE00g\\\\u0041h\\u0085i\\u000Bj*/k";
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\", version = \"" + odd + "\", description = \"" + odd + "\")",
                "@SystemMessage(\"" + odd + "\")",
                "public interface Assistant {",
                "    @Forbid(phrases = \"" + odd + "\", patterns = \"" + odd + "\")",
                "    @OnViolation(action = Action.REFUSE, refusal = \"" + odd + "\")",
                "    String answer(@UserMessage String question, @Untrusted(\"" + odd + "\") String notes);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = generated(compilation, "test.GuardedAssistant");
        assertThat(generated).doesNotContain("\u2028", "\u2029", "\u202e", "\u0085")
                .contains("a\\u2028b\\u2029c\\u202ed\\ud800e\\u0000f\ud83d\ude00g\\\\u0041h\\u0085i\\u000bj*/k");
    }

    @Test
    void parameterNamesEqualToGeneratedMembersAndImportedTypes() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"{{enforcer}} {{Templates}} {{SPEC}} {{Builder}} {{ANSWER_PLAN}} {{CallOutcome}}"
                        + " {{String}} {{dev}} {{outcome}}\")",
                "    @OnViolation(action = Action.FALLBACK, fallback = \"fallback\")",
                "    String answer(String enforcer, String Templates, String SPEC, String Builder, String ANSWER_PLAN,",
                "                  String CallOutcome, String String, String dev, String outcome);",
                "    default String fallback(String a, String b, String c, String d, String e, String f, String g,",
                "                            String h, String i) {",
                "        return a;",
                "    }",
                "    @UserMessage(\"{{it}}\")",
                "    String ask(String ASK_PLAN);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = generated(compilation, "test.GuardedAssistant");
        assertThat(generated).contains("this.enforcer.call(ANSWER_PLAN_2)", "CallOutcome outcome_2 = ",
                "Templates.value(\"Templates\", TemplatesValue)", "Templates.value(\"dev\", devValue)");
    }

    @Test
    void fieldsAndMemberTypesOfTheInterfaceNamedLikeImportedTypes() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    int Templates = 1;",
                "    int Level = 2;",
                "    interface Rule {}",
                "    interface Override {}",
                "    @Forbid(phrases = \"internal\")",
                "    String answer(@V(\"x\") String x);",
                "    @Forbid(phrases = \"internal\")",
                "    String other(@UserMessage String question);",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void fieldsAndMemberTypesNamedLikeTheTypesOfStructuredOutput() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    int StructuredOutput = 1;",
                "    int TypeReference = 2;",
                "    interface Shape {}",
                "    interface JsonObjectSchema {}",
                "    int count(@UserMessage String question);",
                "    java.util.List<String> names(@UserMessage String question);",
                "    dev.langchain4j.service.Result<Integer> total(@UserMessage String question);",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void aMemberNamedStructuredOutputBesideARecordAnswer() {
        // A record answer names the nested StructuredOutput.Shape, which once made JavaPoet import
        // StructuredOutput although the interface's member of that name hides it.
        for (String member : List.of("int StructuredOutput = 0;", "interface StructuredOutput {}")) {
            JavaFileObject reply = source("test.Reply", "package test;", "public record Reply(String text, int count) {}");
            JavaFileObject src = assistant("Assistant",
                    "@ModelSpec(id = \"t.a\")",
                    "public interface Assistant {",
                    "    " + member,
                    "    Reply reply(@UserMessage String question);",
                    "    java.util.List<String> names(@UserMessage String question);",
                    "    Result<Integer> total(@UserMessage String question);",
                    "}");
            assertThat(compile(src, reply)).succeededWithoutWarnings();
        }
    }

    @Test
    void aFieldThatHidesAPackageOfTheGeneratedCode() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    int dev = 1;",
                "    String answer(String question);",
                "}");
        assertSingleError(src, "MS-107", "int dev");
    }

    @Test
    void commentEndAndJavadocTagsInTheVersion() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\", version = \"1 */ class X { /* @param {@code <b>&\\\\u002a/\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "test.GuardedAssistant"))
                .contains("version 1 &#x2a;&#x2f; class X &#x7b; &#x2f;&#x2a; &#x40;param &#x7b;&#x40;code");
    }

    @Test
    void privateNestedInterface() {
        JavaFileObject src = assistant("Outer",
                "public class Outer {",
                "    @ModelSpec(id = \"t.a\")",
                "    private interface Assistant {",
                "        String answer(String question);",
                "    }",
                "}");
        assertSingleError(src, "MS-101", "@ModelSpec");
    }

    @Test
    void interfaceInsideAPrivateClass() {
        JavaFileObject src = assistant("Outer",
                "public class Outer {",
                "    private static class Hidden {",
                "        @ModelSpec(id = \"t.a\")",
                "        interface Assistant {",
                "            String answer(String question);",
                "        }",
                "    }",
                "}");
        assertSingleError(src, "MS-101", "@ModelSpec");
    }

    @Test
    void protectedNestedInterfaceIsImplementedFromTheSamePackage() {
        JavaFileObject src = assistant("Outer",
                "public class Outer {",
                "    @ModelSpec(id = \"t.a\")",
                "    protected interface Assistant {",
                "        String answer(String question);",
                "    }",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void sealedInterface() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public sealed interface Assistant permits Assistant.Sub {",
                "    String answer(String question);",
                "    non-sealed interface Sub extends Assistant {}",
                "}");
        assertSingleError(src, "MS-102", "@ModelSpec");
    }

    @Test
    void sealedInterfaceThatPermitsItsGeneratedClass() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public sealed interface Assistant permits GuardedAssistant {",
                "    String answer(String question);",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void stringsOfFortyThousandCharacters() {
        String words = "word ".repeat(8_000).strip();
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "@SystemMessage(\"" + "\u00e9".repeat(30_000) + "\")",
                "public interface Assistant {",
                "    @Forbid(phrases = \"" + words + "\")",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "test.GuardedAssistant")).contains(".concat(\"");
    }

    @Test
    void eightHundredMethods() {
        List<String> body = new ArrayList<>(List.of("@ModelSpec(id = \"t.a\")", "@Length(maxChars = 500)",
                "public interface Assistant {"));
        for (int i = 0; i < 800; i++) {
            body.add("    @Forbid(phrases = \"phrase " + i + "\")");
            body.add("    String answer" + i + "(@V(\"q\") String q);");
        }
        body.add("}");
        Compilation compilation = compile(assistant("Assistant", body.toArray(String[]::new)));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "test.GuardedAssistant"))
                .contains("private static final MethodPlan ANSWER0_PLAN = answer0Plan();");
    }

    @Test
    void moreMethodsThanAGeneratedClassHolds() {
        List<String> body = new ArrayList<>(List.of("@ModelSpec(id = \"t.a\")", "public interface Assistant {"));
        for (int i = 0; i < 1001; i++) {
            body.add("    String answer" + i + "(String q);");
        }
        body.add("}");
        assertSingleError(assistant("Assistant", body.toArray(String[]::new)), "MS-105", "@ModelSpec");
    }

    @Test
    void overloadsWithStructuredOutputEachHaveTheirOwnSchema() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    record Reply(String text) {}",
                "    record Ranking(int rank) {}",
                "    Reply ask(@UserMessage String question);",
                "    @UserMessage(\"Rank {{question}} on {{topic}}\")",
                "    Ranking ask(@V(\"question\") String question, @V(\"topic\") String topic);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = generated(compilation, "test.GuardedAssistant");
        assertThat(generated).contains(".structured(ASK_OUTPUT)", ".structured(ASK_OUTPUT_2)");
    }

    @Test
    void methodNamedBuilder() {
        JavaFileObject src = assistant("Assistant",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String builder();",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorContaining("[MS-106]").inFile(src).onLineContaining("String builder()");
    }
}
