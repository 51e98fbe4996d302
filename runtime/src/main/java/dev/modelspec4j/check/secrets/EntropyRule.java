package dev.modelspec4j.check.secrets;

import java.util.List;

/**
 * The generic detector for random-looking strings, by Shannon entropy (bits per character) over the string's own
 * characters. Two thresholds, because hex strings draw on 16 symbols and base64 strings on 64:
 * <ul>
 *   <li>in an assignment ({@code key = value}), a value of at least {@value #MIN_LENGTH} characters without
 *       spaces is reported when it is all hex and its entropy reaches the hex threshold, or when it is in the
 *       base64 alphabet and reaches the base64 threshold;</li>
 *   <li>in free text, only base64-alphabet tokens of at least {@value #MIN_FREE_LENGTH} characters that mix
 *       digits, lower and upper case letters and reach the base64 threshold; hex-only strings in free text are
 *       digests (git commits, checksums) far more often than keys and are left alone, as are UUIDs.</li>
 * </ul>
 * The defaults are tuned on {@code data/secrets-dev.jsonl}; see {@code docs/privacy.md}.
 */
final class EntropyRule {

    static final int MIN_LENGTH = 16;
    static final int MIN_FREE_LENGTH = 20;

    private final double base64Threshold;
    private final double hexThreshold;

    EntropyRule(double base64Threshold, double hexThreshold) {
        this.base64Threshold = base64Threshold;
        this.hexThreshold = hexThreshold;
    }

    /**
     * Whether the assigned value {@code text[start, end)} looks random. Hex digits in one case, as long as a SHA-1,
     * SHA-256 or SHA-512 digest, are taken for one: a key named like a secret still has its value reported by the
     * keyword rule.
     */
    boolean randomInAssignment(String text, int start, int end) {
        if (end - start < MIN_LENGTH || Entropy.isUuid(text, start, end)) {
            return false;
        }
        boolean hex = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Entropy.isBase64(c)) {
                return false;
            }
            hex &= Entropy.isHex(c);
        }
        if (hex && isDigestLength(end - start) && oneCase(text, start, end)) {
            return false; // a SHA-1, SHA-256 or SHA-512 digest: git commits, lock-file checksums
        }
        double bits = Entropy.shannon(text, start, end);
        boolean random = hex ? !allDigits(text, start, end) && bits >= hexThreshold : bits >= base64Threshold;
        return random && !PublicMaterial.isPublicValue(text, start, end);
    }

    /**
     * {@link #randomInAssignment} of a value longer than a UUID, all in the base64 alphabet, from its character
     * {@code counts}: {@code hex} when all its characters are hex digits, {@code digits} when all are digits.
     */
    boolean randomByCounts(int[] counts, int length, boolean hex, boolean digits) {
        if (hex && isDigestLength(length) && oneCaseCounts(counts)) {
            return false;
        }
        double bits = Entropy.shannon(counts, length);
        return hex ? !digits && bits >= hexThreshold : bits >= base64Threshold;
    }

    /**
     * Whether a maximal run of base64-alphabet characters, {@code length} long, whose {@link Entropy#classOf class
     * bits} OR to {@code any} and AND to {@code all}, is worth measuring in free text: long enough, mixing digits,
     * lower and upper case, and not all hex.
     */
    static boolean freeTextCandidate(int length, int any, int all) {
        return length >= MIN_FREE_LENGTH && (any & Entropy.DIGIT) != 0 && (any & Entropy.LOWER) != 0
                && (any & Entropy.UPPER) != 0 && (all & Entropy.HEX) == 0;
    }

    /**
     * Reports the free-text {@code candidates} (runs that passed {@link #freeTextCandidate}, as start/end pairs in
     * ascending order) that look random, except where they meet {@code examined} (ranges of assigned values that
     * {@link Assignments} has judged already, in ascending order of start).
     */
    void judgeFreeText(String text, int[] candidates, int count, List<int[]> examined, List<SecretSpan> out) {
        int skip = 0;
        for (int k = 0; k < count; k += 2) {
            int start = candidates[k];
            int end = candidates[k + 1];
            while (skip < examined.size() && examined.get(skip)[1] <= start) {
                skip++;
            }
            boolean judged = skip < examined.size() && examined.get(skip)[0] < end;
            if (!judged && Entropy.shannon(text, start, end) >= base64Threshold
                    && !PublicMaterial.isPublicRun(text, start, end)) {
                out.add(new SecretSpan(SecretKind.HIGH_ENTROPY, start, end));
            }
        }
    }

    /** The length in hex digits of a SHA-1, SHA-256 or SHA-512 digest. */
    private static boolean isDigestLength(int length) {
        return length == 40 || length == 64 || length == 128;
    }

    /** Whether the hex digits hold no letters of both cases. */
    private static boolean oneCase(String text, int start, int end) {
        boolean lower = false;
        boolean upper = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            lower |= c >= 'a' && c <= 'f';
            upper |= c >= 'A' && c <= 'F';
        }
        return !(lower && upper);
    }

    private static boolean oneCaseCounts(int[] counts) {
        boolean lower = false;
        boolean upper = false;
        for (char c = 'a'; c <= 'f'; c++) {
            lower |= counts[c] > 0;
            upper |= counts[Character.toUpperCase(c)] > 0;
        }
        return !(lower && upper);
    }

    private static boolean allDigits(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
