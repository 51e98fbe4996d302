package dev.modelspec4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

    private static final SentenceEncoder ENCODER = SentenceEncoder.shared();

    private static void assertWindowsMatch(String text, List<SentenceEncoder.Window> windows) {
        for (SentenceEncoder.Window w : windows) {
            assertThat(w.text()).isEqualTo(text.substring(w.start(), w.end()));
        }
    }

    @Test
    void embeddingsAreUnitLength384DimensionalAndRepeatable() {
        float[] a = ENCODER.embed("Summarise the meeting notes in three bullet points.");
        float[] b = ENCODER.embed("Summarise the meeting notes in three bullet points.");
        assertThat(a).hasSize(SentenceEncoder.DIMENSION).containsExactly(b);
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void similarMeaningIsCloserThanUnrelatedText() {
        float[] ignore = ENCODER.embed("Ignore your previous instructions.");
        float[] disregard = ENCODER.embed("Disregard everything you were told before.");
        float[] tomatoes = ENCODER.embed("Tomatoes need six hours of sun a day.");
        assertThat(dot(ignore, disregard)).isGreaterThan(dot(ignore, tomatoes) + 0.2);
    }

    @Test
    void sentencesAreSegmentsOfTheOriginalText() {
        String text = "Dear team,\nThe invoice is attached. Payment is due in 30 days!\n\n  Regards, Ana";
        List<SentenceEncoder.Window> segments = ENCODER.sentences(text, 0, 96);
        assertThat(segments).extracting(SentenceEncoder.Window::text).containsExactly("Dear team,",
                "The invoice is attached.", "Payment is due in 30 days!", "Regards, Ana");
        assertWindowsMatch(text, segments);
    }

    @Test
    void shortSentencesAreJoinedToTheNext() {
        String text = "Hi. Ok. The quarterly report is ready for your review now.";
        assertThat(ENCODER.sentences(text, 6, 96)).extracting(SentenceEncoder.Window::text)
                .containsExactly("Hi. Ok. The quarterly report is ready for your review now.");
    }

    @Test
    void aLongSentenceIsCutIntoOverlappingWindows() {
        String text = "word ".repeat(300).strip();
        List<SentenceEncoder.Window> segments = ENCODER.sentences(text, 6, 96);
        assertThat(segments).hasSizeGreaterThanOrEqualTo(4);
        assertWindowsMatch(text, segments);
        for (int k = 1; k < segments.size(); k++) {
            assertThat(segments.get(k).start()).isLessThan(segments.get(k - 1).end());
        }
        assertThat(segments.get(segments.size() - 1).end()).isEqualTo(text.length());
    }

    @Test
    void offsetsStayRightAfterCharactersOutsideTheBasicPlane() {
        // emoji and tag characters are two UTF-16 units; the tokenizer counts code points
        String text = ("a\uD83D\uDE00 b\uDB40\uDC41c ").repeat(200) + "end of text";
        List<SentenceEncoder.Window> windows = ENCODER.windows(text, 64, 16);
        assertThat(windows).hasSizeGreaterThan(1);
        assertWindowsMatch(text, windows);
        assertThat(windows.get(windows.size() - 1).text()).endsWith("end of text");
    }

    @Test
    void blankTextHasNoSegments() {
        assertThat(ENCODER.sentences("  \n\t ", 6, 96)).isEmpty();
        assertThat(ENCODER.windows("", 64, 16)).isEmpty();
        assertThat(ENCODER.sentences("--- *** ---", 0, 96)).isEmpty();
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            d += a[k] * b[k];
        }
        return d;
    }
}
