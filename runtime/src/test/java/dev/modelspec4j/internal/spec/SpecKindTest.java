package dev.modelspec4j.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpecKindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyKindIsFoundByItsDocumentNameAndNamesAreUnique() {
        for (SpecKind kind : SpecKind.values()) {
            assertThat(SpecKind.named(kind.documentName())).contains(kind);
        }
        assertThat(Arrays.stream(SpecKind.values()).map(SpecKind::documentName).distinct())
                .hasSize(SpecKind.values().length);
        assertThat(SpecKind.named("Topics")).isEmpty();
    }

    @Test
    void lengthRanksBoundsBothWays() {
        JsonNode before = json("{\"maxChars\":300,\"minChars\":10}");
        assertThat(SpecKind.LENGTH.weakenings(before, json("{\"maxChars\":200,\"minChars\":20}"))).isEmpty();
        assertThat(SpecKind.LENGTH.weakenings(before, json("{\"maxChars\":400}")))
                .containsExactly("maxChars 300 -> 400", "minChars 10 -> removed");
    }

    @Test
    void personalDataRanksTypesAndModes() {
        JsonNode before = json("{\"types\":[\"EMAIL\",\"IBAN\"],\"input\":\"MASK\",\"output\":\"REDACT\"}");
        assertThat(SpecKind.PII.weakenings(before,
                json("{\"types\":[\"EMAIL\",\"IBAN\",\"PHONE\"],\"input\":\"BLOCK\",\"output\":\"REDACT\"}")))
                .isEmpty();
        assertThat(SpecKind.PII.weakenings(before,
                json("{\"types\":[\"EMAIL\"],\"input\":\"ALLOW\",\"output\":\"MASK\"}")))
                .containsExactly("personal data type IBAN dropped", "input MASK -> ALLOW", "output REDACT -> MASK");
    }

    @Test
    void injectionScopesDroppedWeakenAndAddedDoNot() {
        JsonNode before = json("{\"scope\":[\"UNTRUSTED\"]}");
        assertThat(SpecKind.PROMPT_INJECTION.weakenings(before, json("{\"scope\":[\"UNTRUSTED\",\"USER\"]}")))
                .isEmpty();
        assertThat(SpecKind.PROMPT_INJECTION.weakenings(before, json("{\"scope\":[\"USER\"]}")))
                .containsExactly("scope UNTRUSTED no longer scanned");
    }

    @Test
    void aKindThatRanksNothingLeavesAChangeToAReviewer() {
        JsonNode before = json("{\"class\":\"com.acme.A\"}");
        assertThat(SpecKind.CHECK.weakenings(before, before)).isEmpty();
        assertThat(SpecKind.CHECK.weakenings(before, json("{\"class\":\"com.acme.B\"}")))
                .singleElement().asString().contains("review by hand");
        assertThat(SpecKind.unrankedWeakenings(before, json("{}"))).hasSize(1);
    }

    @Test
    void personalDataModesAreOrderedByProtection() {
        assertThat(Arrays.stream(dev.modelspec4j.annotation.PiiMode.values()).sorted(
                java.util.Comparator.comparingInt(SpecKind::piiStrength)).map(Enum::name))
                .containsExactly("ALLOW", "PSEUDONYMIZE", "MASK", "REDACT", "BLOCK");
    }
}
