package dev.modelspec4j.check.secrets;

import dev.modelspec4j.check.text.DisjointRanges;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds credentials in a text: vendor tokens with a known format (AWS, GitHub, GitLab, Slack, Stripe, Anthropic,
 * OpenAI, Google, npm, Hugging Face, PyPI, SendGrid, Azure and other documented prefixes), JWTs, PEM private
 * keys, passwords in URLs, {@code curl -u} and {@code Authorization} headers, values assigned to secret-named keys
 * and random-looking strings (see {@link SecretKind}). Deterministic and offline.
 *
 * <p>Public material is not reported although it looks random: certificates and public keys, SSH and PGP public
 * keys, integrity hashes, data URIs, base64 of text, checksummed addresses, labelled identifiers, and placeholders
 * ({@code PublicMaterial}, {@code Placeholders}).
 *
 * <p>The text is normalised first ({@link TextNormalizer}), so zero-width characters inside a key do not hide
 * it; spans are UTF-16 offsets into the original text. Overlapping findings: the longer wins, then the more
 * specific kind (the order of {@link SecretKind}).
 *
 * <p>Documented examples such as AWS's {@code AKIAIOSFODNN7EXAMPLE} are reported like real keys: text cannot
 * tell them apart, and a false alarm on an example costs less than a leaked key.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SecretDetector {

    /** Default base64 entropy threshold in bits per character; tuned on {@code data/secrets-dev.jsonl}. */
    public static final double DEFAULT_BASE64_THRESHOLD = 4.3;
    /** Default hex entropy threshold in bits per character; tuned on {@code data/secrets-dev.jsonl}. */
    public static final double DEFAULT_HEX_THRESHOLD = 3.0;

    private static final Comparator<SecretSpan> PREFERENCE = Comparator
            .comparingInt(SecretSpan::length).reversed()
            .thenComparing(SecretSpan::kind)
            .thenComparingInt(SecretSpan::start);

    private final EntropyRule entropy;
    private final Assignments assignments;
    private final double base64Threshold;
    private final double hexThreshold;

    private SecretDetector(double base64Threshold, double hexThreshold) {
        this.base64Threshold = base64Threshold;
        this.hexThreshold = hexThreshold;
        this.entropy = new EntropyRule(base64Threshold, hexThreshold);
        this.assignments = new Assignments(entropy);
    }

    /** A detector with the default thresholds. */
    public static SecretDetector defaults() {
        return new SecretDetector(DEFAULT_BASE64_THRESHOLD, DEFAULT_HEX_THRESHOLD);
    }

    /** A detector with other entropy thresholds (bits per character), e.g. to measure their effect. */
    public static SecretDetector withEntropyThresholds(double base64Threshold, double hexThreshold) {
        return new SecretDetector(base64Threshold, hexThreshold);
    }

    /** The base64 entropy threshold in bits per character. */
    public double base64Threshold() {
        return base64Threshold;
    }

    /** The hex entropy threshold in bits per character. */
    public double hexThreshold() {
        return hexThreshold;
    }

    /** The secrets in {@code text}, ordered by position, without overlaps; offsets into {@code text}. */
    public List<SecretSpan> detect(String text) {
        NormalizedText normalized = TextNormalizer.normalize(text);
        String scanned = normalized.text();
        List<SecretSpan> found = new ArrayList<>();
        SecretScan.scan(scanned, assignments, entropy, found, null);
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(PREFERENCE);
        List<SecretSpan> kept = new ArrayList<>();
        DisjointRanges taken = new DisjointRanges();
        for (SecretSpan candidate : found) {
            if (taken.addIfFree(candidate.start(), candidate.end())) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(SecretSpan::start));
        if (normalized.isIdentity()) {
            return List.copyOf(kept);
        }
        return kept.stream()
                .map(s -> new SecretSpan(s.kind(), normalized.originalStart(s.start()), normalized.originalEnd(s.end())))
                .toList();
    }

    /** Whether {@code text} contains a secret. */
    public boolean containsSecret(String text) {
        return !detect(text).isEmpty();
    }
}
