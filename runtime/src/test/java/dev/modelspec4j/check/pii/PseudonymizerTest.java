package dev.modelspec4j.check.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final String INPUT = "Mail jane@example.com or bob@example.org, then jane@example.com again; "
            + "card 4111 1111 1111 1111.";

    private final Pseudonymizer pseudonymizer = new Pseudonymizer(PiiDetector.all());

    @Test
    void maskNamesTheType() {
        PiiResult result = pseudonymizer.apply(INPUT, PiiMode.MASK);
        assertThat(result.text()).isEqualTo("Mail [EMAIL] or [EMAIL], then [EMAIL] again; card [CREDIT_CARD].");
        assertThat(result.spans()).hasSize(4);
        assertThat(result.blocked()).isFalse();
    }

    @Test
    void redactRemovesTheValues() {
        assertThat(pseudonymizer.apply("call +49 30 1234567 now", PiiMode.REDACT).text()).isEqualTo("call  now");
    }

    @Test
    void pseudonymsAreConsistentWithinTheInstance() {
        PiiResult first = pseudonymizer.apply(INPUT, PiiMode.PSEUDONYMIZE);
        assertThat(first.text()).isEqualTo(
                "Mail [EMAIL_1] or [EMAIL_2], then [EMAIL_1] again; card [CREDIT_CARD_1].");
        PiiResult second = pseudonymizer.apply("JANE@EXAMPLE.COM and card 4111-1111-1111-1111", PiiMode.PSEUDONYMIZE);
        assertThat(second.text()).isEqualTo("[EMAIL_1] and card [CREDIT_CARD_1]");
        assertThat(new Pseudonymizer(PiiDetector.all()).apply("bob@example.org", PiiMode.PSEUDONYMIZE).text())
                .as("a fresh instance starts its own numbering").isEqualTo("[EMAIL_1]");
    }

    @Test
    void restorePutsOriginalsBackAndMasksPiiNeverSent() {
        pseudonymizer.apply(INPUT, PiiMode.PSEUDONYMIZE);
        String answer = "I wrote to [EMAIL_2] and [EMAIL_1]; also try admin@evil.example.com or [PHONE_7].";
        assertThat(pseudonymizer.restore(answer)).isEqualTo(
                "I wrote to bob@example.org and jane@example.com; also try [EMAIL] or [PHONE_7].");
    }

    @Test
    void restoreKeepsValuesTheUserSentVerbatim() {
        pseudonymizer.apply("my card is 4111 1111 1111 1111", PiiMode.PSEUDONYMIZE);
        assertThat(pseudonymizer.restore("Card 4111111111111111 noted.")).isEqualTo("Card 4111111111111111 noted.");
    }

    @Test
    void blockReportsWithoutChangingTheText() {
        PiiResult result = pseudonymizer.apply("ssn 536-22-1234", PiiMode.BLOCK);
        assertThat(result.blocked()).isTrue();
        assertThat(result.text()).isEqualTo("ssn 536-22-1234");
        assertThat(result.spans()).extracting(PiiSpan::type).containsExactly(PiiType.US_SSN);
    }

    @Test
    void allowDoesNotScan() {
        PiiResult result = pseudonymizer.apply(INPUT, PiiMode.ALLOW);
        assertThat(result.text()).isEqualTo(INPUT);
        assertThat(result.found()).isFalse();
    }

    @Test
    void evidenceShowsPlaceholdersNeverValues() {
        for (PiiMode mode : PiiMode.values()) {
            PiiResult result = new Pseudonymizer(PiiDetector.all()).apply(INPUT, mode);
            String evidence = String.join(" ", result.evidence()) + result.spans();
            assertThat(evidence).doesNotContain("jane", "example", "4111");
        }
        PiiResult pseudonymized = pseudonymizer.apply(INPUT, PiiMode.PSEUDONYMIZE);
        assertThat(pseudonymized.evidence()).containsExactly("[EMAIL_1]", "[EMAIL_2]", "[EMAIL_1]", "[CREDIT_CARD_1]");
        assertThat(pseudonymizer.issuedPlaceholders()).containsExactly("[CREDIT_CARD_1]", "[EMAIL_1]", "[EMAIL_2]");
    }

    @Test
    void restorationsAreTheEditsOfRestoreInOrder() {
        pseudonymizer.apply(INPUT, PiiMode.PSEUDONYMIZE);
        String answer = "Write to [EMAIL_2], not sales@acme-corp.net; see https://acme-corp.net/t/[EMAIL_1]"
                + " and [EMAIL_9].";
        assertThat(pseudonymizer.restorations(answer)).containsExactly(
                new PiiEdit(9, 18, "bob@example.org"),
                new PiiEdit(24, 43, "[EMAIL]"),
                new PiiEdit(49, 82, "[URL]"));
        // The placeholder inside a URL the user never gave goes with the URL; an unknown one stays as it is.
        assertThat(pseudonymizer.restore(answer))
                .isEqualTo("Write to bob@example.org, not [EMAIL]; see [URL] and [EMAIL_9].");
        assertThat(pseudonymizer.longestPlaceholder()).isEqualTo("[CREDIT_CARD_1]".length());
    }
}
