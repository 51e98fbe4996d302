package dev.modelspec4j.testing.detectors;

/**
 * Span-level counts for one type. A predicted span is a true positive when it overlaps an expected span of the
 * same type that no other predicted span has matched yet (one-to-one, in order of position); every other
 * predicted span is a false positive and every unmatched expected span a false negative.
 *
 * @param truePositives  predicted spans matched to an expected span
 * @param falsePositives predicted spans without an expected span
 * @param falseNegatives expected spans no prediction matched
 * @param passRows       rows labelled {@code pass} that were scored for this type
 * @param flaggedPassRows rows labelled {@code pass} where at least one span of this type was predicted
 */
public record Score(int truePositives, int falsePositives, int falseNegatives, int passRows, int flaggedPassRows) {

    static final Score ZERO = new Score(0, 0, 0, 0, 0);

    /** TP / (TP + FP); 1 when nothing was predicted. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    /** TP / (TP + FN); 1 when nothing was expected. */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    /** Number of expected spans. */
    public int expected() {
        return truePositives + falseNegatives;
    }

    Score plus(Score other) {
        return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, passRows + other.passRows,
                flaggedPassRows + other.flaggedPassRows);
    }
}
