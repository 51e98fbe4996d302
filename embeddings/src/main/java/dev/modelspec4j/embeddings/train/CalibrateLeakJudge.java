package dev.modelspec4j.embeddings.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.leak.ConfidentialMarkers;
import dev.modelspec4j.check.leak.InstructionLeakCheck;
import dev.modelspec4j.embeddings.SemanticLeakJudge;
import dev.modelspec4j.embeddings.SentenceEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link SemanticLeakJudge} settings on a prompt-leak corpus ({@code {"system_prompt", "output", "label":
 * "leak"|"no_leak"}}): for each threshold and number of restated sentences, the leaks it adds to the deterministic
 * {@code InstructionLeakCheck} and the false alarms it adds on {@code no_leak} rows. Run it on the development split
 * to choose, and once on the validation split to report:
 *
 * <pre>
 * mvn -B -q -pl embeddings -am compile exec:java@leak-calibration -Dexec.skip=true \
 *     -Dexec.mainClass=dev.modelspec4j.embeddings.train.CalibrateLeakJudge -Dexec.args="data/leak-dev.jsonl"
 * </pre>
 */
public final class CalibrateLeakJudge {

    private CalibrateLeakJudge() {
    }

    /** One corpus row, with whether the deterministic check already reports it. */
    public record Row(String instructions, String output, boolean leak, boolean caught) {
    }

    /** Counts on a corpus: leaks and false alarms of the deterministic check, and those the judge adds. */
    public record Measurement(int leaks, int benign, int caughtLeaks, int falseAlarms, int addedLeaks,
                              int addedFalseAlarms) {

        public double recallAlone() {
            return (double) caughtLeaks / leaks;
        }

        public double recallWithJudge() {
            return (double) (caughtLeaks + addedLeaks) / leaks;
        }
    }

    /** Reads a prompt-leak corpus and runs the standard deterministic check on each row. */
    public static List<Row> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        InstructionLeakCheck deterministic = InstructionLeakCheck.standard();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = json.readTree(line);
            // As a call sends them: markers stripped from the instructions, the marked values confidential.
            ConfidentialMarkers.Marked marked = ConfidentialMarkers.strip(r.required("system_prompt").asText());
            String instructions = marked.text();
            String output = r.required("output").asText();
            boolean caught = !deterministic.check(output, new CheckContext(instructions, null, null, marked.values()))
                    .isEmpty();
            rows.add(new Row(instructions, output, r.required("label").asText().equals("leak"), caught));
        }
        return rows;
    }

    /** What the judge adds where the deterministic check finds nothing, as {@code InstructionLeakCheck} asks it. */
    public static Measurement measure(List<Row> rows, SemanticLeakJudge judge) {
        int leaks = 0;
        int caughtLeaks = 0;
        int falseAlarms = 0;
        int added = 0;
        int addedFalse = 0;
        for (Row r : rows) {
            leaks += r.leak() ? 1 : 0;
            if (r.caught()) {
                caughtLeaks += r.leak() ? 1 : 0;
                falseAlarms += r.leak() ? 0 : 1;
            } else if (judge.judge(r.instructions(), r.output()).reveals()) {
                added += r.leak() ? 1 : 0;
                addedFalse += r.leak() ? 0 : 1;
            }
        }
        return new Measurement(leaks, rows.size() - leaks, caughtLeaks, falseAlarms, added, addedFalse);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", "."));
        List<Row> rows = read(root.resolve(args[0]));
        SentenceEncoder encoder = SentenceEncoder.shared();
        long leaks = rows.stream().filter(Row::leak).count();
        long caught = rows.stream().filter(r -> r.leak() && r.caught()).count();
        long falseAlarms = rows.stream().filter(r -> !r.leak() && r.caught()).count();
        System.out.printf(Locale.ROOT, "%d rows (%d leaks); deterministic check alone: recall %.3f, false alarms %d/%d%n",
                rows.size(), leaks, (double) caught / leaks, falseAlarms, rows.size() - leaks);
        for (int minSentences = 1; minSentences <= 3; minSentences++) {
            for (double threshold = 0.50; threshold < 0.951; threshold += 0.05) {
                Measurement m = measure(rows, new SemanticLeakJudge(encoder, threshold, minSentences));
                System.out.printf(Locale.ROOT, "minSentences %d threshold %.2f: with the judge recall %.3f "
                        + "(+%d), false alarms %d/%d (+%d)%n", minSentences, threshold, m.recallWithJudge(),
                        m.addedLeaks(), m.falseAlarms() + m.addedFalseAlarms(), m.benign(), m.addedFalseAlarms());
            }
        }
    }
}
