package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code @Pii} on a single value, such as a component of a structured answer: finds personal data and, for
 * masking, replaces each value by its type ({@code [PHONE]}) or removes it, as the mode says. Thread-safe.
 */
public final class PiiCheck implements OutputCheck {

    private final PiiDetector detector;
    private final PiiMode mode;

    public PiiCheck(PiiDetector detector, PiiMode mode) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public List<Finding> check(String text) {
        List<PiiSpan> found = detector.detect(text);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(found.size());
        Set<String> types = new LinkedHashSet<>();
        for (PiiSpan span : found) {
            spans.add(new Span(span.start(), span.end()));
            types.add(span.placeholder());
        }
        return List.of(new Finding("The value must not contain personal data (" + String.join(", ", types) + ").",
                String.join(", ", types), spans));
    }

    /** On a stream: the longest value of the types, and the characters after it that tell where it ends. */
    @Override
    public int lookAhead() {
        return detector.longestValue() + PiiDetector.END_CONTEXT;
    }

    @Override
    public boolean supportsRedaction() {
        return true;
    }

    /** {@code text} with its personal data masked (MASK, PSEUDONYMIZE) or removed (REDACT). */
    public String mask(String text) {
        PiiMode masking = mode == PiiMode.REDACT ? PiiMode.REDACT : PiiMode.MASK;
        return new Pseudonymizer(detector).apply(text, masking).text();
    }
}
