package dev.modelspec4j.embeddings.train;

import dev.modelspec4j.check.injection.PromptInjectionDetector;
import dev.modelspec4j.embeddings.SemanticInjectionDetector;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the injection layers on a labelled corpus (by default the validation split,
 * {@code data/injection-validation.jsonl}): the deterministic detector alone, the semantic layer alone, and both as
 * {@code @PromptInjection} applies them (a text is reported when either reports it). Counts only: the report never
 * prints the rows it got wrong, so that reading it cannot turn into tuning on validation.
 *
 * <pre>
 * mvn -B -q -pl embeddings -am compile exec:java@validation-report -Dexec.skip=true \
 *     -Dexec.mainClass=dev.modelspec4j.embeddings.train.SemanticInjectionReport
 * </pre>
 */
public final class SemanticInjectionReport {

    /** The validation split, relative to the project root. */
    public static final String VALIDATION_SET = "data/injection-validation.jsonl";

    private SemanticInjectionReport() {
    }

    /** Confusion counts of one detector. */
    public record Counts(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {

        Counts add(boolean injection, boolean flagged) {
            return new Counts(truePositives + (injection && flagged ? 1 : 0),
                    falsePositives + (!injection && flagged ? 1 : 0), trueNegatives + (!injection && !flagged ? 1 : 0),
                    falseNegatives + (injection && !flagged ? 1 : 0));
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 1 : (double) truePositives / positives;
        }

        public double falsePositiveRate() {
            int negatives = falsePositives + trueNegatives;
            return negatives == 0 ? 0 : (double) falsePositives / negatives;
        }

        String line() {
            return String.format(Locale.ROOT, "recall %.3f (%d/%d)  false-positive rate %.3f (%d/%d)", recall(),
                    truePositives, truePositives + falseNegatives, falsePositiveRate(), falsePositives,
                    falsePositives + trueNegatives);
        }
    }

    /**
     * The three measurements, overall and per language, and the semantic layer's cost: CPU time of the scoring
     * thread per KB (UTF-8) of the corpus texts, every row scored whole.
     */
    public record Result(Counts lexical, Counts semantic, Counts combined, Map<String, Counts> combinedByLanguage,
                         Map<String, Counts> semanticByLanguage, double semanticCpuMillisPerKb) {

        public void print(PrintStream out) {
            out.println("lexical  " + lexical.line());
            out.println("semantic " + semantic.line());
            out.println("combined " + combined.line());
            out.printf(Locale.ROOT, "semantic layer: %.1f ms of CPU per KB (scoring thread, every row)%n",
                    semanticCpuMillisPerKb);
            out.println("by language (combined | semantic alone):");
            combinedByLanguage.forEach((lang, c) -> out.printf(Locale.ROOT, "  %-3s %s | %s%n", lang, c.line(),
                    semanticByLanguage.get(lang).line()));
        }
    }

    public static Result evaluate(PromptInjectionDetector lexical, SemanticInjectionDetector semantic,
            List<LabelledText> rows) {
        Counts l = new Counts(0, 0, 0, 0);
        Counts s = new Counts(0, 0, 0, 0);
        Counts c = new Counts(0, 0, 0, 0);
        Map<String, Counts> byLanguage = new TreeMap<>();
        Map<String, Counts> semanticByLanguage = new TreeMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long semanticNanos = 0;
        long bytes = 0;
        for (LabelledText row : rows) {
            boolean lexicalFlag = lexical.isInjection(row.text());
            long start = threads.getCurrentThreadCpuTime();
            boolean semanticFlag = semantic.assess(row.text()) != null;
            semanticNanos += threads.getCurrentThreadCpuTime() - start;
            bytes += row.text().getBytes(StandardCharsets.UTF_8).length;
            l = l.add(row.injection(), lexicalFlag);
            s = s.add(row.injection(), semanticFlag);
            c = c.add(row.injection(), lexicalFlag || semanticFlag);
            byLanguage.merge(row.language(), new Counts(0, 0, 0, 0).add(row.injection(), lexicalFlag || semanticFlag),
                    SemanticInjectionReport::sum);
            semanticByLanguage.merge(row.language(), new Counts(0, 0, 0, 0).add(row.injection(), semanticFlag),
                    SemanticInjectionReport::sum);
        }
        return new Result(l, s, c, byLanguage, semanticByLanguage, semanticNanos / 1e6 / (bytes / 1024.0));
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.truePositives() + b.truePositives(), a.falsePositives() + b.falsePositives(),
                a.trueNegatives() + b.trueNegatives(), a.falseNegatives() + b.falseNegatives());
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", "."));
        Path data = root.resolve(args.length > 0 ? args[0] : VALIDATION_SET);
        evaluate(PromptInjectionDetector.standard(), new SemanticInjectionDetector(), LabelledText.read(data))
                .print(System.out);
    }
}
