package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An interface that refers to a type another processor writes in a later round waits for it: through a
 * {@code @Check} class, and through a component of a record it returns.
 */
class DeferralTest {

    /** Writes {@code com.acme.gen.<name>} in the first round, as a code generator would. */
    private static final class LateWriter extends AbstractProcessor {
        private final String name;
        private final String body;
        private boolean written;

        LateWriter(String name, String body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (written) {
                return false;
            }
            written = true;
            try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.gen." + name).openWriter()) {
                out.write("package com.acme.gen;\n" + body + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    private static Compilation compile(LateWriter writer, JavaFileObject source) {
        return javac().withProcessors(new ModelSpecProcessor(), writer).compile(source);
    }

    @Test
    void aCheckClassWrittenInALaterRound() {
        JavaFileObject src = Compilations.source("com.acme.Assistant",
                "package com.acme;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.UserMessage;",
                "@ModelSpec(id = \"t.deferred.check\")",
                "public interface Assistant {",
                "    @Check(com.acme.gen.NoTicketNumbers.class)",
                "    String answer(@UserMessage String question);",
                "}");
        Compilation compilation = compile(new LateWriter("NoTicketNumbers",
                "public class NoTicketNumbers implements dev.modelspec4j.check.OutputCheck {\n"
                        + "  public java.util.List<dev.modelspec4j.check.Finding> check(String answer) {\n"
                        + "    return java.util.List.of();\n  }\n}"), src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.GuardedAssistant")
                .contentsAsUtf8String().contains("new NoTicketNumbers()");
    }

    @Test
    void aRecordComponentOfATypeWrittenInALaterRound() {
        JavaFileObject src = Compilations.source("com.acme.Assistant",
                "package com.acme;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.UserMessage;",
                "@ModelSpec(id = \"t.deferred.record\")",
                "public interface Assistant {",
                "    record Triage(String summary, com.acme.gen.Priority priority) {}",
                "    Triage triage(@UserMessage String ticket);",
                "}");
        Compilation compilation = compile(new LateWriter("Priority", "public enum Priority { LOW, HIGH }"), src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.GuardedAssistant").contentsAsUtf8String()
                .contains("TRIAGE_OUTPUT");
    }

    @Test
    void aCheckClassThatNeverAppearsIsOneErrorNamingIt() {
        JavaFileObject src = Compilations.source("com.acme.Assistant",
                "package com.acme;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.UserMessage;",
                "@ModelSpec(id = \"t.deferred.never\")",
                "public interface Assistant {",
                "    @Check(com.acme.gen.Missing.class)",
                "    String answer(@UserMessage String question);",
                "}");
        Compilation compilation = javac().withProcessors(new ModelSpecProcessor()).compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[MS-024]").inFile(src)
                .onLineContaining("public interface Assistant");
    }
}
