package dev.modelspec4j.check;

/** A range of characters in a text, {@code start} inclusive, {@code end} exclusive (UTF-16 indices). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
