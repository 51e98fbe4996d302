package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.OutputCheck;
import org.junit.jupiter.api.Test;

class HoldBackTest {

    @Test
    void holdsBackTheWindowInNormalisedCharacters() {
        assertThat(HoldBack.releasable("abcdefghij", 4)).isEqualTo(6);
        assertThat(HoldBack.releasable("abc", 4)).isZero();
        assertThat(HoldBack.releasable("abcdefghij", 0)).isEqualTo(10);
        assertThat(HoldBack.releasable("abcdefghij", OutputCheck.WHOLE_ANSWER)).isZero();
        // Zero-width characters do not count: the window still covers four visible characters (g to j), and
        // the invisible character before g is released with f.
        assertThat(HoldBack.releasable("abcdef\u200Bg\u200Bh\u200Bi\u200Bj", 4)).isEqualTo(7);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDE00cd";
        assertThat(HoldBack.releasable(text, 2)).isEqualTo(4);
        assertThat(HoldBack.releasable(text, 3)).isEqualTo(2);
        assertThat(HoldBack.releasable("ab\uD83D", 0)).isEqualTo(2);
    }

    @Test
    void aHeldMatchIsReadWithTheLookAheadBeforeIt() {
        var plain = dev.modelspec4j.check.text.TextNormalizer.normalize("0123456789abcdefghij");
        assertThat(HoldBack.contextStart(plain, 15, 4)).isEqualTo(10);
        assertThat(HoldBack.contextStart(plain, 3, 4)).isZero();
        assertThat(HoldBack.contextStart(plain, Integer.MAX_VALUE, 4)).isEqualTo(Integer.MAX_VALUE);
        // Zero-width characters do not count towards the look-ahead before the held match.
        var invisible = dev.modelspec4j.check.text.TextNormalizer.normalize("0123456\u200B\u200B789abcdefghij");
        assertThat(HoldBack.contextStart(invisible, 12, 4)).isEqualTo(5);
    }
}
