package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiMode;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Pseudonymizer#apply} did to a text.
 *
 * @param text     the text to pass on: masked, redacted or pseudonymised; unchanged for ALLOW and BLOCK
 * @param mode     the mode applied
 * @param spans    the personal data found, as offsets into the text given to {@code apply} (empty for ALLOW)
 * @param evidence for each span, what may be shown in audit records: its placeholder ({@code [EMAIL_1]} or
 *                 {@code [EMAIL]}), never the value
 */
public record PiiResult(String text, PiiMode mode, List<PiiSpan> spans, List<String> evidence) {

    public PiiResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        spans = List.copyOf(spans);
        evidence = List.copyOf(evidence);
        if (spans.size() != evidence.size()) {
            throw new IllegalArgumentException("one evidence entry per span");
        }
    }

    /** Whether any personal data was found. */
    public boolean found() {
        return !spans.isEmpty();
    }

    /** Whether the caller must refuse the text: BLOCK mode and personal data found. */
    public boolean blocked() {
        return mode == PiiMode.BLOCK && found();
    }
}
