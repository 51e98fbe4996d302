package dev.modelspec4j.bench;

import dev.modelspec4j.processor.ModelSpecProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile time of a generated project of annotated assistant interfaces, compiled in this JVM with
 * {@code javax.tools}, with the modelspec4j processor and without any ({@code -proc:none}), alternating, after
 * warm-up compilations that are not counted. The processor runs wrapped in a timer, so that its own work
 * ({@code init} + {@code process}) is told apart from compiling the classes it generates.
 */
final class CompileTime {

    /** One compilation. */
    record Compilation(boolean withProcessor, double wallMillis, double processorMillis, long generatedLines) {
    }

    private final Path work;
    private final int interfaces;
    private long sourceLines;

    CompileTime(Path work, int interfaces) {
        this.work = work;
        this.interfaces = interfaces;
    }

    /** Writes the project's sources, then compiles it {@code warmup + runs} times each way; returns the counted runs. */
    List<Compilation> measure(int runs, int warmup) throws IOException {
        List<Path> sources = writeSources();
        sourceLines = lines(work.resolve("src"));
        List<Compilation> counted = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            boolean[] order = i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true};
            for (boolean with : order) {
                Compilation c = compile(sources, with, i);
                if (i >= warmup) {
                    counted.add(c);
                }
            }
        }
        return counted;
    }

    List<Path> writeSources() throws IOException {
        Path src = work.resolve("src");
        deleteTree(src);
        Path pkg = Files.createDirectories(src.resolve("gen"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            String name = String.format(Locale.ROOT, "Assistant%03d", i);
            Path file = pkg.resolve(name + ".java");
            Files.writeString(file, source(name, i), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /** An assistant of the generated project: two methods, the rules a typical assistant carries. */
    static String source(String name, int i) {
        return "package gen;\n\n"
                + "import dev.langchain4j.service.SystemMessage;\n"
                + "import dev.langchain4j.service.UserMessage;\n"
                + "import dev.langchain4j.service.V;\n"
                + "import dev.modelspec4j.annotation.Action;\n"
                + "import dev.modelspec4j.annotation.Forbid;\n"
                + "import dev.modelspec4j.annotation.Length;\n"
                + "import dev.modelspec4j.annotation.ModelSpec;\n"
                + "import dev.modelspec4j.annotation.OnViolation;\n"
                + "import dev.modelspec4j.annotation.Require;\n\n"
                + "@ModelSpec(id = \"gen.assistant" + i + "\", version = \"1." + i + "\")\n"
                + "@SystemMessage(\"You are assistant " + i + " for {{product}}. Answer briefly.\")\n"
                + "@Forbid(phrases = {\"as an AI language model\"})\n"
                + "public interface " + name + " {\n\n"
                + "    @Length(maxChars = " + (400 + i) + ")\n"
                + "    @Forbid(patterns = \"(?i)guaranteed refund\")\n"
                + "    @OnViolation(action = Action.REASK, maxAttempts = 2, refusal = \"Sorry, I can't help with that.\")\n"
                + "    String answer(@UserMessage String question, @V(\"product\") String product);\n\n"
                + "    @Require(patterns = \"(?i)ticket #\\\\d+\")\n"
                + "    @Length(maxWords = 120)\n"
                + "    @UserMessage(\"Sort this message: {{message}}\")\n"
                + "    String triage(@V(\"message\") String message, @V(\"product\") String product);\n"
                + "}\n";
    }

    private Compilation compile(List<Path> sources, boolean withProcessor, int run) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = work.resolve("out-" + (withProcessor ? "with" : "without") + "-" + run);
        deleteTree(out);
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path generated = Files.createDirectories(out.resolve("generated"));
        List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-s", generated.toString()));
        if (!withProcessor) {
            options.add("-proc:none");
        }
        TimedProcessor timed = new TimedProcessor(new ModelSpecProcessor());
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null, options, null, units);
            if (withProcessor) {
                task.setProcessors(List.of(timed));
            }
            long start = System.nanoTime();
            boolean ok = task.call();
            long wall = System.nanoTime() - start;
            if (!ok) {
                throw new IllegalStateException("compilation failed:\n" + diagnostics);
            }
            long generatedLines = 0;
            if (withProcessor) {
                long guarded;
                try (Stream<Path> walk = Files.walk(classes)) {
                    guarded = walk.filter(p -> p.getFileName().toString().startsWith("GuardedAssistant")).count();
                }
                if (guarded < interfaces) {
                    throw new IllegalStateException("the processor generated " + guarded + " classes for "
                            + interfaces + " interfaces:\n" + diagnostics);
                }
                generatedLines = lines(generated);
            }
            return new Compilation(withProcessor, wall / 1e6, timed.nanos / 1e6, generatedLines);
        } finally {
            deleteTree(out);
        }
    }

    /** Medians and ranges, the processor's share, for the JSON file. */
    Map<String, Object> summary(List<Compilation> runs, int warmup) {
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<Double> processor = new ArrayList<>();
        for (Compilation c : runs) {
            if (c.withProcessor()) {
                with.add(c.wallMillis());
                processor.add(c.processorMillis());
            } else {
                without.add(c.wallMillis());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("interfaces", interfaces);
        result.put("sourceLines", sourceLines);
        result.put("generatedLines", runs.stream().mapToLong(Compilation::generatedLines).max().orElse(0));
        result.put("warmupPairs", warmup);
        result.put("withProcessorMillis", Stats.of(with));
        result.put("withoutProcessorMillis", Stats.of(without));
        result.put("processorOwnMillis", Stats.of(processor));
        return result;
    }

    /** Lines of the Java sources under {@code root}. */
    static long lines(Path root) throws IOException {
        long lines = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".java"))::iterator) {
                try (Stream<String> text = Files.lines(p, StandardCharsets.UTF_8)) {
                    lines += text.count();
                }
            }
        }
        return lines;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Delegates to a processor and adds up the time spent in its {@code init} and {@code process}. */
    static final class TimedProcessor implements Processor {

        private final Processor delegate;
        long nanos;

        TimedProcessor(Processor delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment processingEnv) {
            long start = System.nanoTime();
            delegate.init(processingEnv);
            nanos += System.nanoTime() - start;
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            long start = System.nanoTime();
            try {
                return delegate.process(annotations, roundEnv);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
