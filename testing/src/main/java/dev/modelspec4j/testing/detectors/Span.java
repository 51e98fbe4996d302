package dev.modelspec4j.testing.detectors;

/** A labelled or predicted span for scoring: a type name and UTF-16 offsets. */
record Span(String type, int start, int end) {

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
