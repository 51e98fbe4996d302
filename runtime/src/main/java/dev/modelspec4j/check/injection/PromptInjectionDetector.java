package dev.modelspec4j.check.injection;

import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic prompt-injection heuristics in English, French, German and Spanish, over text normalised by
 * {@link InjectionNormalizer}, including text hidden in base64, hex or percent-encoded payloads
 * ({@link PayloadDecoder}).
 *
 * <p>Every rule is a phrase family compiled once; a rule's pattern runs only where one of its trigger words
 * occurs (one pass over the text finds them all), and only once there, within a bounded window, so the work is
 * linear in the length of the input.
 * Instances are immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * PromptInjectionDetector detector = PromptInjectionDetector.standard();
 * List<InjectionFinding> findings = detector.scan(userMessage);
 * List<InjectionFinding> inDocument = detector.scanUntrusted(documentText, boundary);
 * }</pre>
 */
public final class PromptInjectionDetector {

    private static final int MAX_PAYLOAD_DEPTH = 2;
    private static final int QUOTE_REACH = 160;
    private static final Pattern DISCURSIVE_CUE = Pattern.compile("\\b(?:such as|like|e\\.g\\.|for example|"
            + "for instance|known as|called|phrases?|strings?|payloads?|attacks?|attackers?|injections?|jailbreaks?|"
            + "techniques?|tricks?|examples?|patterns?|warns?|detects?|flags?|blocks?|filters?|quoted?|"
            + "par exemple|comme|beispiel|wie etwa|por ejemplo|como)\\b");

    private final List<InjectionRule> rules;
    private final TriggerIndex index;
    private final ConceptIndex conceptIndex;
    private final boolean skipDiscursiveQuotes;
    private final boolean flagLabelledPayloads;

    private PromptInjectionDetector(Builder builder) {
        List<InjectionRule> selected = new ArrayList<>(MarkerRules.rules());
        if (builder.languages.contains(InjectionLanguage.ENGLISH)) {
            selected.addAll(EnglishRules.rules());
        }
        if (builder.languages.contains(InjectionLanguage.FRENCH)) {
            selected.addAll(FrenchRules.rules());
        }
        if (builder.languages.contains(InjectionLanguage.GERMAN)) {
            selected.addAll(GermanRules.rules());
        }
        if (builder.languages.contains(InjectionLanguage.SPANISH)) {
            selected.addAll(SpanishRules.rules());
        }
        this.rules = List.copyOf(selected);
        this.index = new TriggerIndex(rules);
        this.conceptIndex = new ConceptIndex(builder.languages);
        this.skipDiscursiveQuotes = builder.skipDiscursiveQuotes;
        this.flagLabelledPayloads = builder.flagLabelledPayloads;
    }

    /**
     * All languages; quoted examples in clearly discursive text are not reported; an encoded payload is reported
     * when its decoded text holds an injection.
     */
    public static PromptInjectionDetector standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Scans a user message or any other input. */
    public List<InjectionFinding> scan(String text) {
        return scan(text, skipDiscursiveQuotes);
    }

    /** Whether {@link #scan(String)} finds anything. */
    public boolean isInjection(String text) {
        return !scan(text).isEmpty();
    }

    /**
     * Scans a block of untrusted data that will be fenced as {@code <<<data BOUNDARY ...>>>} ...
     * {@code <<<end BOUNDARY>>>}. Besides {@link #scan(String)}, reports any attempt to close or fake the fence:
     * the fence markers themselves or the boundary token (also when split by invisible characters or written in
     * another case). Untrusted data gets no benefit of the doubt: quoted examples are reported too.
     */
    public List<InjectionFinding> scanUntrusted(String block, String boundary) {
        Objects.requireNonNull(boundary, "boundary");
        List<InjectionFinding> findings = new ArrayList<>(scan(block, false));
        String token = boundary.strip().toLowerCase(Locale.ROOT);
        if (!token.isEmpty()) {
            // the boundary is matched after invisible characters are removed, in any case, but without the
            // injection folds (leetspeak would turn its digits into letters)
            NormalizedText normalized = TextNormalizer.normalize(block);
            String text = lowerCase(normalized.text());
            for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
                findings.add(new InjectionFinding(InjectionTechnique.DELIMITER_SPOOFING,
                        normalized.originalStart(at), normalized.originalEnd(at + token.length()),
                        "contains the boundary token of its own fence"));
            }
        }
        return sorted(findings);
    }

    /** Lower case, one char for one char, so that indices still match. */
    private static String lowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            chars[k] = Character.toLowerCase(chars[k]);
        }
        return new String(chars);
    }

    private List<InjectionFinding> scan(String text, boolean skipQuoted) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return List.of();
        }
        List<InjectionFinding> findings = new ArrayList<>();
        scanNormalized(text, skipQuoted, findings);
        if (hasZeroWidthSeparator(text)) {
            // zero-width characters between words are removed by normalisation, which would glue the words
            // together; read them as spaces too (one char for one, so positions stay those of the original)
            scanNormalized(zeroWidthAsSpace(text), skipQuoted, findings);
        }
        if (HiddenCarriers.hasTagCharacters(text)) {
            for (HiddenCarriers.Decoded run : HiddenCarriers.tagRuns(text)) {
                String inner = payloadFinding(run.text(), 1);
                if (inner != null) {
                    findings.add(new InjectionFinding(InjectionTechnique.HIDDEN_INSTRUCTION, run.start(), run.end(),
                            "invisible Unicode tag characters spell out text that " + inner));
                }
            }
        }
        return sorted(findings);
    }

    private void scanNormalized(String text, boolean skipQuoted, List<InjectionFinding> findings) {
        NormalizedText normalized = TextNormalizer.normalize(text);
        ScanText scanText = InjectionNormalizer.normalize(normalized);
        String scan = scanText.text();
        int length = scan.length();
        Matches matches = match(scan, scanText.chars(), length, skipQuoted);
        for (Hit hit : matches.hits()) {
            findings.add(new InjectionFinding(hit.technique(), scanText.originalStart(hit.start()),
                    scanText.originalEnd(hit.end()), hit.description()));
        }
        ConceptHits cues = matches.concepts();
        if (cues.count(Concept.ROT13_CUE, 0, length, 2) >= 2) {
            char[] decoded = HiddenCarriers.rot13(scanText.chars(), length);
            addDecoded(findings, scanText, match(new String(decoded), decoded, length, false).hits(), false, length,
                    "ROT13 text that ");
        }
        int reversedCues = cues.count(Concept.REVERSED_CUE, 0, length, 2);
        if (reversedCues >= 2 || reversedCues == 1 && cues.has(Concept.REVERSAL_HINT)) {
            char[] decoded = HiddenCarriers.reversed(scanText.chars(), length);
            addDecoded(findings, scanText, match(new String(decoded), decoded, length, false).hits(), true, length,
                    "text written backwards that ");
        }
        for (HiddenCarriers.Decoded run : HiddenCarriers.morse(normalized.text())) {
            String inner = payloadFinding(run.text(), 1);
            if (inner != null) {
                findings.add(new InjectionFinding(InjectionTechnique.ENCODED_PAYLOAD,
                        normalized.originalStart(run.start()), normalized.originalEnd(run.end()),
                        "Morse code that " + inner));
            }
        }
        for (PayloadDecoder.Payload payload : PayloadDecoder.decode(normalized.text())) {
            String inner = payloadFinding(payload.text(), 1);
            if (inner != null || (payload.labelled() && flagLabelledPayloads)) {
                String evidence = inner != null
                        ? payload.encoding().name().toLowerCase(Locale.ROOT) + " payload hides text that " + inner
                        : "text presented as " + payload.encoding().name().toLowerCase(Locale.ROOT)
                                + " decodes to hidden readable text";
                findings.add(new InjectionFinding(InjectionTechnique.ENCODED_PAYLOAD,
                        normalized.originalStart(payload.start()), normalized.originalEnd(payload.end()), evidence));
            }
        }
    }

    /** Findings on a decoded copy of the scan text of the same length (ROT13) or reversed. */
    private static void addDecoded(List<InjectionFinding> findings, ScanText scanText, List<Hit> hits,
                                   boolean reversed, int length, String what) {
        for (Hit hit : hits) {
            int start = reversed ? length - hit.end() : hit.start();
            int end = reversed ? length - hit.start() : hit.end();
            findings.add(new InjectionFinding(InjectionTechnique.ENCODED_PAYLOAD, scanText.originalStart(start),
                    scanText.originalEnd(end), what + hit.description()));
        }
    }

    private static boolean isZeroWidthSeparator(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u180E';
    }

    private static boolean hasZeroWidthSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isZeroWidthSeparator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String zeroWidthAsSpace(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (isZeroWidthSeparator(chars[i])) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** The description of the first rule that matches a decoded payload (looking one level deeper), or null. */
    private String payloadFinding(String decoded, int depth) {
        ScanText scanText = InjectionNormalizer.normalize(decoded);
        List<Hit> hits = match(scanText.text(), scanText.chars(), scanText.text().length(), false).hits();
        if (!hits.isEmpty()) {
            return hits.get(0).description();
        }
        if (depth < MAX_PAYLOAD_DEPTH) {
            for (PayloadDecoder.Payload nested : PayloadDecoder.decode(decoded)) {
                String inner = payloadFinding(nested.text(), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private record Hit(InjectionTechnique technique, String description, int start, int end) {
    }

    /** What the rules found in one text, and the concepts that the lexicon found there. */
    private record Matches(List<Hit> hits, ConceptHits concepts) {
    }

    private Matches match(String text, char[] chars, int length, boolean skipQuoted) {
        // first pass: every trigger, and where each class of required words occurs
        Occurrences triggers = new Occurrences();
        Occurrences[] required = new Occurrences[index.requirementClasses()];
        index.forEachTrigger(chars, length, (entry, position) -> {
            if (entry.rules().length > 0) {
                triggers.add(position, entry);
            }
            for (long mask = entry.requirementClasses(); mask != 0; mask &= mask - 1) {
                int c = Long.numberOfTrailingZeros(mask);
                if (required[c] == null) {
                    required[c] = new Occurrences();
                }
                required[c].add(position, null);
            }
        });
        // second pass: each rule once at each of its triggers, where its required words are within reach
        List<Hit> hits = new ArrayList<>();
        Matcher[] matchers = new Matcher[rules.size()];
        int[] scannedUpTo = new int[rules.size()];
        for (int t = 0; t < triggers.size; t++) {
            int position = triggers.positions[t];
            TriggerIndex.Entry entry = triggers.entries[t];
            int to = Math.min(length, position + entry.trigger().length() + InjectionRule.AFTER);
            for (int r : entry.rules()) {
                int requirement = index.requirementOf(r);
                if (position < scannedUpTo[r]
                        || (requirement >= 0 && !within(required[requirement], position, to))) {
                    continue;
                }
                InjectionRule rule = rules.get(r);
                Matcher m = matchers[r];
                if (m == null) {
                    m = rule.pattern().matcher(text);
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[r] = m;
                }
                if (m.region(position, to).lookingAt()) {
                    scannedUpTo[r] = m.end();
                    if (!(skipQuoted && isDiscursiveQuote(text, m.start(), m.end()))) {
                        hits.add(new Hit(rule.technique(), rule.description(), m.start(), m.end()));
                    }
                }
            }
        }
        // the multilingual lexicon: concepts close together, and the shape of the text
        ConceptHits concepts = conceptIndex.scan(chars, length);
        List<ConceptMatch> found = new ArrayList<>();
        ConceptRules.find(concepts, chars, length, found);
        StructureRules.find(concepts, conceptIndex, chars, length, found);
        for (ConceptMatch c : found) {
            if (!(skipQuoted && isDiscursiveQuote(text, c.start(), c.end()))) {
                hits.add(new Hit(c.technique(), c.description(), c.start(), c.end()));
            }
        }
        return new Matches(hits, concepts);
    }

    /** Whether {@code occurrences} has a position in [from, to). */
    private static boolean within(Occurrences occurrences, int from, int to) {
        if (occurrences == null) {
            return false;
        }
        int low = 0;
        int high = occurrences.size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (occurrences.positions[mid] < from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < occurrences.size && occurrences.positions[low] < to;
    }

    /** Positions in increasing order, with the entry found at each (per call, not shared). */
    private static final class Occurrences {
        private int[] positions = new int[16];
        private TriggerIndex.Entry[] entries = new TriggerIndex.Entry[16];
        private int size;

        void add(int position, TriggerIndex.Entry entry) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                entries = Arrays.copyOf(entries, size * 2);
            }
            positions[size] = position;
            entries[size++] = entry;
        }
    }

    /**
     * Whether the match sits inside quotation marks that a clearly discursive phrase introduces on the same line
     * ("attacks such as "ignore previous instructions" ..."), as in an article about prompt injection.
     */
    static boolean isDiscursiveQuote(String text, int start, int end) {
        int open = -1;
        for (int k = start - 1; k >= Math.max(0, start - QUOTE_REACH); k--) {
            char c = text.charAt(k);
            if (c == '\n') {
                break;
            }
            if (isOpeningQuote(text, k)) {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        char quote = text.charAt(open);
        int close = -1;
        for (int k = end; k < Math.min(text.length(), end + QUOTE_REACH); k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                break;
            }
            if (c == quote && (k + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(k + 1)))) {
                close = k;
                break;
            }
        }
        if (close < 0) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', open) + 1;
        int from = Math.max(lineStart, open - 2 * QUOTE_REACH);
        return DISCURSIVE_CUE.matcher(text).region(from, open).find();
    }

    private static boolean isOpeningQuote(String text, int k) {
        char c = text.charAt(k);
        if (c != '"' && c != '\'' && c != '`') {
            return false;
        }
        boolean afterBoundary = k == 0 || !Character.isLetterOrDigit(text.charAt(k - 1));
        boolean beforeWord = k + 1 < text.length() && Character.isLetterOrDigit(text.charAt(k + 1));
        return afterBoundary && beforeWord;
    }

    /** Sorted by position; overlapping findings of the same technique are merged into one. */
    private static List<InjectionFinding> sorted(List<InjectionFinding> findings) {
        List<InjectionFinding> list = new ArrayList<>(findings);
        list.sort(Comparator.comparing(InjectionFinding::technique).thenComparingInt(InjectionFinding::start)
                .thenComparingInt(InjectionFinding::end));
        List<InjectionFinding> merged = new ArrayList<>();
        for (InjectionFinding f : list) {
            InjectionFinding last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.technique() == f.technique() && f.start() < last.end()) {
                merged.set(merged.size() - 1, new InjectionFinding(last.technique(), last.start(),
                        Math.max(last.end(), f.end()), last.evidence()));
            } else {
                merged.add(f);
            }
        }
        merged.sort(Comparator.comparingInt(InjectionFinding::start).thenComparingInt(InjectionFinding::end)
                .thenComparing(InjectionFinding::technique));
        return List.copyOf(merged);
    }

    /** Builder; {@link PromptInjectionDetector#standard()} is {@code builder().build()}. */
    public static final class Builder {
        private final Set<InjectionLanguage> languages = EnumSet.allOf(InjectionLanguage.class);
        private boolean skipDiscursiveQuotes = true;
        private boolean flagLabelledPayloads;

        private Builder() {
        }

        /**
         * The languages whose phrase lists and lexicons are used; all by default. Markers, structures and encodings
         * are always checked.
         */
        public Builder languages(InjectionLanguage... selected) {
            languages.clear();
            languages.addAll(List.of(selected));
            return this;
        }

        /**
         * Whether {@link PromptInjectionDetector#scan(String)} leaves out matches quoted in clearly discursive text
         * (default true); {@link PromptInjectionDetector#scanUntrusted(String, String)} never does.
         */
        public Builder skipDiscursiveQuotes(boolean skip) {
            this.skipDiscursiveQuotes = skip;
            return this;
        }

        /**
         * Whether a payload presented as encoded ("base64: ...") that decodes to readable text is reported even when
         * that text holds no injection (default false: decoded text is scanned by every rule, which is what
         * decides).
         */
        public Builder flagLabelledPayloads(boolean flag) {
            this.flagLabelledPayloads = flag;
            return this;
        }

        public PromptInjectionDetector build() {
            return new PromptInjectionDetector(this);
        }
    }
}
