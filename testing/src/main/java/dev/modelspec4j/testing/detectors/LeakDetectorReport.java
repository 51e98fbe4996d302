package dev.modelspec4j.testing.detectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.leak.Canary;
import dev.modelspec4j.check.leak.ConfidentialMarkers;
import dev.modelspec4j.check.leak.InstructionLeakCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall and false positives of the instruction-privacy check ({@code @KeepInstructionsPrivate}) on a leak corpus
 * ({@code data/leak-*.jsonl}): each row's system prompt is given to the check as a call would give it (markers
 * {@code [[confidential: ...]]} removed and their values confidential, a fresh canary planted), and the row's
 * output is checked. Run {@link #main} for the figures of {@code docs/prompt-injection.md}.
 */
public final class LeakDetectorReport {

    /** Development split: read it, tune on it. */
    public static final String DEV_SET = "data/leak-dev.jsonl";
    /** Validation split: floors and reported figures only. */
    public static final String VALIDATION_SET = "data/leak-validation.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of a leak corpus. */
    public record Example(String id, String systemPrompt, String output, boolean leak, String technique) {
    }

    /** Leaks of one technique, and how many were caught. */
    public record TechniqueRecall(String technique, int rows, int caught) {
        public double recall() {
            return rows == 0 ? 0 : (double) caught / rows;
        }
    }

    /**
     * What the check did on a corpus.
     *
     * @param missed       ids of the leaks that passed
     * @param stoppedGood  ids of the answers without a leak that were stopped
     */
    public record Result(int leaks, int caught, int goodAnswers, int stopped, Map<String, TechniqueRecall> byTechnique,
                         List<String> missed, List<String> stoppedGood) {

        public double recall() {
            return leaks == 0 ? 0 : (double) caught / leaks;
        }

        public double falsePositiveRate() {
            return goodAnswers == 0 ? 0 : (double) stopped / goodAnswers;
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "leaks %d, caught %d (recall %.3f); answers without a leak %d, stopped %d%n",
                    leaks, caught, recall(), goodAnswers, stopped);
            out.println("| technique | leaks | caught | recall |");
            out.println("| --- | ---: | ---: | ---: |");
            for (TechniqueRecall t : byTechnique.values()) {
                out.printf(Locale.ROOT, "| %s | %d | %d | %.2f |%n", t.technique(), t.rows(), t.caught(), t.recall());
            }
            out.println("missed: " + missed);
            out.println("stopped without a leak: " + stoppedGood);
        }
    }

    private LeakDetectorReport() {
    }

    public static List<Example> read(Path jsonl) {
        List<Example> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String label = node.path("label").asText();
                if (!label.equals("leak") && !label.equals("no_leak")) {
                    throw new IllegalArgumentException(node.path("id").asText() + ": label must be leak or no_leak");
                }
                rows.add(new Example(node.path("id").asText(), node.path("system_prompt").asText(),
                        node.path("output").asText(), label.equals("leak"), node.path("technique").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl, e);
        }
        return rows;
    }

    /** Runs {@code check} on every example, as a call would run it. */
    public static Result evaluate(InstructionLeakCheck check, List<Example> examples) {
        int leaks = 0;
        int caught = 0;
        int good = 0;
        int stopped = 0;
        Map<String, int[]> techniques = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> stoppedGood = new ArrayList<>();
        for (Example e : examples) {
            ConfidentialMarkers.Marked marked = ConfidentialMarkers.strip(e.systemPrompt());
            CheckContext context = new CheckContext(marked.text(), Canary.newToken(), null, marked.values());
            boolean found = !check.check(e.output(), context).isEmpty();
            if (e.leak()) {
                leaks++;
                int[] t = techniques.computeIfAbsent(e.technique().isEmpty() ? "(none)" : e.technique(),
                        k -> new int[2]);
                t[0]++;
                if (found) {
                    caught++;
                    t[1]++;
                } else {
                    missed.add(e.id());
                }
            } else {
                good++;
                if (found) {
                    stopped++;
                    stoppedGood.add(e.id());
                }
            }
        }
        Map<String, TechniqueRecall> byTechnique = new TreeMap<>();
        techniques.forEach((k, v) -> byTechnique.put(k, new TechniqueRecall(k, v[0], v[1])));
        return new Result(leaks, caught, good, stopped, byTechnique, missed, stoppedGood);
    }

    public static Result evaluate(Path projectRoot, String set) {
        return evaluate(InstructionLeakCheck.standard(), read(projectRoot.resolve(set)));
    }

    /** Prints the figures of both splits: {@code main [project root]}. */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : InjectionDetectorReport.projectRoot().toString());
        for (String set : List.of(DEV_SET, VALIDATION_SET)) {
            System.out.println("## " + set);
            evaluate(root, set).print(System.out);
        }
    }
}
