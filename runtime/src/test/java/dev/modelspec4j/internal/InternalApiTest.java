package dev.modelspec4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.enforce.SpecInfo;
import org.junit.jupiter.api.Test;

class InternalApiTest {

    private static final SpecInfo SPEC = new SpecInfo("acme", "1", "sha256:0", "acme.Assistant");

    @Test
    void lengthBoundsAreNamed() {
        OutputCheck check = Checks.length().maxWords(3).build();
        assertThat(check.check("one two three")).isEmpty();
        assertThat(check.check("one two three four")).hasSize(1);
        assertThat(Checks.length().minChars(5).build().check("abc")).hasSize(1);
        assertThat(Checks.length().maxChars(2).build().check("abc")).hasSize(1);
    }

    @Test
    void forbiddenPhraseSetsItsOwnLookAhead() {
        String phrase = "as an AI language model";
        OutputCheck check = Checks.forbid().phrase(phrase).build();
        assertThat(check.lookAhead()).isEqualTo(ForbidCheck.phraseLookAhead(phrase));
        assertThat(check.check("Well, As an  AI language model, I can't.")).hasSize(1);
        assertThat(check.check("Well, I can.")).isEmpty();
    }

    @Test
    void forbiddenPatternNeedsALookAheadOrTheWholeAnswer() {
        assertThat(Checks.forbid().pattern("x+").wholeAnswer().build().lookAhead())
                .isEqualTo(OutputCheck.WHOLE_ANSWER);
        assertThat(Checks.forbid().phrase("ab").pattern("x{1,9}").lookAhead(90).build().lookAhead()).isEqualTo(90);
        assertThat(Checks.forbid().pattern("secret").lookAhead(6).build().check("a secret").get(0).message())
                .contains("the pattern secret");
        assertThatThrownBy(() -> Checks.forbid().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Checks.forbid().lookAhead(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void methodPlanStepsReachThePlan() {
        MethodPlan plan = Plans.method("answer").maxAttempts(2).refusal("No.")
                .privacy(Plans.privacy("answer.pii", Level.ROOT).types(PiiType.EMAIL).input(PiiMode.MASK)
                        .output(PiiMode.REDACT).build())
                .userOverridableOutput("answer.length", Level.DEVELOPER, Action.REASK,
                        Checks.length().maxWords(3).build())
                .output("answer.forbid", Level.DEVELOPER, Action.BLOCK, Checks.forbid().phrase("x").build())
                .build();
        assertThat(plan.name()).isEqualTo("answer");
        assertThat(plan.maxAttempts()).isEqualTo(2);
        assertThat(plan.refusalText()).isEqualTo("No.");
        assertThat(plan.outputRules()).extracting(r -> r.id()).containsExactly("answer.length", "answer.forbid");
        assertThat(plan.rule("answer.length").userOverridable()).isTrue();
        assertThat(plan.privacy().input()).isEqualTo(PiiMode.MASK);
        assertThat(plan.privacy().output()).isEqualTo(PiiMode.REDACT);
        assertThat(plan.privacy().detector().types()).containsExactly(PiiType.EMAIL);
        assertThat(Plans.method("m").build().refusalText()).isEqualTo(MethodPlan.DEFAULT_REFUSAL);
    }

    @Test
    void runtimeVersionIsTheMavenVersion() {
        assertThat(RuntimeVersion.get()).isNotBlank().doesNotStartWith("${");
    }

    @Test
    void optionsOfTheSameReleaseAreAccepted() {
        EnforcerOptions options = EnforcerOptions.of(SPEC, RuntimeVersion.get()).chatMemory().streamingChatModel();
        assertThat(options.needsChatMemory()).isTrue();
        assertThat(options.needsStreamingChatModel()).isTrue();
        assertThat(options.needsChatModel()).isFalse();
        assertThat(options.needsModerationModel()).isFalse();
    }

    @Test
    void aClassGeneratedByAnotherReleaseIsRefusedNamingBothVersions() {
        assertThatThrownBy(() -> EnforcerOptions.of(SPEC, "0.0.1-old"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acme.Assistant")
                .hasMessageContaining("modelspec4j-processor 0.0.1-old")
                .hasMessageContaining("modelspec4j-runtime " + RuntimeVersion.get());
    }
}
