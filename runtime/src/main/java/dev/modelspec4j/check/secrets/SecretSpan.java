package dev.modelspec4j.check.secrets;

import java.util.Objects;

/**
 * Where a secret sits in a text: its kind and UTF-16 offsets ({@code start} inclusive, {@code end} exclusive)
 * into the text as the caller wrote it. A span never holds the secret itself.
 */
public record SecretSpan(SecretKind kind, int start, int end) {

    public SecretSpan {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Number of UTF-16 code units covered. */
    public int length() {
        return end - start;
    }

    /** Whether this span shares at least one position with {@code other}. */
    public boolean overlaps(SecretSpan other) {
        return start < other.end && other.start < end;
    }

    /** What stands for this secret in masked text and audit evidence, e.g. {@code [SECRET:GITHUB_TOKEN]}. */
    public String placeholder() {
        return "[SECRET:" + kind.name() + "]";
    }
}
