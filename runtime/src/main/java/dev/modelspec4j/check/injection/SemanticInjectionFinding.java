package dev.modelspec4j.check.injection;

import java.util.Objects;

/**
 * What a {@link SemanticInjectionLayer} found: the part of the text that scored highest, with its score.
 *
 * @param start     start of the highest-scoring part in the original text (UTF-16 index, inclusive)
 * @param end       end of that part (exclusive)
 * @param score     the layer's score of that part, in [0, 1]
 * @param threshold the score from which the layer reports a text
 * @param evidence  what judged it (model and classifier version); never the scanned text itself
 */
public record SemanticInjectionFinding(int start, int end, double score, double threshold, String evidence) {

    public SemanticInjectionFinding {
        Objects.requireNonNull(evidence, "evidence");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (!(score >= 0 && score <= 1) || !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("score and threshold must be in [0, 1]");
        }
    }
}
