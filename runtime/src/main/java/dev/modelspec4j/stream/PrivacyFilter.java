package dev.modelspec4j.stream;

import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.pii.PiiEdit;
import dev.modelspec4j.check.pii.PiiSpan;
import dev.modelspec4j.check.pii.Pseudonymizer;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import dev.modelspec4j.enforce.CallControl;
import dev.modelspec4j.enforce.PrivacyPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@code @Pii} output mode of a stream: turns the answer, as it grows, into the text the caller may receive,
 * exactly as the blocking path would turn the whole answer: values masked ({@code [EMAIL]}), removed, or, for
 * PSEUDONYMIZE, the call's placeholders replaced by the user's values and values the model made up masked.
 *
 * <p>Each call of {@link #advance} looks at the end of the answer so far and releases the next piece. It keeps back
 * the last {@link #lookAhead()} normalised characters: the longest value of the configured types (see
 * {@link PiiDetector#longestValue(dev.modelspec4j.annotation.PiiType)}), or the longest placeholder, plus
 * {@value #CONTEXT} characters that the detectors read after a value to see where it ends. A value that starts
 * in the releasable part is released whole, already changed, once those characters have arrived; one that is
 * still growing there is longer than the types allow, and the filter fails closed. A value or placeholder that would straddle what was released earlier
 * also fails closed: released text is never taken back, so it is never replayed in another form.
 *
 * <p>BLOCK releases the text before the first value and then fails. One instance per call, used by the
 * thread running the stream's events.
 */
final class PrivacyFilter {

    /** Characters after a value that the detectors read to see where it ends. */
    static final int CONTEXT = PiiDetector.END_CONTEXT;

    private final PiiMode mode;
    private final PiiDetector detector;
    private final Pseudonymizer pseudonymizer;
    private int consumed;
    private final List<String> evidence = new ArrayList<>();
    private String failure;

    /**
     * @param mode the output mode; not ALLOW
     * @param detector finds the rule's types
     * @param pseudonymizer the call's pseudonyms (PSEUDONYMIZE)
     */
    PrivacyFilter(PiiMode mode, PiiDetector detector, Pseudonymizer pseudonymizer) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.pseudonymizer = pseudonymizer;
        if (mode == PiiMode.ALLOW) {
            throw new IllegalArgumentException("ALLOW changes nothing: no filter is needed");
        }
        if (mode == PiiMode.PSEUDONYMIZE) {
            Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        }
    }

    /** The filter for the call's {@code @Pii} output mode; null when it has none, or ALLOW. */
    static PrivacyFilter of(CallControl control) {
        PrivacyPlan privacy = control.outputPrivacy();
        return privacy == null ? null
                : new PrivacyFilter(privacy.output(), privacy.detector(), control.pseudonymizer());
    }

    /** How many normalised characters the stream holds back for this filter. */
    int lookAhead() {
        int longest = detector.longestValue();
        if (mode == PiiMode.PSEUDONYMIZE) {
            longest = Math.max(longest, pseudonymizer.longestPlaceholder());
        }
        return longest + CONTEXT;
    }

    /** How much of the answer (UTF-16 offset into it) was turned into released text so far. */
    int consumed() {
        return consumed;
    }

    /** The audit evidence of the values changed or found so far: their types ({@code [EMAIL]}), in order. */
    List<String> evidence() {
        return List.copyOf(evidence);
    }

    /** Whether the caller received text with personal data masked or removed (MASK and REDACT). */
    boolean masked() {
        return (mode == PiiMode.MASK || mode == PiiMode.REDACT) && !evidence.isEmpty();
    }

    /** Why the last {@link #advance} returned null: the audit evidence of the blocked answer. */
    String failure() {
        return failure;
    }

    /**
     * The text to release next: {@code text[consumed(), cut)} with the mode applied, for the largest safe cut
     * up to {@code limit} (the end of the answer once it is {@code complete}). Null when the answer must be
     * blocked: BLOCK found personal data, or a value is longer than the look-ahead; {@link #failure()} says why.
     *
     * <p>Reads only the tail that can still hold a value the cut may touch: from {@link #lookAhead()} and
     * {@value #CONTEXT} more characters before what was consumed. A value that starts earlier ended before
     * the consumed text did (no value is longer than the look-ahead) and was judged when that text was
     * released; so each call costs about the size of the new text, and a whole answer costs linear time.
     *
     * @param text the whole answer so far; what was consumed earlier must be its prefix
     * @param limit how far the other output checks let the text go
     * @param complete whether {@code text} is the whole answer
     */
    String advance(CharSequence text, int limit, boolean complete) {
        int base = Math.max(0, consumed - lookAhead() - CONTEXT);
        while (base > 0 && Character.isLowSurrogate(text.charAt(base))) {
            base--;
        }
        String tail = text.subSequence(base, text.length()).toString();
        String out = advanceTail(tail, consumed - base, limit - base, complete);
        if (out != null && cut >= 0) {
            consumed = cut + base;
        }
        return out;
    }

    /** Where {@link #advanceTail} cut, in the tail; -1 when it released nothing. */
    private int cut = -1;

    /** {@link #advance} on the tail, with {@code from} (what was consumed) and {@code limit} in the tail. */
    private String advanceTail(String text, int from, int limit, boolean complete) {
        cut = -1;
        List<PiiSpan> found = detector.detect(text);
        List<PiiEdit> edits = edits(text, found);
        List<PiiEdit> values = values(found, edits);
        int end = limit;
        if (!complete) {
            NormalizedText normalized = TextNormalizer.normalize(text);
            int windowStart = HoldBack.releasable(normalized, lookAhead());
            int settled = HoldBack.releasable(normalized, CONTEXT);
            for (PiiEdit value : values) {
                if (value.start() < windowStart && value.end() > settled) {
                    return fail("a value longer than the stream's look-ahead of " + lookAhead() + " characters");
                }
            }
            end = cutOutside(values, Math.min(limit, windowStart), limit);
        }
        for (PiiEdit value : values) {
            if (value.start() < from && value.end() > from) {
                return fail("a value that straddles text released earlier");
            }
        }
        if (end <= from) {
            return "";
        }
        if (mode == PiiMode.BLOCK) {
            List<String> blocked = new ArrayList<>();
            for (PiiSpan span : found) {
                if (span.start() < end && span.end() > from) {
                    blocked.add(span.placeholder());
                }
            }
            if (!blocked.isEmpty()) {
                evidence.addAll(blocked);
                failure = String.join(", ", blocked);
                return null;
            }
            cut = end;
            return text.substring(from, end);
        }
        if (mode != PiiMode.PSEUDONYMIZE) {
            for (PiiSpan span : found) {
                if (span.start() >= from && span.end() <= end) {
                    evidence.add(span.placeholder());
                }
            }
        }
        cut = end;
        return PiiEdit.apply(text, edits, from, end);
    }

    /**
     * {@code cut}, moved out of any value it falls into: past it when the value ends within {@code limit} (it is
     * settled: the caller check rules out values still growing there), before it otherwise.
     */
    private static int cutOutside(List<PiiEdit> values, int cut, int limit) {
        // Values may overlap (a placeholder inside a URL the user gave): repeat until no value is cut. Once the
        // cut has moved back, it only moves back, so this ends.
        boolean back = false;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (PiiEdit value : values) {
                if (value.start() < cut && value.end() > cut) {
                    back |= value.end() > limit;
                    cut = back ? value.start() : value.end();
                    moved = true;
                }
            }
        }
        return cut;
    }

    private String fail(String why) {
        failure = why;
        return null;
    }

    /** What the mode changes in {@code text}: in order, without overlaps. */
    private List<PiiEdit> edits(String text, List<PiiSpan> found) {
        return switch (mode) {
            case PSEUDONYMIZE -> pseudonymizer.restorations(text);
            case MASK -> found.stream().map(s -> new PiiEdit(s.start(), s.end(), s.placeholder())).toList();
            case REDACT -> found.stream().map(s -> new PiiEdit(s.start(), s.end(), "")).toList();
            case BLOCK, ALLOW -> List.of();
        };
    }

    /**
     * Everything a cut must not fall into: the values found and, for PSEUDONYMIZE, the placeholders restored
     * (a value the user gave is released as it is, but only once it is known whole). In order.
     */
    private static List<PiiEdit> values(List<PiiSpan> found, List<PiiEdit> edits) {
        List<PiiEdit> values = new ArrayList<>(found.size() + edits.size());
        for (PiiSpan span : found) {
            values.add(new PiiEdit(span.start(), span.end(), ""));
        }
        for (PiiEdit edit : edits) {
            if (!values.contains(new PiiEdit(edit.start(), edit.end(), ""))) {
                values.add(new PiiEdit(edit.start(), edit.end(), ""));
            }
        }
        values.sort(Comparator.comparingInt(PiiEdit::start));
        return values;
    }
}
