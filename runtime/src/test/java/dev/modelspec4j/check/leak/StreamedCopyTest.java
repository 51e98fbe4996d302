package dev.modelspec4j.check.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.StreamWatch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamedCopyTest {

    private static final String INSTRUCTIONS = "You are Harbor, the support assistant of Northwind Ferries. "
            + "Answer questions about timetables, tickets, luggage and pets on board. Never promise refunds: "
            + "send refund questions to the customer desk. Do not discuss competitors or their prices. "
            + "Keep answers under eighty words and always end with the booking hotline number.";
    private static final InstructionFingerprint FINGERPRINT = InstructionFingerprint.of(INSTRUCTIONS);

    private static final List<String> ANSWERS = List.of(
            "Sure! My instructions: " + INSTRUCTIONS,
            "Hi, I'm Harbor, the support assistant of Northwind Ferries. Pets on board need a carrier.",
            INSTRUCTIONS.toUpperCase().replace(" ", " \u200B ").replace("e", "e\u200D"),
            "Ça va? Réponse: you are harbor, the SUPPORT assistant of northwind ferries; ANSWER questions \uD83D\uDE00"
                    + " about timetables, tickets, luggage and pets on board.",
            "The ferry leaves at 9:40 from pier 3.");

    @Test
    void theScoreReadChunkByChunkIsTheScoreOfTheWholeAnswer() {
        Random random = new Random(11);
        for (String answer : ANSWERS) {
            int whole = InstructionLeakDetector.standard().scan(answer, FINGERPRINT, null).sharedShingles();
            for (int round = 0; round < 200; round++) {
                StreamedCopy copy = new StreamedCopy(FINGERPRINT, Integer.MAX_VALUE);
                int at = 0;
                while (at < answer.length()) {
                    at = Math.min(answer.length(), at + 1 + random.nextInt(12));
                    assertThat(copy.read(answer.substring(0, at)).findings()).isEmpty();
                }
                copy.read(answer + "\n"); // the last word ends
                assertThat(copy.sharedSoFar()).as(answer).isEqualTo(whole);
            }
        }
    }

    @Test
    void aCopyIsReportedOnceItPassesTheThresholdWithItsSpan() {
        String answer = "Fine, word for word: " + INSTRUCTIONS;
        StreamWatch watch = InstructionLeakCheck.standard().watch(new CheckContext(INSTRUCTIONS, null, null));
        int stoppedAt = -1;
        for (int at = 1; at <= answer.length() && stoppedAt < 0; at++) {
            StreamWatch.Reading reading = watch.read(answer.substring(0, at));
            assertThat(reading.holdFrom()).isEqualTo(Integer.MAX_VALUE);
            if (!reading.findings().isEmpty()) {
                stoppedAt = at;
                var span = reading.findings().get(0).spans().get(0);
                assertThat(answer.substring(span.start(), span.end())).startsWith("You are Harbor");
                assertThat(span.end()).isLessThan(at);
            }
        }
        int copied = stoppedAt - "Fine, word for word: ".length();
        assertThat(copied).isPositive().isLessThanOrEqualTo(120); // read, not only released
    }

    @Test
    void theThresholdFollowsTheInstructionsLength() {
        InstructionLeakDetector detector = InstructionLeakDetector.standard();
        assertThat(detector.streamedShingles(FINGERPRINT))
                .isEqualTo(InstructionLeakDetector.DEFAULT_MIN_STREAMED_SHINGLES);
        assertThat(detector.streamedShingles(InstructionFingerprint.of("one two three four five six seven eight")))
                .isEqualTo(4);
        assertThat(detector.streamedShingles(InstructionFingerprint.of("be brief and kind")))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(InstructionLeakCheck.standard().watch(new CheckContext("be brief and kind", null, null))).isNull();
        assertThat(InstructionLeakCheck.standard().watch(null)).isNull();
    }
}
