package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a {@link PiiMode} to the texts of one call and undoes pseudonymisation in the answer.
 *
 * <p>One instance per call (and per chat memory it writes to): it remembers which value each {@code [TYPE_n]}
 * placeholder stands for, so the same value gets the same placeholder in every text of the call, and
 * {@link #restore} can put the originals back. Not thread-safe and not to be shared between calls; it holds
 * personal data in memory for the call's lifetime only, and nothing static.
 */
public final class Pseudonymizer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z_]+)_(\\d+)]");

    private final PiiDetector detector;
    private final Map<String, String> placeholderByValue = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new HashMap<>();
    private final Map<PiiType, Integer> counters = new EnumMap<>(PiiType.class);

    public Pseudonymizer(PiiDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** Finds personal data in {@code text} and treats it as {@code mode} says; see {@link PiiMode}. */
    public PiiResult apply(String text, PiiMode mode) {
        Objects.requireNonNull(text, "text");
        if (mode == PiiMode.ALLOW) {
            return new PiiResult(text, mode, List.of(), List.of());
        }
        List<PiiSpan> spans = detector.detect(text);
        List<String> evidence = new ArrayList<>(spans.size());
        for (PiiSpan span : spans) {
            evidence.add(mode == PiiMode.PSEUDONYMIZE ? pseudonym(span, text) : span.placeholder());
        }
        String result = switch (mode) {
            case MASK, PSEUDONYMIZE -> replace(text, spans, evidence::get);
            case REDACT -> replace(text, spans, i -> "");
            case BLOCK, ALLOW -> text;
        };
        return new PiiResult(result, mode, spans, evidence);
    }

    /**
     * The answer for the user: every placeholder this instance issued is replaced by its original value, and
     * personal data that the model produced on its own (values never seen in this call's input) is masked.
     */
    public String restore(String answer) {
        return PiiEdit.apply(answer, restorations(answer), 0, answer.length());
    }

    /**
     * What {@link #restore} changes in {@code answer}, in order and without overlaps: each placeholder this
     * instance issued, replaced by its original value, and each value of personal data never seen in this call's
     * input, replaced by its type.
     */
    public List<PiiEdit> restorations(String answer) {
        Objects.requireNonNull(answer, "answer");
        List<PiiEdit> edits = new ArrayList<>();
        for (PiiSpan span : detector.detect(answer)) {
            if (!placeholderByValue.containsKey(key(span.type(), answer.substring(span.start(), span.end())))) {
                edits.add(new PiiEdit(span.start(), span.end(), span.placeholder()));
            }
        }
        List<PiiEdit> placeholders = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(answer);
        while (matcher.find()) {
            String original = valueByPlaceholder.get(matcher.group());
            if (original != null && !insideMasked(edits, matcher.start(), matcher.end())) {
                placeholders.add(new PiiEdit(matcher.start(), matcher.end(), original));
            }
        }
        if (placeholders.isEmpty()) {
            return edits;
        }
        edits.addAll(placeholders);
        edits.sort(java.util.Comparator.comparingInt(PiiEdit::start));
        return edits;
    }

    /** Whether {@code [start, end)} overlaps a value that {@code masked} replaces (e.g. a placeholder in a URL). */
    private static boolean insideMasked(List<PiiEdit> masked, int start, int end) {
        for (PiiEdit edit : masked) {
            if (edit.start() < end && start < edit.end()) {
                return true;
            }
        }
        return false;
    }

    /** The length of the longest placeholder issued so far; 0 when none. */
    public int longestPlaceholder() {
        int longest = 0;
        for (String placeholder : valueByPlaceholder.keySet()) {
            longest = Math.max(longest, placeholder.length());
        }
        return longest;
    }

    /** The placeholders issued so far (never the values), e.g. for audit evidence. */
    public List<String> issuedPlaceholders() {
        return valueByPlaceholder.keySet().stream().sorted().toList();
    }

    private String pseudonym(PiiSpan span, String text) {
        String value = text.substring(span.start(), span.end());
        return placeholderByValue.computeIfAbsent(key(span.type(), value), k -> {
            int n = counters.merge(span.type(), 1, Integer::sum);
            String placeholder = "[" + span.type().name() + "_" + n + "]";
            valueByPlaceholder.put(placeholder, value);
            return placeholder;
        });
    }

    /** The identity of a value: its type and normalised text (case-folded where case does not matter). */
    private static String key(PiiType type, String value) {
        String normalized = NumericFolding.foldValue(TextNormalizer.normalize(value).text());
        if (type == PiiType.EMAIL) {
            normalized = ObfuscatedEmails.canonical(normalized);
        }
        if (type == PiiType.EMAIL || type == PiiType.URL || type == PiiType.IP_ADDRESS || type == PiiType.IBAN) {
            normalized = normalized.toLowerCase(Locale.ROOT);
        }
        if (type == PiiType.CREDIT_CARD || type == PiiType.PHONE || type == PiiType.US_SSN || type == PiiType.IBAN) {
            normalized = normalized.replaceAll("[^0-9a-z+]", "");
        }
        return type.name() + ':' + normalized;
    }

    private static String replace(String text, List<PiiSpan> spans, Function<Integer, String> replacement) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int i = 0; i < spans.size(); i++) {
            PiiSpan span = spans.get(i);
            out.append(text, last, span.start()).append(replacement.apply(i));
            last = span.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
