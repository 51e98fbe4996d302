package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.CheckedAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** @Check: the user's own OutputCheck, created by the generated class with new. */
class CustomCheckTest {

    @Test
    void theUsersCheckRunsAndItsSpansAreMasked() {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        CheckedAssistant assistant = Fixtures.builder(CheckedAssistant.class)
                .chatModel(ScriptedChatModel.answering("Unlike Globex, we ship free.")).auditSink(audit).build();

        Assertions.assertThat(assistant.answer("Why you?")).isEqualTo("Unlike [REDACTED], we ship free.");
        Assertions.assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);
        Assertions.assertThat(audit.last().violations().get(0).ruleId()).isEqualTo("answer.checkNoCompetitorNames");
        Assertions.assertThat(Fixtures.generatedSource(CheckedAssistant.class)).contains("new NoCompetitorNames()");
    }

    @Test
    void aCheckTheGeneratedCodeCannotCreateIsAnError() {
        JavaFileObject check = source("test.Broken",
                "package test;",
                "import dev.modelspec4j.check.*;",
                "import java.util.List;",
                "public abstract class Broken implements OutputCheck {",
                "}");
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @Check(Broken.class)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, check);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-037] @Check(Broken.class) cannot be used: it is abstract")
                .inFile(src).onLineContaining("@Check(Broken.class)");
    }
}
