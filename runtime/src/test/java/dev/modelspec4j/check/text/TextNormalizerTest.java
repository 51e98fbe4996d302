package dev.modelspec4j.check.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void asciiIsReturnedUnchanged() {
        NormalizedText n = TextNormalizer.normalize("plain text 123");
        assertThat(n.isIdentity()).isTrue();
        assertThat(n.text()).isEqualTo("plain text 123");
        assertThat(n.originalIndex(5)).isEqualTo(5);
    }

    @Test
    void removesZeroWidthAndBidiControlsAndMapsBack() {
        String input = "ig\u200Bnore\u202E all";
        NormalizedText n = TextNormalizer.normalize(input);
        assertThat(n.text()).isEqualTo("ignore all");
        int start = n.text().indexOf("all");
        assertThat(input.substring(n.originalStart(start), n.originalEnd(start + 3))).isEqualTo("all");
        assertThat(input.substring(n.originalStart(0), n.originalEnd(6))).isEqualTo("ig\u200Bnore");
    }

    @Test
    void foldsFullWidthDigitsAndSpaces() {
        String input = "\uFF14\uFF11\uFF11\uFF11\u00A01111";
        NormalizedText n = TextNormalizer.normalize(input);
        assertThat(n.text()).isEqualTo("4111 1111");
        assertThat(n.originalEnd(n.text().length())).isEqualTo(input.length());
    }

    @Test
    void expandingCompatibilityCharactersMapToTheirSource() {
        String input = "\uFB01le"; // "ﬁle" with the fi ligature
        NormalizedText n = TextNormalizer.normalize(input);
        assertThat(n.text()).isEqualTo("file");
        assertThat(n.originalIndex(1)).isEqualTo(0);
        assertThat(n.originalIndex(2)).isEqualTo(1);
    }

    @Test
    void removesTagCharactersOutsideTheBasicPlane() {
        String input = "a" + new String(Character.toChars(0xE0041)) + "b";
        assertThat(TextNormalizer.normalize(input).text()).isEqualTo("ab");
    }
}
