package dev.modelspec4j.testing.detectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelspec4j.check.injection.PromptInjectionDetector;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures {@link PromptInjectionDetector} on a labelled JSONL corpus (format in {@code data/SOURCES.md}):
 * precision, recall and false-positive rate, overall, per technique and per group of rows (source, language,
 * delivery, disguise), and the ids the detector got wrong. Figures are reported on the validation split
 * ({@code data/injection-validation.jsonl}); the development split ({@code data/injection-dev.jsonl}) is what the
 * rules were tuned on.
 *
 * <pre>
 * mvn -B -q -pl testing -am compile exec:java@injection-report -Dexec.skip=true \
 *     -Dexec.mainClass=dev.modelspec4j.testing.detectors.InjectionDetectorReport
 * </pre>
 *
 * The project root is the first argument, else the system property {@code modelspec4j.project.root}, else the
 * working directory. The report ends with the scan throughput on the corpus texts repeated to
 * {@value #THROUGHPUT_MB} MB (a rough single-thread figure, not a benchmark).
 */
public final class InjectionDetectorReport {

    /** The development corpus, relative to the project root. */
    public static final String DEV_SET = "data/injection-dev.jsonl";
    /** The validation corpus, relative to the project root: floors are asserted and figures reported on it. */
    public static final String VALIDATION_SET = "data/injection-validation.jsonl";
    /** Megabytes scanned for the throughput line. */
    public static final int THROUGHPUT_MB = 64;

    /**
     * One labelled row.
     *
     * @param groups the groups the row belongs to, as {@code "facet=value"} strings ({@code "lang=pl"},
     *               {@code "delivery=indirect"}, {@code "obfuscation=rot13"}, {@code "source=bipia"})
     */
    public record Example(String id, String text, boolean injection, String technique, List<String> groups) {

        public Example {
            groups = List.copyOf(groups);
        }

        /** A row in no group. */
        public Example(String id, String text, boolean injection, String technique) {
            this(id, text, injection, technique, List.of());
        }
    }

    /** Counts for one group of rows: how many injections were found, how many benign rows were flagged. */
    public record GroupCounts(String group, int injections, int detected, int benign, int falseAlarms) {
        public double recall() {
            return injections == 0 ? 1 : (double) detected / injections;
        }

        public double falsePositiveRate() {
            return benign == 0 ? 0 : (double) falseAlarms / benign;
        }
    }

    /** Detection rate on the rows of one technique (only injections carry one). */
    public record TechniqueRecall(String technique, int rows, int detected) {
        public double recall() {
            return rows == 0 ? 0 : (double) detected / rows;
        }
    }

    /** The measurement. */
    public record Result(int truePositives, int falsePositives, int trueNegatives, int falseNegatives,
                         Map<String, TechniqueRecall> byTechnique, Map<String, GroupCounts> byGroup,
                         List<String> missedInjections, List<String> falseAlarms) {

        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 1 : (double) truePositives / flagged;
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 1 : (double) truePositives / positives;
        }

        public double falsePositiveRate() {
            int negatives = falsePositives + trueNegatives;
            return negatives == 0 ? 0 : (double) falsePositives / negatives;
        }

        /** The report as printed by {@link #main(String[])}. */
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "rows: %d (injection %d, benign %d)%n",
                    truePositives + falsePositives + trueNegatives + falseNegatives,
                    truePositives + falseNegatives, falsePositives + trueNegatives);
            out.printf(Locale.ROOT, "TP %d  FP %d  TN %d  FN %d%n", truePositives, falsePositives, trueNegatives,
                    falseNegatives);
            out.printf(Locale.ROOT, "precision %.3f  recall %.3f  false-positive rate %.3f%n", precision(),
                    recall(), falsePositiveRate());
            out.println("recall by technique (rows that carry one):");
            byTechnique.values().forEach(t -> out.printf(Locale.ROOT, "  %-22s %2d/%-2d  %.3f%n", t.technique(),
                    t.detected(), t.rows(), t.recall()));
            if (!byGroup.isEmpty()) {
                out.println("by group: injections found / injections, benign rows flagged / benign rows:");
                byGroup.values().forEach(g -> out.printf(Locale.ROOT, "  %-26s %4d/%-4d %.3f   %3d/%-4d%n",
                        g.group(), g.detected(), g.injections(), g.recall(), g.falseAlarms(), g.benign()));
            }
            out.println("missed injections: " + (missedInjections.isEmpty() ? "none" : missedInjections));
            out.println("false alarms: " + (falseAlarms.isEmpty() ? "none" : falseAlarms));
        }
    }

    private InjectionDetectorReport() {
    }

    /** Reads a corpus in the injection JSONL format. */
    public static List<Example> read(Path jsonl) {
        ObjectMapper mapper = new ObjectMapper();
        List<Example> examples = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = mapper.readTree(line);
                String label = row.path("label").asText();
                if (!label.equals("injection") && !label.equals("benign")) {
                    throw new IllegalArgumentException("unknown label '" + label + "' in " + jsonl);
                }
                List<String> groups = new ArrayList<>();
                String id = row.path("id").asText();
                groups.add("source=" + (id.startsWith("bipia-") ? "bipia" : id.startsWith("ms-") ? "written"
                        : "upstream tests"));
                for (String facet : List.of("lang", "delivery", "obfuscation")) {
                    if (row.hasNonNull(facet)) {
                        groups.add(facet + "=" + row.get(facet).asText());
                    }
                }
                examples.add(new Example(id, row.path("text").asText(),
                        label.equals("injection"), row.hasNonNull("technique") ? row.get("technique").asText()
                        : null, groups));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    /** Runs {@code detector} on every example. */
    public static Result evaluate(PromptInjectionDetector detector, List<Example> examples) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        Map<String, int[]> techniques = new TreeMap<>();
        Map<String, int[]> groups = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Example example : examples) {
            boolean flagged = detector.isInjection(example.text());
            for (String group : example.groups()) {
                int[] counts = groups.computeIfAbsent(group, g -> new int[4]);
                counts[example.injection() ? 0 : 2]++;
                counts[example.injection() ? 1 : 3] += flagged ? 1 : 0;
            }
            if (example.injection()) {
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                    missed.add(example.id());
                }
                if (example.technique() != null) {
                    int[] counts = techniques.computeIfAbsent(example.technique(), t -> new int[2]);
                    counts[0]++;
                    counts[1] += flagged ? 1 : 0;
                }
            } else if (flagged) {
                fp++;
                falseAlarms.add(example.id());
            } else {
                tn++;
            }
        }
        Map<String, TechniqueRecall> byTechnique = new TreeMap<>();
        techniques.forEach((t, c) -> byTechnique.put(t, new TechniqueRecall(t, c[0], c[1])));
        Map<String, GroupCounts> byGroup = new TreeMap<>();
        groups.forEach((g, c) -> byGroup.put(g, new GroupCounts(g, c[0], c[1], c[2], c[3])));
        return new Result(tp, fp, tn, fn, Collections.unmodifiableMap(byTechnique),
                Collections.unmodifiableMap(byGroup), List.copyOf(missed), List.copyOf(falseAlarms));
    }

    /** The standard detector on the development set under {@code projectRoot}. */
    public static Result evaluateDevSet(Path projectRoot) {
        return evaluate(PromptInjectionDetector.standard(), read(projectRoot.resolve(DEV_SET)));
    }

    /** The standard detector on the validation set under {@code projectRoot}. */
    public static Result evaluateValidationSet(Path projectRoot) {
        return evaluate(PromptInjectionDetector.standard(), read(projectRoot.resolve(VALIDATION_SET)));
    }

    /** The project root: the system property {@code modelspec4j.project.root}, else the working directory. */
    public static Path projectRoot() {
        String root = System.getProperty("modelspec4j.project.root");
        return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    }

    /**
     * Scans all texts of {@code examples}, repeated to about {@code megabytes} MB; returns MB per second of this
     * thread's CPU time (wall-clock time would mostly measure the other processes on a shared machine).
     */
    public static double throughput(PromptInjectionDetector detector, List<Example> examples, int megabytes) {
        StringBuilder chunk = new StringBuilder();
        for (Example example : examples) {
            chunk.append(example.text()).append('\n');
        }
        String text = chunk.toString();
        int rounds = Math.max(1, megabytes * 1_000_000 / Math.max(1, text.length()));
        long checksum = 0;
        for (int warmup = 0; warmup < Math.min(rounds, 200); warmup++) {
            checksum += detector.scan(text).size();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            checksum += detector.scan(text).size();
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (checksum < 0) {
            throw new IllegalStateException("unreachable");
        }
        return (double) rounds * text.length() / 1e6 / seconds;
    }

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : projectRoot();
        PromptInjectionDetector detector = PromptInjectionDetector.standard();
        Result dev = evaluate(detector, read(root.resolve(DEV_SET)));
        System.out.printf(Locale.ROOT, "development set %s (tuned on): recall %.3f, false-positive rate %.3f%n",
                DEV_SET, dev.recall(), dev.falsePositiveRate());
        System.out.println("prompt-injection detector on " + VALIDATION_SET);
        List<Example> examples = read(root.resolve(VALIDATION_SET));
        evaluate(detector, examples).print(System.out);
        System.out.printf(Locale.ROOT, "throughput: %.0f MB per CPU-second (one thread, all corpus texts repeated to"
                + " %d MB)%n", throughput(detector, examples, THROUGHPUT_MB), THROUGHPUT_MB);
        List<Example> benign = examples.stream().filter(e -> !e.injection()).toList();
        System.out.printf(Locale.ROOT, "throughput on the benign texts only: %.0f MB per CPU-second%n",
                throughput(detector, benign, THROUGHPUT_MB));
    }
}
