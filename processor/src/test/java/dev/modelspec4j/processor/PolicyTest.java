package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies and the chain of command at compile time. */
class PolicyTest {

    private static JavaFileObject policy(String name, String level, String... rules) {
        List<String> lines = new ArrayList<>(List.of(
                "package policies;",
                "import dev.modelspec4j.annotation.*;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level." + level + ")"));
        lines.addAll(List.of(rules));
        lines.addAll(List.of(
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface " + name + " {}"));
        return source("policies." + name, lines.toArray(String[]::new));
    }

    private static final JavaFileObject BASELINE = policy("Baseline", "ROOT",
            "@Length(maxChars = 500)",
            "@Forbid(id = \"no-promises\", phrases = {\"guaranteed refund\", \"legally binding\"})",
            "@OnViolation(action = Action.REFUSE, refusal = \"I can't help with that.\")");

    private static JavaFileObject assistant(String... body) {
        List<String> lines = new ArrayList<>(List.of(
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.*;",
                "import policies.*;"));
        lines.addAll(List.of(body));
        return source("test.Assistant", lines.toArray(String[]::new));
    }

    private static String generated(Compilation compilation) throws IOException {
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            if (file.getName().endsWith("GuardedAssistant.java")) {
                return file.getCharContent(true).toString();
            }
        }
        throw new AssertionError("GuardedAssistant was not generated");
    }

    @Test
    void policyRulesComeInAtThePolicysLevelThroughNestedPolicies() throws IOException {
        JavaFileObject team = policy("TeamRules", "SYSTEM", "@Baseline", "@Require(patterns = \"\\\\.$\")");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@TeamRules",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, BASELINE, team);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation);
        org.assertj.core.api.Assertions.assertThat(code)
                .contains(".output(\"baseline.length\", Level.ROOT, Action.REFUSE")
                .contains(".output(\"no-promises\", Level.ROOT, Action.REFUSE")
                .contains(".output(\"teamRules.require\", Level.SYSTEM, Action.BLOCK")
                .contains("\"I can't help with that.\"");
    }

    @Test
    void raisingALengthLimitIsAnError() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @Length(maxChars = 2000)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, BASELINE);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-029]").inFile(src).onLineContaining("maxChars = 2000");
        assertThat(compilation).hadErrorContaining("baseline.length of policy policies.Baseline, a ROOT rule");
    }

    @Test
    void tighteningALengthLimitIsFine() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @Length(maxChars = 200)",
                "    @OnViolation(action = Action.BLOCK)",
                "    String answer(String question);",
                "}");
        assertThat(compile(src, BASELINE)).succeededWithoutWarnings();
    }

    @Test
    void narrowingAForbidOfTheSameIdIsAnError() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @Forbid(id = \"no-promises\",",
                "            phrases = \"guaranteed refund\")",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, BASELINE);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-029]").inFile(src).onLineContaining("@Forbid(id = \"no-promises\"");
        assertThat(compilation).hadErrorContaining("drops 1 forbidden pattern");
    }

    @Test
    void wideningAForbidOfTheSameIdReplacesItAtTheHigherLevel() throws IOException {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @Forbid(id = \"no-promises\",",
                "            phrases = {\"guaranteed refund\", \"legally binding\", \"free forever\"})",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, BASELINE);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation);
        org.assertj.core.api.Assertions.assertThat(code).contains(".output(\"no-promises\", Level.ROOT")
                .contains("free forever");
        org.assertj.core.api.Assertions.assertThat(code.split("\\.output\\(\"no-promises\"", -1)).hasSize(2);
    }

    @Test
    void loweringAnActionThatAPolicyStatesIsAnError() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @OnViolation(action = Action.REPORT)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, BASELINE);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[MS-030]").inFile(src).onLineContaining("Action.REPORT");
        assertThat(compilation).hadErrorContaining("policy policies.Baseline");
    }

    @Test
    void raisingAnActionAboveThePolicysIsFine() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @OnViolation(action = Action.BLOCK)",
                "    String answer(String question);",
                "}");
        assertThat(compile(src, BASELINE)).succeededWithoutWarnings();
    }

    @Test
    void aPolicyCannotHaveUserLevel() {
        JavaFileObject user = policy("UserRules", "USER", "@Length(maxChars = 5)");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@UserRules",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, user);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-033]").inFile(src).onLineContaining("@UserRules");
    }

    @Test
    void aPolicyCannotFallBack() {
        JavaFileObject fallback = policy("FallbackRules", "SYSTEM", "@Length(maxChars = 5)",
                "@OnViolation(action = Action.FALLBACK)");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@FallbackRules",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, fallback);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-036]").inFile(src).onLineContaining("@FallbackRules");
    }

    @Test
    void aRequiredPolicyMustBeApplied() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = javac()
                .withProcessors(new ModelSpecProcessor())
                .withOptions("-Amodelspec4j.requiredPolicies=policies.Baseline")
                .compile(src, BASELINE);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-031]").inFile(src).onLineContaining("@ModelSpec");
    }

    @Test
    void aRequiredPolicyAppliedThroughAnotherPolicyCounts() {
        JavaFileObject team = policy("TeamRules", "SYSTEM", "@Baseline");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@TeamRules",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = javac()
                .withProcessors(new ModelSpecProcessor())
                .withOptions("-Amodelspec4j.requiredPolicies=policies.Baseline")
                .compile(src, BASELINE, team);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aRequiredPolicyOptionNamingNoPolicyIsAnError() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = javac()
                .withProcessors(new ModelSpecProcessor())
                .withOptions("-Amodelspec4j.requiredPolicies=policies.Nowhere")
                .compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-032] Processor option modelspec4j.requiredPolicies: no type policies.Nowhere");
    }

    /** The policy is compiled on its own, as in a jar of another Maven module, then applied. */
    @Test
    void aPolicyFromAnotherCompilationKeepsItsRules(@TempDir Path dir) throws IOException {
        Compilation library = javac().compile(BASELINE);
        assertThat(library).succeeded();
        for (JavaFileObject file : library.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                Path target = dir.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        List<File> classpath = new ArrayList<>(List.of(dir.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }

        JavaFileObject good = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = javac().withProcessors(new ModelSpecProcessor()).withClasspath(classpath)
                .compile(good);
        assertThat(compilation).succeededWithoutWarnings();
        org.assertj.core.api.Assertions.assertThat(generated(compilation))
                .contains(".output(\"baseline.length\", Level.ROOT, Action.REFUSE");

        JavaFileObject weakening = assistant(
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    @Length(maxChars = 900)",
                "    String answer(String question);",
                "}");
        Compilation rejected = javac().withProcessors(new ModelSpecProcessor()).withClasspath(classpath)
                .compile(weakening);
        assertThat(rejected).hadErrorCount(1);
        assertThat(rejected).hadErrorContaining("[MS-029]").inFile(weakening).onLineContaining("maxChars = 900");
    }
}
