package dev.modelspec4j.embeddings.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelspec4j.check.CheckContext;
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

    private record Row(String instructions, String output, boolean leak, boolean caught) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", "."));
        ObjectMapper json = new ObjectMapper();
        InstructionLeakCheck deterministic = InstructionLeakCheck.standard();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = json.readTree(line);
            String instructions = r.required("system_prompt").asText();
            String output = r.required("output").asText();
            boolean caught = !deterministic.check(output, new CheckContext(instructions, null, null)).isEmpty();
            rows.add(new Row(instructions, output, r.required("label").asText().equals("leak"), caught));
        }
        long leaks = rows.stream().filter(Row::leak).count();
        long benign = rows.size() - leaks;
        long caughtLeaks = rows.stream().filter(r -> r.leak() && r.caught()).count();
        long falseAlarms = rows.stream().filter(r -> !r.leak() && r.caught()).count();
        System.out.printf(Locale.ROOT, "%d rows (%d leaks); deterministic check alone: recall %.3f, false alarms %d/%d%n",
                rows.size(), leaks, (double) caughtLeaks / leaks, falseAlarms, benign);
        SentenceEncoder encoder = SentenceEncoder.shared();
        for (int minSentences = 1; minSentences <= 3; minSentences++) {
            for (double threshold = 0.50; threshold < 0.951; threshold += 0.05) {
                SemanticLeakJudge judge = new SemanticLeakJudge(encoder, threshold, minSentences);
                int added = 0;
                int addedFalse = 0;
                for (Row r : rows) {
                    if (!r.caught() && judge.judge(r.instructions(), r.output()).reveals()) {
                        if (r.leak()) {
                            added++;
                        } else {
                            addedFalse++;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "minSentences %d threshold %.2f: with the judge recall %.3f "
                        + "(+%d), false alarms %d/%d (+%d)%n", minSentences, threshold,
                        (double) (caughtLeaks + added) / leaks, added, falseAlarms + addedFalse, benign, addedFalse);
            }
        }
    }
}
