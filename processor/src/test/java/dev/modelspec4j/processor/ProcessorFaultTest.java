package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** An unexpected fault inside the processor is one error naming the interface, never a javac crash. */
class ProcessorFaultTest {

    @Test
    void unexpectedExceptionBecomesOneErrorNamingTheInterface() {
        JavaFileObject src = Compilations.source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = javac()
                .withProcessors(new ModelSpecProcessor(element -> {
                    throw new NullPointerException("simulated fault");
                }))
                .compile(src);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-012] modelspec4j could not process test.Assistant")
                .inFile(src).onLineContaining("public interface Assistant");
        assertThat(compilation).hadErrorContaining("simulated fault");
    }
}
