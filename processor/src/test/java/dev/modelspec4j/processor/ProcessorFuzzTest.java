package dev.modelspec4j.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelspec4j.processor.diag.Message;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Throws random interfaces at the processor (see {@link FuzzSources}) and holds it to what a compiler owes its
 * users: it never crashes or reports an internal error (MS-012); every error it reports is a catalogued
 * diagnostic with a source position; and when it reports none, the class it generated compiles. The seed is
 * printed; replay a run with {@code -Dmodelspec4j.fuzz.seed=<seed>}, and change its size with
 * {@code -Dmodelspec4j.fuzz.count=<interfaces>}.
 *
 * <p>Interfaces are compiled in batches; when a batch goes wrong, its interfaces are compiled one by one so that
 * the failure shows the source that caused it.
 */
class ProcessorFuzzTest {

    private static final long SEED = Long.getLong("modelspec4j.fuzz.seed", new SecureRandom().nextLong());
    private static final int COUNT = Integer.getInteger("modelspec4j.fuzz.count", 300);
    private static final int BATCH = 75;
    private static final Pattern CODE = Pattern.compile("\\[(MS-\\d{3})]");
    private static final Set<String> CATALOGUE =
            Arrays.stream(Message.values()).map(Message::code).collect(Collectors.toSet());

    @Test
    void randomInterfacesAreCompiledOrRejectedWithACataloguedDiagnostic() {
        System.out.println("ProcessorFuzzTest: seed " + SEED + " (replay with -Dmodelspec4j.fuzz.seed=" + SEED + ")");
        Random random = new Random(SEED);
        FuzzSources sources = new FuzzSources(random);
        int many = random.nextInt(COUNT);
        List<FuzzSources.Case> cases = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            cases.add(sources.next(i, i == many));
        }
        List<String> failures = new ArrayList<>();
        Set<Integer> generated = new HashSet<>();
        for (int from = 0; from < cases.size(); from += BATCH) {
            check(cases.subList(from, Math.min(cases.size(), from + BATCH)), failures, generated);
        }
        assertThat(failures).as("seed %d: %d interfaces failed", SEED, failures.size()).isEmpty();
        assertThat(generated).as("seed %d: the interface with %d methods was compiled", SEED,
                cases.get(many).methods()).contains(many);
        assertThat(generated.size()).as("seed %d: interfaces whose generated class compiled", SEED)
                .isGreaterThan(COUNT / 10);
    }

    /**
     * Compiles {@code batch}; then again the interfaces it accepted, whose generated classes javac only compiles
     * when nothing else failed. A problem that cannot be laid at one interface's door sends the batch back one
     * interface at a time.
     */
    private static void check(List<FuzzSources.Case> batch, List<String> failures, Set<Integer> generated) {
        List<String> found = new ArrayList<>();
        List<FuzzSources.Case> accepted = new ArrayList<>();
        // First annotation processing alone, to learn which interfaces the processor accepts; then a full
        // compilation of those, in which javac compiles the generated classes.
        List<FuzzSources.Case> compiled = new ArrayList<>();
        boolean unplaced = judge(batch, true, found, accepted);
        if (!unplaced && !accepted.isEmpty()) {
            unplaced = judge(accepted, false, found, compiled);
        }
        if (unplaced && batch.size() > 1) {
            for (FuzzSources.Case single : batch) {
                check(List.of(single), failures, generated);
            }
            return;
        }
        failures.addAll(found);
        if (!unplaced) {
            compiled.forEach(c -> generated.add(c.index()));
        }
    }

    /**
     * Compiles the cases together and records each problem under its case; fills {@code accepted} with the cases
     * the processor reported nothing against, and checks, when nothing failed, that their classes were generated.
     * Returns true for a problem that names no case: a crash, or an error without a source.
     */
    private static boolean judge(List<FuzzSources.Case> cases, boolean processingOnly, List<String> failures,
            List<FuzzSources.Case> accepted) {
        Compilation compilation;
        try {
            // javac stops listing errors at 100 by default: every case's errors must be seen.
            long start = System.nanoTime();
            compilation = javac().withProcessors(new ModelSpecProcessor())
                    .withOptions(processingOnly ? List.of("-proc:only", "-Xmaxerrs", "1000000", "-Xmaxwarns", "0")
                            : List.of("-Xmaxerrs", "1000000", "-Xmaxwarns", "0"))
                    .compile(files(cases));
            System.out.println("ProcessorFuzzTest: " + cases.size() + " interfaces " + (processingOnly
                    ? "processed" : "compiled") + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (Throwable e) {
            System.out.println("ProcessorFuzzTest: a compilation of " + cases.size() + " threw " + e);
            if (cases.size() == 1) {
                failures.add(report(cases.get(0), "javac or the processor threw " + trace(e)));
            }
            return true;
        }
        Set<FuzzSources.Case> rejected = new HashSet<>();
        boolean unplaced = false;
        for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
            String message = d.getMessage(null);
            FuzzSources.Case owner = owner(cases, d);
            if (owner == null) {
                System.out.println("ProcessorFuzzTest: an error that names no interface, among " + cases.size()
                        + ": " + message);
                if (cases.size() == 1) {
                    failures.add(report(cases.get(0), "an error without a source: " + message + " ("
                            + (d.getSource() == null ? "no file" : d.getSource().toUri()) + ")"));
                }
                unplaced = true;
                continue;
            }
            rejected.add(owner);
            Matcher code = CODE.matcher(message);
            boolean inGenerated = !isInput(owner, d.getSource());
            if (message.contains("[MS-012]")) {
                failures.add(report(owner, "internal error: " + message));
            } else if (inGenerated) {
                failures.add(report(owner, "the generated code does not compile: " + d.getSource().getName() + ":"
                        + d.getLineNumber() + ": " + message + "\n" + generatedSource(compilation, d.getSource())));
            } else if (!code.find() && message.contains("Guarded") && hasCataloguedError(compilation, owner)) {
                // A source that names the generated class (permits GuardedX) misses it when the processor rejected
                // the interface: a consequence of the catalogued error, as with any generated type.
                continue;
            } else if (!code.find(0)) {
                failures.add(report(owner, "javac rejects the source (a fault of the generator of this test?) at line "
                        + d.getLineNumber() + ": " + message));
            } else if (!CATALOGUE.contains(code.group(1))) {
                failures.add(report(owner, "an uncatalogued code: " + message));
            } else if (d.getLineNumber() == Diagnostic.NOPOS) {
                failures.add(report(owner, "a diagnostic without a position: " + message));
            }
        }
        for (FuzzSources.Case c : cases) {
            if (!rejected.contains(c)) {
                accepted.add(c);
                if (compilation.errors().isEmpty() && compilation.generatedSourceFile(c.generatedName()).isEmpty()) {
                    failures.add(report(c, "no error was reported, yet " + c.generatedName() + " was not generated"));
                }
            }
        }
        return unplaced;
    }

    private static boolean hasCataloguedError(Compilation compilation, FuzzSources.Case c) {
        return compilation.errors().stream().anyMatch(d -> d.getSource() != null && isInput(c, d.getSource())
                && CODE.matcher(d.getMessage(null)).find());
    }

    private static List<JavaFileObject> files(List<FuzzSources.Case> cases) {
        List<JavaFileObject> files = new ArrayList<>();
        for (FuzzSources.Case c : cases) {
            c.files().forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
        }
        return files;
    }

    /** The case a diagnostic belongs to, by the package of its file (every case has a package of its own). */
    private static FuzzSources.Case owner(List<FuzzSources.Case> cases, Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return null;
        }
        String path = "/" + d.getSource().toUri().getPath();
        for (FuzzSources.Case c : cases) {
            if (path.contains("/fuzz/c" + c.index() + "/")) {
                return c;
            }
        }
        return null;
    }

    private static boolean isInput(FuzzSources.Case c, JavaFileObject file) {
        String path = "/" + file.toUri().getPath();
        for (String name : c.files().keySet()) {
            if (path.endsWith("/" + name.replace('.', '/') + ".java") && !path.contains("SOURCE_OUTPUT")) {
                return true;
            }
        }
        return false;
    }

    /** The text of a generated file a diagnostic points at (a failed compilation lists no generated files). */
    private static String generatedSource(Compilation compilation, JavaFileObject file) {
        try {
            String text = file.getCharContent(true).toString();
            return text.length() > 20_000 ? text.substring(0, 20_000) + "\n..." : text;
        } catch (java.io.IOException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }


    private static String report(FuzzSources.Case c, String problem) {
        // Long runs of one word, shortened for the reader: replay the seed for the exact text.
        String source = c.text().replaceAll("(word ){8,}", "word word ... word ");
        return "case " + c.index() + " (" + c.description() + "): " + problem + "\n" + source;
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
