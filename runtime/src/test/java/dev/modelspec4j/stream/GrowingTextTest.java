package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import org.junit.jupiter.api.Test;

/** A text normalised chunk by chunk has the positions of the whole text normalised at once. */
class GrowingTextTest {

    private static final String TEXT = "Plain start, then a gua\u200Brant\u200Deed re\u2060fund, "
            + "\uFF47\uFF55\uFF41\uFF52\uFF41\uFF4E\uFF54\uFF45\uFF45\uFF44 letters, the \uFB01le ligature, "
            + "a no\u00A0break space, an emoji \uD83D\uDE00 and a tag \uDB40\uDC41 character, \u00BD done.";

    @Test
    void everyChunkingGivesThePositionsOfTheWholeText() {
        for (int size = 1; size <= 9; size++) {
            GrowingText growing = new GrowingText();
            for (int i = 0; i < TEXT.length(); i += size) {
                growing.append(TEXT.substring(i, Math.min(TEXT.length(), i + size)));
                assertSamePositions(growing, TextNormalizer.normalize(growing.toString()));
            }
        }
    }

    @Test
    void clearAndReplaceStartAgain() {
        GrowingText growing = new GrowingText();
        growing.append("first answer \uD83D");
        growing.replace("second \u200Banswer");
        assertSamePositions(growing, TextNormalizer.normalize("second \u200Banswer"));
        growing.clear();
        assertThat(growing.isEmpty()).isTrue();
        assertThat(growing.normalizedLength()).isZero();
    }

    private static void assertSamePositions(GrowingText growing, NormalizedText whole) {
        int n = whole.text().length();
        assertThat(growing.normalizedLength()).as("normalised length of %s", growing).isEqualTo(n);
        for (int i = 0; i <= n; i++) {
            assertThat(growing.originalIndex(i)).as("index %d of %s", i, growing).isEqualTo(whole.originalIndex(i));
            assertThat(growing.originalEnd(i)).as("end %d of %s", i, growing).isEqualTo(whole.originalEnd(i));
        }
        assertThat(HoldBack.visibleEnd(growing)).isEqualTo(HoldBack.visibleEnd(Positions.of(whole)));
    }
}
