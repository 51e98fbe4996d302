package dev.modelspec4j.testing.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.secrets.SecretDetector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quality floors on the development corpora and on the validation splits ({@code data/pii-validation.jsonl},
 * {@code data/secrets-validation.jsonl}), which no rule was tuned on. Floors sit a little under the measured values
 * (docs/privacy.md) so that a regression fails the build while a data-set tweak of one row does not.
 */
class PrivacyDetectorFloorsTest {

    private static Map<PiiType, Score> pii;
    private static Map<PiiType, Score> validation;
    private static Map<String, Score> secrets;
    private static Map<String, Score> secretsValidation;

    @BeforeAll
    static void measure() {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", "."));
        Path piiFile = root.resolve("data/pii-dev.jsonl");
        Path secretsFile = root.resolve("data/secrets-dev.jsonl");
        assertThat(piiFile).exists();
        assertThat(secretsFile).exists();
        pii = PrivacyDetectorReport.measurePii(piiFile, null);
        Path validationFile = root.resolve("data/pii-validation.jsonl");
        assertThat(validationFile).exists();
        validation = PrivacyDetectorReport.measurePii(validationFile, null);
        secrets = PrivacyDetectorReport.measureSecrets(secretsFile, SecretDetector.defaults(), null);
        Path secretsValidationFile = root.resolve(PrivacyDetectorReport.SECRETS_VALIDATION);
        assertThat(secretsValidationFile).exists();
        secretsValidation =
                PrivacyDetectorReport.measureSecrets(secretsValidationFile, SecretDetector.defaults(), null);
    }

    @ParameterizedTest(name = "{0}: precision >= {1}, recall >= {2}")
    @CsvSource({
        // checksum-validated types: the floor the design asks for
        "CREDIT_CARD,   0.95, 0.95",
        "IBAN,          0.95, 0.95",
        "CRYPTO_WALLET, 0.95, 0.95",
        // structural types: measured 1.0 on the dev data; a few rows more or less must not fail the build
        "EMAIL,         0.95, 0.95",
        "IP_ADDRESS,    0.95, 0.95",
        "URL,           0.90, 0.90",
        // conservative by design: phones glued to a word, or short and without a word saying "telephone"
        "PHONE,         0.95, 0.90",
        // 3 of 7 expected SSN spans are Presidio's low-confidence forms (bare or half-grouped digits without
        // context) that we deliberately do not report; precision must stay perfect
        "US_SSN,        0.99, 0.55",
    })
    void piiFloors(PiiType type, double precision, double recall) {
        Score score = pii.get(type);
        assertThat(score.expected()).as("expected spans of %s", type).isPositive();
        assertThat(score.precision()).as("precision of %s", type).isGreaterThanOrEqualTo(precision);
        assertThat(score.recall()).as("recall of %s", type).isGreaterThanOrEqualTo(recall);
    }

    /**
     * The multinational validation split (never tuned on): recall of every checksum type and of e-mail at least
     * 0.95, of phones at least 0.85; precision at least 0.98.
     */
    @ParameterizedTest(name = "validation {0}: precision >= {1}, recall >= {2}")
    @CsvSource({
        "CREDIT_CARD, 0.98, 0.95",
        "IBAN,        0.98, 0.95",
        "US_SSN,      0.98, 0.95",
        "EMAIL,       0.98, 0.95",
        "PHONE,       0.98, 0.85",
    })
    void validationFloors(PiiType type, double precision, double recall) {
        Score score = validation.get(type);
        assertThat(score.expected()).as("expected spans of %s", type).isGreaterThanOrEqualTo(15);
        assertThat(score.precision()).as("precision of %s", type).isGreaterThanOrEqualTo(precision);
        assertThat(score.recall()).as("recall of %s", type).isGreaterThanOrEqualTo(recall);
    }

    @Test
    void validationNegativesStayClean() {
        // every pass row is scored for every type: the same rows, counted once per type
        int passRows = validation.get(PiiType.PHONE).passRows();
        int flagged = validation.values().stream().mapToInt(Score::flaggedPassRows).sum();
        assertThat(passRows).isGreaterThanOrEqualTo(100);
        assertThat((double) flagged / passRows).as("share of pass rows with a finding").isLessThanOrEqualTo(0.02);
    }

    @Test
    void piiPassRowsStayClean() {
        int flagged = pii.values().stream().mapToInt(Score::flaggedPassRows).sum();
        int passRows = pii.values().stream().mapToInt(Score::passRows).sum();
        assertThat(passRows).isGreaterThan(200);
        assertThat(flagged).as("pass rows with a finding").isLessThanOrEqualTo(2);
    }

    /**
     * Secrets, on the validation split (never tuned on): recall of the expected spans and the share of pass rows
     * with any finding (public material, placeholders, code and prose that must go through).
     */
    @Test
    void secretFloorsOnValidation() {
        Score all = secretsValidation.get("all");
        assertThat(all.expected()).isGreaterThan(100);
        assertThat(all.passRows()).isGreaterThan(90);
        assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat((double) all.flaggedPassRows() / all.passRows()).as("false-positive rows / pass rows")
                .isLessThanOrEqualTo(0.03);
        assertThat(all.precision()).as("span precision").isGreaterThanOrEqualTo(0.90);
    }

    /** The formats and contexts that earlier versions missed, on the validation split: every span found. */
    @ParameterizedTest
    @CsvSource({"ANTHROPIC_KEY", "NPM_TOKEN", "SLACK_TOKEN", "AWS_ACCESS_KEY", "PRIVATE_KEY", "JWT", "PASSWORD"})
    void everyNewFormatOfTheValidationDataIsFound(String subtype) {
        assertThat(secretsValidation.get("  " + subtype).recall()).as(subtype).isEqualTo(1.0);
    }

    /** The development split still holds: a regression there shows before the validation floor is reached. */
    @Test
    void secretsOnTheDevelopmentSplit() {
        Score all = secrets.get("all");
        assertThat(all.expected()).isGreaterThan(200);
        assertThat(all.recall()).isGreaterThanOrEqualTo(0.93);
        assertThat(all.flaggedPassRows()).isLessThanOrEqualTo(4);
    }

    // PASSWORD is not here: one written row passes a password glued to mysql's -p option, which no rule reads
    @ParameterizedTest
    @CsvSource({"AWS_ACCESS_KEY", "AWS_SECRET_KEY", "BASIC_AUTH_PASSWORD", "GENERIC_SECRET", "GITHUB_TOKEN", "JWT",
        "PRIVATE_KEY"})
    void everyFormattedOrKeywordSecretOfTheDataIsFound(String subtype) {
        assertThat(secrets.get("  " + subtype).recall()).as(subtype).isEqualTo(1.0);
    }

    @Test
    void reportPrintsEveryType() {
        String table = PrivacyDetectorReport.formatPii(pii);
        for (PiiType type : PiiType.values()) {
            assertThat(table).contains(type.name());
        }
        assertThat(PrivacyDetectorReport.formatSecrets(secrets)).contains("HIGH_ENTROPY_STRING");
    }
}
