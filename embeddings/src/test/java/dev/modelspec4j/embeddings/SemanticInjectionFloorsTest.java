package dev.modelspec4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.injection.PromptInjectionDetector;
import dev.modelspec4j.embeddings.train.LabelledText;
import dev.modelspec4j.embeddings.train.SemanticInjectionReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floors on the validation split, which neither the classifier's weights nor its threshold have seen. The figures
 * are in docs/prompt-injection.md ("Semantic layer"); a floor sits just under the measured figure so that a
 * regression fails the build.
 */
class SemanticInjectionFloorsTest {

    // measured (773 rows): both layers recall 0.858, false-positive rate 0.015; the semantic layer alone 0.089 and
    // 0.012; it adds 0.016 recall to the deterministic detector's 0.842. The target (recall >= 0.90 at a
    // false-positive rate <= 0.02 with the semantic layer) is not met: these floors guard what there is.
    private static final double COMBINED_RECALL_FLOOR = 0.85;
    private static final double FPR_CEILING = 0.02;
    private static final double SEMANTIC_FPR_CEILING = 0.015;
    private static final double ADDED_RECALL_FLOOR = 0.01;

    @Test
    void floorsOnTheValidationSplit() throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", ".."));
        List<LabelledText> rows = LabelledText.read(root.resolve(SemanticInjectionReport.VALIDATION_SET));
        SemanticInjectionReport.Result result = SemanticInjectionReport.evaluate(PromptInjectionDetector.standard(),
                new SemanticInjectionDetector(SentenceEncoder.shared(), InjectionClassifier.bundled()), rows);
        result.print(System.out);

        assertThat(rows).hasSizeGreaterThan(500);
        assertThat(result.combined().falsePositiveRate()).isLessThanOrEqualTo(FPR_CEILING);
        assertThat(result.semantic().falsePositiveRate()).isLessThanOrEqualTo(SEMANTIC_FPR_CEILING);
        assertThat(result.combined().recall()).isGreaterThanOrEqualTo(COMBINED_RECALL_FLOOR);
        assertThat(result.combined().recall() - result.lexical().recall()).isGreaterThanOrEqualTo(ADDED_RECALL_FLOOR);
    }
}
