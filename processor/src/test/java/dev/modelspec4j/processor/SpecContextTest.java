package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecContext;
import dev.modelspec4j.SpecOverrideException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.OverridableAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The USER level: rules marked userOverridable may be relaxed per call, no other. */
class SpecContextTest {

    private static final String LONG = "A detailed answer of far more than twenty characters.";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private OverridableAssistant assistant(ScriptedChatModel model) {
        return Fixtures.builder(OverridableAssistant.class).chatModel(model).auditSink(audit).build();
    }

    @Test
    void withoutOverrideTheRuleApplies() {
        Assertions.assertThat(assistant(ScriptedChatModel.answering(LONG)).answer("q", null)).isEqualTo("Too long.");
    }

    @Test
    void aUserOverridableRuleCanBeRelaxedAndTheRelaxationIsAudited() {
        SpecContext context = SpecContext.builder().userId("u-42").relax("answer.length").build();
        String answer = assistant(ScriptedChatModel.answering(LONG)).answer("q", context);

        Assertions.assertThat(answer).isEqualTo(LONG);
        Assertions.assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
        Assertions.assertThat(audit.last().userId()).isEqualTo("u-42");
        Assertions.assertThat(audit.last().userOverrides()).containsExactly("answer.length");
        Assertions.assertThat(audit.last().violations()).isEmpty();
    }

    @Test
    void relaxingAHardRuleFailsBeforeTheModelIsCalledAndIsAudited() {
        ScriptedChatModel model = ScriptedChatModel.answering("fine");
        SpecContext context = SpecContext.builder().relax("answer.forbid").build();

        assertThatThrownBy(() -> assistant(model).answer("q", context))
                .isInstanceOf(SpecOverrideException.class)
                .hasMessageContaining("answer.forbid (DEVELOPER) is not user-overridable");
        Assertions.assertThat(model.requestCount()).isZero();
        Assertions.assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        Assertions.assertThat(audit.last().violations()).extracting(Violation::ruleId, Violation::level)
                .containsExactly(Assertions.tuple("answer.forbid", Level.USER));
    }

    @Test
    void relaxingAnUnknownRuleFails() {
        assertThatThrownBy(() -> assistant(ScriptedChatModel.answering("fine"))
                        .answer("q", SpecContext.builder().relax("answer.nothing").build()))
                .isInstanceOf(SpecOverrideException.class)
                .hasMessageContaining("no rule answer.nothing");
    }

    @Test
    void aRootRuleCannotBeUserOverridable() {
        JavaFileObject policy = source("test.Root",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level.ROOT)",
                "@Length(maxChars = 10, userOverridable = true)",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface Root {}");
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "@Root",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, policy);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-034]").inFile(policy).onLineContaining("userOverridable = true");
    }

    @Test
    void makingAHigherRuleUserOverridableIsAWeakening() {
        JavaFileObject policy = source("test.Sys",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level.SYSTEM)",
                "@Length(id = \"len\", maxChars = 10)",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface Sys {}");
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "@Sys",
                "public interface Assistant {",
                "    @Length(id = \"len\",",
                "            maxChars = 10, userOverridable = true)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, policy);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-029]").inFile(src).onLineContaining("@Length(id = \"len\"");
    }

    @Test
    void twoContextsAreAnError() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.SpecContext;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question, SpecContext a,",
                "                  SpecContext b);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-035]").inFile(src).onLineContaining("SpecContext b");
    }
}
