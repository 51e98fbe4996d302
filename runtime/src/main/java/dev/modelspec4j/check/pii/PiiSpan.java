package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.Objects;

/**
 * Where a piece of personal data sits in a text: its type and UTF-16 offsets ({@code start} inclusive,
 * {@code end} exclusive) into the text as the caller wrote it. A span never holds the value itself, so it can
 * be logged and audited as it is.
 */
public record PiiSpan(PiiType type, int start, int end) {

    public PiiSpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Number of UTF-16 code units covered. */
    public int length() {
        return end - start;
    }

    /** Whether this span shares at least one position with {@code other}. */
    public boolean overlaps(PiiSpan other) {
        return start < other.end && other.start < end;
    }

    /** The placeholder that stands for this span's type in masked text and audit evidence, e.g. {@code [EMAIL]}. */
    public String placeholder() {
        return "[" + type.name() + "]";
    }
}
