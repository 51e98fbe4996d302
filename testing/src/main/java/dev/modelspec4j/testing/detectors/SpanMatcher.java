package dev.modelspec4j.testing.detectors;

import java.util.Comparator;
import java.util.List;

/** One-to-one matching of predicted against expected spans of one row; see {@link Score}. */
final class SpanMatcher {

    private SpanMatcher() {
    }

    /**
     * Scores one row. {@code expectedCount} stands in for positions when the data gives only a count (then any
     * predicted span counts, up to that number); pass {@code -1} when spans are given.
     */
    static Score score(List<Span> expected, int expectedCount, List<Span> predicted, boolean passRow,
            boolean sameTypeRequired) {
        int passRows = passRow ? 1 : 0;
        int flagged = passRow && !predicted.isEmpty() ? 1 : 0;
        if (expected.isEmpty() && expectedCount > 0) {
            int tp = Math.min(expectedCount, predicted.size());
            return new Score(tp, predicted.size() - tp, expectedCount - tp, passRows, flagged);
        }
        List<Span> byPosition = predicted.stream().sorted(Comparator.comparingInt(Span::start)).toList();
        boolean[] used = new boolean[expected.size()];
        int tp = 0;
        for (Span p : byPosition) {
            for (int k = 0; k < expected.size(); k++) {
                Span e = expected.get(k);
                if (!used[k] && e.overlaps(p) && (!sameTypeRequired || e.type().equals(p.type()))) {
                    used[k] = true;
                    tp++;
                    break;
                }
            }
        }
        return new Score(tp, predicted.size() - tp, expected.size() - tp, passRows, flagged);
    }
}
