package dev.modelspec4j.check.leak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Detects answers that reveal the system or developer instructions, verbatim or nearly so:
 *
 * <ul>
 *   <li>the call's {@link Canary} token anywhere in the answer, however it is split or disguised;</li>
 *   <li>a run of at least {@code minRunWords} words copied in order from the instructions (after normalisation:
 *       case, accents, punctuation and invisible characters do not matter);</li>
 *   <li>a high overlap: the answer repeats at least {@code minCoverage} of the instructions' distinct
 *       {@value WordShingles#SIZE}-word shingles, and at least {@code minSharedShingles} of them. Small edits
 *       (a word changed every sentence or so) break a verbatim run but leave most shingles intact.</li>
 * </ul>
 *
 * Sharing a few common phrases with the instructions ("a helpful assistant for Acme") is not a leak: it stays
 * below every threshold. Immutable and thread-safe.
 */
public final class InstructionLeakDetector {

    /** Default: words copied in a row that count as a leak on their own. */
    public static final int DEFAULT_MIN_RUN_WORDS = 16;
    /** Default: share of the instructions' shingles repeated that counts as a leak. */
    public static final double DEFAULT_MIN_COVERAGE = 0.25;
    /** Default: the least number of repeated shingles for the coverage rule (guards very short instructions). */
    public static final int DEFAULT_MIN_SHARED_SHINGLES = 4;
    /**
     * Default: distinct shingles of the instructions that a streamed answer may repeat before the stream is
     * stopped. A verbatim copy reaches it within its first {@value #DEFAULT_MIN_STREAMED_SHINGLES} +
     * {@value WordShingles#SIZE} - 1 words.
     */
    public static final int DEFAULT_MIN_STREAMED_SHINGLES = 10;

    private final int minRunWords;
    private final double minCoverage;
    private final int minSharedShingles;
    private final int minStreamedShingles;

    private InstructionLeakDetector(Builder builder) {
        this.minRunWords = builder.minRunWords;
        this.minCoverage = builder.minCoverage;
        this.minSharedShingles = builder.minSharedShingles;
        this.minStreamedShingles = builder.minStreamedShingles;
    }

    /** The detector with the default thresholds. */
    public static InstructionLeakDetector standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one answer.
     *
     * @param answer       the model's answer
     * @param instructions the fingerprint of the instructions the model was given
     * @param canary       the call's canary token, or null if none was planted
     */
    public LeakReport scan(String answer, InstructionFingerprint instructions, String canary) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(instructions, "instructions");
        List<LeakSpan> spans = new ArrayList<>();
        boolean canaryFound = false;
        if (canary != null) {
            var found = Canary.find(answer, canary);
            canaryFound = found.isPresent();
            found.ifPresent(spans::add);
        }
        WordShingles words = WordShingles.of(answer);
        long[] shingles = words.shingles();
        Set<Long> shared = new HashSet<>();
        int longestRun = 0;
        int runStart = -1;
        for (int i = 0; i <= shingles.length; i++) {
            boolean match = i < shingles.length && instructions.contains(shingles[i]);
            if (match) {
                shared.add(shingles[i]);
                if (runStart < 0) {
                    runStart = i;
                }
                continue;
            }
            if (runStart >= 0) {
                int runWords = i - runStart + WordShingles.SIZE - 1;
                longestRun = Math.max(longestRun, runWords);
                if (runWords >= minRunWords) {
                    spans.add(new LeakSpan(LeakSpan.Kind.VERBATIM_RUN, words.originalStart(runStart),
                            words.originalEnd(i - 1 + WordShingles.SIZE - 1)));
                }
                runStart = -1;
            }
        }
        double coverage = instructions.shingleCount() == 0 ? 0 : (double) shared.size() / instructions.shingleCount();
        boolean overlap = coverage >= minCoverage && shared.size() >= minSharedShingles;
        boolean leaked = canaryFound || longestRun >= minRunWords || overlap;
        return new LeakReport(leaked, canaryFound, coverage, shared.size(), longestRun, spans);
    }

    /**
     * How many distinct shingles of {@code instructions} a streamed answer may repeat before it is stopped
     * mid-stream: {@code minStreamedShingles}, or all of them for instructions with fewer;
     * {@link Integer#MAX_VALUE} (never) for instructions with fewer than {@code minSharedShingles}, whose copy
     * only the canary and the complete answer reveal.
     */
    public int streamedShingles(InstructionFingerprint instructions) {
        Objects.requireNonNull(instructions, "instructions");
        int count = instructions.shingleCount();
        return count < minSharedShingles ? Integer.MAX_VALUE : Math.min(minStreamedShingles, count);
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private int minRunWords = DEFAULT_MIN_RUN_WORDS;
        private double minCoverage = DEFAULT_MIN_COVERAGE;
        private int minSharedShingles = DEFAULT_MIN_SHARED_SHINGLES;
        private int minStreamedShingles = DEFAULT_MIN_STREAMED_SHINGLES;

        private Builder() {
        }

        /** Words copied in a row that count as a leak on their own (at least {@value WordShingles#SIZE}). */
        public Builder minRunWords(int words) {
            if (words < WordShingles.SIZE) {
                throw new IllegalArgumentException("minRunWords must be at least " + WordShingles.SIZE);
            }
            this.minRunWords = words;
            return this;
        }

        /** Share of the instructions' shingles that, once repeated, counts as a leak (0 &lt; share &le; 1). */
        public Builder minCoverage(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("minCoverage must be in (0, 1]");
            }
            this.minCoverage = share;
            return this;
        }

        /** The least number of repeated shingles for the coverage rule. */
        public Builder minSharedShingles(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minSharedShingles must be at least 1");
            }
            this.minSharedShingles = count;
            return this;
        }

        /** Distinct shingles of the instructions a streamed answer may repeat before it is stopped. */
        public Builder minStreamedShingles(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minStreamedShingles must be at least 1");
            }
            this.minStreamedShingles = count;
            return this;
        }

        public InstructionLeakDetector build() {
            return new InstructionLeakDetector(this);
        }
    }
}
