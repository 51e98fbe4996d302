package dev.modelspec4j.bench;

import dev.modelspec4j.processor.ModelSpecProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile time of a generated project of annotated assistant interfaces, compiled in four ways, round-robin:
 * <ul>
 *   <li>{@link Variant#WITHOUT}: no annotation processing ({@code -proc:none});
 *   <li>{@link Variant#ANY_PROCESSOR}: a processor that claims {@code @ModelSpec} and does nothing: what javac
 *       adds as soon as any annotation processor runs;
 *   <li>{@link Variant#MINIMAL_GENERATOR}: a processor that writes, per interface, the least an implementing class
 *       can be (methods returning {@code null}): the floor of any processor that generates an implementation per
 *       interface, since javac then needs a second round and compiles the new files;
 *   <li>{@link Variant#MODELSPEC4J}: the modelspec4j processor, wrapped in a timer so that its own work
 *       ({@code init} + {@code process}) is told apart from compiling the classes it generates.
 * </ul>
 * Warm: in this JVM with {@code javax.tools}, after warm-up compilations that are not counted (a long-lived build
 * daemon). Cold: one fresh JVM per compilation, timed from start to exit (a {@code javac} command or a first
 * {@code mvn compile}).
 *
 * <p>{@code java dev.modelspec4j.bench.CompileTime child VARIANT SOURCES_DIR OUT_DIR}: one cold compilation.
 */
final class CompileTime {

    /** How the project is compiled. */
    enum Variant {
        WITHOUT, ANY_PROCESSOR, MINIMAL_GENERATOR, MODELSPEC4J
    }

    /** One compilation. */
    record Compilation(Variant variant, boolean cold, double wallMillis, double processorMillis, long generatedLines) {
    }

    private final Path work;
    private final int interfaces;
    private long sourceLines;

    CompileTime(Path work, int interfaces) {
        this.work = work;
        this.interfaces = interfaces;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals("child")) {
            throw new IllegalArgumentException("usage: CompileTime child VARIANT SOURCES_DIR OUT_DIR");
        }
        List<Path> sources;
        try (Stream<Path> walk = Files.list(Path.of(args[2]))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        compileIn(Variant.valueOf(args[1]), sources, Path.of(args[3]));
    }

    /**
     * Writes the project's sources, then compiles it {@code warmup + runs} times each way in this JVM and
     * {@code coldRuns} times each way in fresh JVMs; returns the counted compilations.
     */
    List<Compilation> measure(int runs, int warmup, int coldRuns) throws IOException, InterruptedException {
        List<Path> sources = writeSources();
        sourceLines = lines(work.resolve("src"));
        List<Compilation> counted = new ArrayList<>();
        Variant[] variants = Variant.values();
        for (int i = 0; i < warmup + runs; i++) {
            for (int v = 0; v < variants.length; v++) {
                Compilation c = compile(sources, variants[(v + i) % variants.length], i);
                if (i >= warmup) {
                    counted.add(c);
                }
            }
        }
        for (int i = 0; i < coldRuns; i++) {
            for (int v = 0; v < variants.length; v++) {
                counted.add(compileCold(variants[(v + i) % variants.length], i));
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

    private Compilation compile(List<Path> sources, Variant variant, int run) throws IOException {
        Path out = work.resolve("out-" + variant.name().toLowerCase(Locale.ROOT) + "-" + run);
        try {
            long start = System.nanoTime();
            TimedProcessor timed = compileIn(variant, sources, out);
            long wall = System.nanoTime() - start;
            long generatedLines = variant == Variant.MODELSPEC4J ? lines(out.resolve("generated")) : 0;
            return new Compilation(variant, false, wall / 1e6, timed == null ? 0 : timed.nanos / 1e6, generatedLines);
        } finally {
            deleteTree(out);
        }
    }

    /** One compilation in a fresh JVM with this JVM's class path, from process start to exit. */
    private Compilation compileCold(Variant variant, int run) throws IOException, InterruptedException {
        Path out = work.resolve("cold-" + variant.name().toLowerCase(Locale.ROOT) + "-" + run);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CompileTime.class.getName(), "child", variant.name(), work.resolve("src/gen").toString(),
                out.toString()).redirectErrorStream(true);
        try {
            long start = System.nanoTime();
            Process process = child.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            long wall = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException("cold compilation " + variant + " failed:\n" + output);
            }
            return new Compilation(variant, true, wall / 1e6, 0, 0);
        } finally {
            deleteTree(out);
        }
    }

    /**
     * Compiles {@code sources} into {@code out} (classes and generated sources) in this JVM; checks that the
     * generating variants generated one class per interface. Returns the timer of the modelspec4j processor, or
     * null.
     */
    static TimedProcessor compileIn(Variant variant, List<Path> sources, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        deleteTree(out);
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path generated = Files.createDirectories(out.resolve("generated"));
        List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-s", generated.toString()));
        TimedProcessor timed = null;
        List<Processor> processors = List.of();
        switch (variant) {
            case WITHOUT -> options.add("-proc:none");
            case ANY_PROCESSOR -> processors = List.of(new MinimalProcessor(false));
            case MINIMAL_GENERATOR -> processors = List.of(new MinimalProcessor(true));
            case MODELSPEC4J -> {
                timed = new TimedProcessor(new ModelSpecProcessor());
                processors = List.of(timed);
            }
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null, options, null, units);
            if (!processors.isEmpty()) {
                task.setProcessors(processors);
            }
            if (!task.call()) {
                throw new IllegalStateException("compilation failed:\n" + diagnostics);
            }
        }
        if (variant == Variant.MINIMAL_GENERATOR || variant == Variant.MODELSPEC4J) {
            long guarded;
            try (Stream<Path> walk = Files.walk(classes)) {
                guarded = walk.filter(p -> p.getFileName().toString().matches("Guarded[^$]*\\.class")).count();
            }
            if (guarded < sources.size()) {
                throw new IllegalStateException(variant + " generated " + guarded + " classes for "
                        + sources.size() + " interfaces:\n" + diagnostics);
            }
        }
        return timed;
    }

    /** Medians and ranges per variant, warm and cold, and the processor's own time, for the JSON file. */
    Map<String, Object> summary(List<Compilation> runs, int warmup) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("interfaces", interfaces);
        result.put("sourceLines", sourceLines);
        result.put("generatedLines", runs.stream().mapToLong(Compilation::generatedLines).max().orElse(0));
        result.put("warmupRounds", warmup);
        for (boolean cold : new boolean[] {false, true}) {
            Map<String, Object> times = new LinkedHashMap<>();
            for (Variant variant : Variant.values()) {
                List<Double> wall = runs.stream().filter(c -> c.cold() == cold && c.variant() == variant)
                        .map(Compilation::wallMillis).toList();
                if (!wall.isEmpty()) {
                    times.put(variant.name(), Stats.of(wall));
                }
            }
            if (!cold) {
                times.put("MODELSPEC4J_OWN", Stats.of(runs.stream()
                        .filter(c -> !c.cold() && c.variant() == Variant.MODELSPEC4J)
                        .map(Compilation::processorMillis).toList()));
            }
            result.put(cold ? "coldMillis" : "warmMillis", times);
        }
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

    /**
     * The floor variants: claims {@code @ModelSpec}; with {@code generate}, writes for each interface a class
     * {@code Guarded<Name>} whose methods return {@code null}, and nothing else.
     */
    static final class MinimalProcessor extends AbstractProcessor {

        private final boolean generate;

        MinimalProcessor(boolean generate) {
            this.generate = generate;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("dev.modelspec4j.annotation.ModelSpec");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!generate) {
                return false;
            }
            for (TypeElement annotation : annotations) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    write((TypeElement) element);
                }
            }
            return false;
        }

        private void write(TypeElement assistant) {
            String pkg = processingEnv.getElementUtils().getPackageOf(assistant).getQualifiedName().toString();
            String name = "Guarded" + assistant.getSimpleName();
            StringBuilder java = new StringBuilder("package ").append(pkg).append(";\n\n")
                    .append("public final class ").append(name).append(" implements ")
                    .append(assistant.getSimpleName()).append(" {\n");
            for (ExecutableElement method : ElementFilter.methodsIn(assistant.getEnclosedElements())) {
                java.append("    @Override\n    public ").append(method.getReturnType()).append(' ')
                        .append(method.getSimpleName()).append('(');
                List<String> parameters = new ArrayList<>();
                for (VariableElement p : method.getParameters()) {
                    parameters.add(p.asType() + " " + p.getSimpleName());
                }
                java.append(String.join(", ", parameters)).append(") {\n        return null;\n    }\n");
            }
            java.append("}\n");
            try {
                JavaFileObject file = processingEnv.getFiler().createSourceFile(pkg + "." + name, assistant);
                try (Writer out = file.openWriter()) {
                    out.write(java.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
