package dev.modelspec4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelspec4j.embeddings.train.CalibrateLeakJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default {@link SemanticLeakJudge} on the validation split of the prompt-leak corpus, which its settings were
 * not chosen on (measured: recall 0.901 with and without the judge, no false alarm). Runs where the
 * corpus is present.
 */
class SemanticLeakJudgeFloorsTest {

    @Test
    void floorsOnTheLeakValidationSplit() throws IOException {
        Path file = Path.of(System.getProperty("modelspec4j.project.root", "..")).resolve("data/leak-validation.jsonl");
        assumeTrue(Files.exists(file), "data/leak-validation.jsonl is not in this checkout");
        CalibrateLeakJudge.Measurement m = CalibrateLeakJudge.measure(CalibrateLeakJudge.read(file),
                new SemanticLeakJudge());
        System.out.printf("leak validation: %d leaks, %d benign; deterministic %d caught, %d false alarms; judge adds %d"
                + " caught, %d false alarms%n", m.leaks(), m.benign(), m.caughtLeaks(), m.falseAlarms(), m.addedLeaks(),
                m.addedFalseAlarms());
        assertThat(m.addedFalseAlarms()).isLessThanOrEqualTo(1);
        assertThat(m.recallWithJudge()).isGreaterThanOrEqualTo(0.88);
    }
}
