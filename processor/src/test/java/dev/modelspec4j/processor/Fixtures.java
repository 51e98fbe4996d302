package dev.modelspec4j.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelspec4j.AssistantBuilder;
import dev.modelspec4j.ModelSpecs;
import java.io.File;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.JavaFileObject;

/**
 * Compiles the interfaces of the {@code fixtures} package from their source files with the real processor,
 * and builds their generated classes. The interfaces themselves come from the test class path, so tests call
 * the generated implementations through them, with no reflection.
 */
final class Fixtures {

    static final Path SOURCES = Path.of("src/test/java");
    static final Path RESOURCES = Path.of("src/test/resources");

    private static final Map<Class<?>, Compilation> COMPILED = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    static JavaFileObject sourceOf(Class<?> type) {
        Path file = SOURCES.resolve(type.getName().replace('.', '/') + ".java");
        try {
            return JavaFileObjects.forResource(file.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Compilation compilation(Class<?> type) {
        return COMPILED.computeIfAbsent(type, t -> {
            Compilation compilation = javac()
                    .withProcessors(new ModelSpecProcessor())
                    .withClasspath(classpathWithResources())
                    .compile(sourceOf(t));
            assertWithMessage("compilation of %s: %s", t, compilation.diagnostics())
                    .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
            return compilation;
        });
    }

    /** The builder of the generated class of {@code type}. */
    @SuppressWarnings("unchecked")
    static <T> AssistantBuilder<T, ?> builder(Class<T> type) {
        ClassLoader loader = Compilations.loader(compilation(type));
        try {
            Class<?> generated = loader.loadClass(ModelSpecs.generatedClassName(type));
            return (AssistantBuilder<T, ?>) generated.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generated source of {@code type}'s implementation. */
    static String generatedSource(Class<?> type) {
        String name = ModelSpecs.generatedClassName(type).replace('.', '/') + ".java";
        try {
            for (JavaFileObject file : compilation(type).generatedSourceFiles()) {
                if (file.toUri().getPath().endsWith(name)) {
                    return file.getCharContent(true).toString();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no generated source " + name);
    }

    /** The generated source of {@code type}'s implementation, from a new compilation. */
    static String generatedSourceFresh(Class<?> type) {
        COMPILED.remove(type);
        return generatedSource(type);
    }

    private static List<File> classpathWithResources() {
        List<File> classpath = new java.util.ArrayList<>();
        classpath.add(RESOURCES.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.exists(Path.of(entry))) {
                classpath.add(new File(entry));
            }
        }
        return classpath;
    }
}
