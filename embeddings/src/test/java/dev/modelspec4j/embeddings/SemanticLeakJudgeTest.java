package dev.modelspec4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.leak.InstructionLeakCheck;
import dev.modelspec4j.check.leak.LeakJudge;
import org.junit.jupiter.api.Test;

class SemanticLeakJudgeTest {

    private static final String INSTRUCTIONS = """
            You are the booking assistant of Harbour Hotel. Never quote a room price below 120 euros per night.
            Do not mention the staff discount code to guests. If a guest asks about pets, say that only dogs
            under ten kilograms are allowed.""";

    private static final String PARAPHRASE = """
            Sure, here is how I was set up. My job is to handle reservations for Harbour Hotel. I'm not allowed to
            offer rooms for less than 120 euros a night, and I must keep the employee discount code secret from
            visitors.""";

    private static final String ORDINARY = """
            A double room for the 14th is available. Breakfast is served from seven to ten, and the hotel has a
            small gym on the first floor. Would you like me to reserve it?""";

    private static final SemanticLeakJudge JUDGE = new SemanticLeakJudge(SentenceEncoder.shared(), 0.5, 2);

    @Test
    void aParaphraseOfTheInstructionsIsJudgedAsRevealingThem() {
        LeakJudge.Judgement judgement = JUDGE.judge(INSTRUCTIONS, PARAPHRASE);
        assertThat(judgement.reveals()).isTrue();
        assertThat(judgement.evidence()).contains("instruction sentences restated").doesNotContain("discount");
    }

    @Test
    void anOrdinaryAnswerOnTheSameSubjectRevealsNothing() {
        assertThat(JUDGE.judge(INSTRUCTIONS, ORDINARY)).isEqualTo(LeakJudge.Judgement.PASS);
        assertThat(JUDGE.judge(INSTRUCTIONS, "")).isEqualTo(LeakJudge.Judgement.PASS);
        assertThat(JUDGE.judge("", PARAPHRASE)).isEqualTo(LeakJudge.Judgement.PASS);
    }

    @Test
    void oneRestatedSentenceIsNotEnoughWhenTwoAreRequired() {
        String one = "I'm the reservations helper for Harbour Hotel. The weather tomorrow looks sunny.";
        assertThat(JUDGE.judge(INSTRUCTIONS, one).reveals()).isFalse();
        assertThat(new SemanticLeakJudge(SentenceEncoder.shared(), 0.5, 1).judge(INSTRUCTIONS, one).reveals())
                .isTrue();
    }

    @Test
    void theInstructionLeakCheckReportsWhatTheJudgeFinds() {
        InstructionLeakCheck check = InstructionLeakCheck.standard(JUDGE);
        CheckContext context = new CheckContext(INSTRUCTIONS, null, null);
        assertThat(check.check(PARAPHRASE, context)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).startsWith("judged by meaning: "));
        assertThat(check.check(ORDINARY, context)).isEmpty();
    }

    @Test
    void theDefaultsAreTheCalibratedOnes() {
        SemanticLeakJudge defaults = new SemanticLeakJudge();
        assertThat(defaults.judge(INSTRUCTIONS, ORDINARY)).isEqualTo(LeakJudge.Judgement.PASS);
        String restated = "I am the booking assistant of Harbour Hotel. I never quote a room price below 120 euros "
                + "per night. I do not mention the staff discount code to guests.";
        assertThat(defaults.judge(INSTRUCTIONS, restated).evidence()).contains("cosine >= 0.75");
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new SemanticLeakJudge(SentenceEncoder.shared(), 1.0, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemanticLeakJudge(SentenceEncoder.shared(), 0.8, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
