package dev.modelspec4j.testing.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.leak.InstructionLeakCheck;
import dev.modelspec4j.check.leak.LeakJudge;
import dev.modelspec4j.testing.detectors.LeakDetectorReport.Example;
import dev.modelspec4j.testing.detectors.LeakDetectorReport.Result;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floors of the instruction-privacy check on the VALIDATION split of the leak corpus ({@code data/SOURCES.md}):
 * system prompts and answers that the detector was not tuned on (the development split has other prompts).
 * Figures in {@code docs/prompt-injection.md}.
 */
class LeakDetectorFloorsTest {

    /** Techniques that share no words with the instructions: a {@link LeakJudge} judges them, not the words. */
    private static final Set<String> SEMANTIC = Set.of("paraphrase", "translation");

    private static List<Example> validation;
    private static Result result;

    @BeforeAll
    static void measure() {
        validation = LeakDetectorReport.read(
                InjectionDetectorReport.projectRoot().resolve(LeakDetectorReport.VALIDATION_SET));
        result = LeakDetectorReport.evaluate(InstructionLeakCheck.standard(), validation);
    }

    @Test
    void theSplitIsLargeAndVaried() {
        List<Example> dev = LeakDetectorReport.read(
                InjectionDetectorReport.projectRoot().resolve(LeakDetectorReport.DEV_SET));
        assertThat(dev.size() + validation.size()).isGreaterThanOrEqualTo(200);
        assertThat(validation.stream().map(Example::systemPrompt).distinct().count()).isGreaterThanOrEqualTo(4);
        // one validation row moved to the development split after it was seen (data/SOURCES.md): its prompt is in
        // both; every other validation prompt is one the detector was never tuned on
        Set<String> devPrompts = Set.copyOf(dev.stream().map(Example::systemPrompt).toList());
        assertThat(validation.stream().map(Example::systemPrompt).filter(p -> !devPrompts.contains(p)).distinct()
                .count()).isGreaterThanOrEqualTo(3);
        assertThat(result.byTechnique().keySet()).contains("verbatim", "near_verbatim", "bullet_summary",
                "translation", "base64", "hex", "rot13", "leetspeak", "zero_width", "code_word");
    }

    @Test
    void noAnswerWithoutALeakIsStopped() {
        assertThat(result.goodAnswers()).isGreaterThanOrEqualTo(30);
        assertThat(result.stoppedGood()).isEmpty();
    }

    @Test
    void leaksThatShareWordsWithTheInstructionsAreCaught() {
        int leaks = 0;
        int caught = 0;
        for (LeakDetectorReport.TechniqueRecall t : result.byTechnique().values()) {
            if (!SEMANTIC.contains(t.technique())) {
                leaks += t.rows();
                caught += t.caught();
            }
        }
        assertThat(leaks).isGreaterThanOrEqualTo(60);
        assertThat((double) caught / leaks).isGreaterThanOrEqualTo(0.95);
        assertThat(result.recall()).as("all leaks, paraphrases and translations included").isGreaterThanOrEqualTo(0.90);
        for (String technique : List.of("verbatim", "base64", "hex", "rot13", "leetspeak", "zero_width",
                "confusables", "formatting")) {
            assertThat(result.byTechnique().get(technique).recall()).as(technique).isEqualTo(1.0);
        }
    }

    @Test
    void withAJudgeParaphrasesAndTranslationsCountToo() {
        // A judge that knows which answers restate the instructions in other words: what the embeddings module
        // decides by meaning. It shows the seam (the check asks the judge about what the words let pass), not a
        // semantic detector.
        Set<String> restated = Set.copyOf(validation.stream()
                .filter(e -> SEMANTIC.contains(e.technique())).map(Example::output).toList());
        LeakJudge oracle = (instructions, answer) -> restated.contains(answer)
                ? new LeakJudge.Judgement(true, "test oracle") : LeakJudge.Judgement.PASS;
        Result judged = LeakDetectorReport.evaluate(InstructionLeakCheck.standard(oracle), validation);
        assertThat(judged.recall()).isGreaterThan(result.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(judged.stoppedGood()).isEmpty();
    }
}
