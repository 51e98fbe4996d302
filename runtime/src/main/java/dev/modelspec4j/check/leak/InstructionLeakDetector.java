package dev.modelspec4j.check.leak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Detects answers that reveal the system or developer instructions, verbatim or nearly so:
 *
 * <ul>
 *   <li>the call's {@link Canary} token anywhere in the answer, however it is split or disguised;</li>
 *   <li>a value the developer marked confidential (a code word, a template variable's value, a marked span of the
 *       instructions), on its own, as whole words;</li>
 *   <li>a run of at least {@code minRunWords} words copied in order from the instructions;</li>
 *   <li>a high overlap: the answer repeats at least {@code minCoverage} of the instructions' distinct
 *       {@value WordShingles#SIZE}-word shingles, and at least {@code minSharedShingles} of them. Small edits
 *       (a word changed every sentence or so) break a verbatim run but leave most shingles intact;</li>
 *   <li>pieces copied from all over long instructions: at least {@code minSharedAnywhere} distinct shingles
 *       repeated, whatever share of the instructions that is, one piece at least {@value #PIECE_RUN_WORDS} words
 *       long (a summary in bullet points that keeps the instructions' phrases). An answer that introduces the
 *       assistant by name and role and mentions one rule in a phrase of its own copies pieces of seven words at
 *       most.</li>
 * </ul>
 *
 * Each test reads the answer as {@link LeakWords} does (case, accents, punctuation, look-alike letters and
 * leetspeak do not matter), and also in ROT13, with zero-width characters read as spaces, and inside base64 and
 * hex payloads, which are decoded and checked again ({@link EncodedPayloads}). Sharing a few common phrases with
 * the instructions ("a helpful assistant for Acme") is not a leak: it stays below every threshold. Paraphrases and
 * translations share no words with the instructions: a {@link LeakJudge} judges those. Immutable and thread-safe.
 */
public final class InstructionLeakDetector {

    /** Default: words copied in a row that count as a leak on their own. */
    public static final int DEFAULT_MIN_RUN_WORDS = 16;
    /** Default: share of the instructions' shingles repeated that counts as a leak. */
    public static final double DEFAULT_MIN_COVERAGE = 0.25;
    /** Default: the least number of repeated shingles for the coverage rule (guards very short instructions). */
    public static final int DEFAULT_MIN_SHARED_SHINGLES = 4;
    /**
     * Default: distinct shingles of the instructions that a streamed answer may repeat before the stream is
     * stopped. A verbatim copy reaches it within its first {@value #DEFAULT_MIN_STREAMED_SHINGLES} +
     * {@value WordShingles#SIZE} - 1 words.
     */
    public static final int DEFAULT_MIN_STREAMED_SHINGLES = 10;
    /**
     * Default: distinct shingles of the instructions that an answer may not repeat, whatever their share of the
     * instructions, when one piece has {@value #PIECE_RUN_WORDS} words or more: some ten words copied, in one piece
     * or several.
     */
    public static final int DEFAULT_MIN_SHARED_ANYWHERE = 6;
    /** Words in a row that the longest piece of the {@code minSharedAnywhere} rule must have. */
    public static final int PIECE_RUN_WORDS = 8;
    /** Payloads inside payloads decoded: base64 of hex, say. */
    private static final int MAX_DECODING_DEPTH = 2;

    private final int minRunWords;
    private final double minCoverage;
    private final int minSharedShingles;
    private final int minStreamedShingles;
    private final int minSharedAnywhere;

    private InstructionLeakDetector(Builder builder) {
        this.minSharedAnywhere = builder.minSharedAnywhere;
        this.minRunWords = builder.minRunWords;
        this.minCoverage = builder.minCoverage;
        this.minSharedShingles = builder.minSharedShingles;
        this.minStreamedShingles = builder.minStreamedShingles;
    }

    /** The detector with the default thresholds. */
    public static InstructionLeakDetector standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one answer.
     *
     * @param answer       the model's answer
     * @param instructions the fingerprint of the instructions the model was given
     * @param canary       the call's canary token, or null if none was planted
     */
    public LeakReport scan(String answer, InstructionFingerprint instructions, String canary) {
        return scan(answer, instructions, canary, List.of());
    }

    /**
     * Checks one answer.
     *
     * @param answer       the model's answer
     * @param instructions the fingerprint of the instructions the model was given
     * @param canary       the call's canary token, or null if none was planted
     * @param confidential values that must never appear in an answer, not even on their own
     */
    public LeakReport scan(String answer, InstructionFingerprint instructions, String canary,
                           Collection<String> confidential) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(confidential, "confidential");
        Targets targets = Targets.of(canary, confidential);
        Pass pass = scanText(answer, instructions, targets, 0);
        return pass.report();
    }

    private Pass scanText(String text, InstructionFingerprint instructions, Targets targets, int depth) {
        Pass pass = new Pass(text, instructions, targets);
        boolean ascii = LeakWords.isAscii(text);
        if (ascii) {
            LeakWords.readAscii(text, false, pass);
        } else {
            LeakWords.read(text, false, pass);
        }
        pass.finish();
        if (!ascii && hasZeroWidth(text)) { // also read them as spaces: "you\u200Bare\u200Ba" is three words
            String spacedText = zeroWidthAsSpaces(text);
            Pass spaced = new Pass(spacedText, instructions, targets);
            LeakWords.read(spacedText, false, spaced);
            spaced.finish();
            pass.merge(spaced, -1, -1);
        }
        if (depth < MAX_DECODING_DEPTH && pass.mayHidePayload) {
            for (EncodedPayloads.Payload payload : EncodedPayloads.find(text)) {
                Pass decoded = scanText(payload.text(), instructions, targets, depth + 1);
                pass.merge(decoded, payload.start(), payload.end());
            }
        }
        return pass;
    }

    private static boolean hasZeroWidth(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isZeroWidth(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u180E';
    }

    private static String zeroWidthAsSpaces(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (isZeroWidth(chars[i])) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /**
     * What an answer is searched for besides the instructions: the canary as compared and in ROT13, each with its
     * Knuth-Morris-Pratt table (so that its letters are followed one at a time, whatever comes before), and the
     * confidential values, as compared and with leetspeak signs read as letters, run together.
     */
    private record Targets(char[] canary, int[] canaryTable, char[] canaryRot13, int[] canaryRot13Table,
                           List<String> values) {

        static final Targets NONE = new Targets(null, null, null, null, List.of());

        static Targets of(String canary, Collection<String> confidential) {
            if (canary == null && confidential.isEmpty()) {
                return NONE;
            }
            char[] plain = null;
            char[] rot13 = null;
            if (canary != null) {
                plain = new char[canary.length()];
                rot13 = new char[canary.length()];
                for (int k = 0; k < plain.length; k++) {
                    char c = LeakWords.fold(canary.charAt(k));
                    plain[k] = LeakWords.same(c);
                    rot13[k] = LeakWords.same(LeakWords.rot13(c));
                }
            }
            List<String> values = confidential.isEmpty() ? List.of() : new ArrayList<>(confidential.size() * 2);
            for (String value : confidential) {
                String canonical = joined(value, false);
                if (!canonical.isEmpty()) {
                    values.add(canonical);
                    values.add(joined(value, true));
                }
            }
            return new Targets(plain, table(plain), rot13, table(rot13), values);
        }

        /** For each prefix of {@code token}, the longest proper prefix that is also its suffix. */
        private static int[] table(char[] token) {
            if (token == null) {
                return null;
            }
            int[] table = new int[token.length];
            for (int k = 1, m = 0; k < token.length; k++) {
                while (m > 0 && token[k] != token[m]) {
                    m = table[m - 1];
                }
                if (token[k] == token[m]) {
                    m++;
                }
                table[k] = m;
            }
            return table;
        }

        /** The words of {@code value} as compared (or in ROT13), run together. */
        private static String joined(String value, boolean rot13) {
            StringBuilder out = new StringBuilder(value.length());
            LeakWords.read(value, false, (word, length, hash, start, end) -> {
                for (int k = 0; k < length; k++) {
                    out.append(LeakWords.same(unleet(rot13 ? LeakWords.rot13(word[k]) : word[k])));
                }
            });
            return out.toString();
        }
    }

    /**
     * A character as confidential values are compared: leetspeak signs read as their letters wherever they stand, so
     * that a value's digits match however the answer splits or glues them ({@code 7 7 3 1}, {@code GOODWILL7731}).
     */
    private static char unleet(char c) {
        char letter = LeakWords.leet(c);
        return letter == 0 ? c : letter;
    }

    /** Runs of shingles shared with one form of the instructions (as written, or ROT13). */
    private final class Overlap {
        private LongSet shared;
        private int run;
        private int runStart;
        private int runEnd;
        private int longest;
        private List<LeakSpan> spans;

        void see(boolean match, long shingle, int start, int end) {
            if (!match) {
                close();
                return;
            }
            if (shared == null) {
                shared = new LongSet(8);
            }
            shared.add(shingle);
            if (run == 0) {
                runStart = start;
            }
            run++;
            runEnd = end;
        }

        void close() {
            if (run == 0) {
                return;
            }
            int words = run + WordShingles.SIZE - 1;
            longest = Math.max(longest, words);
            if (words >= minRunWords) {
                if (spans == null) {
                    spans = new ArrayList<>(2);
                }
                spans.add(new LeakSpan(LeakSpan.Kind.VERBATIM_RUN, runStart, runEnd));
            }
            run = 0;
        }

        int sharedCount() {
            return shared == null ? 0 : shared.size();
        }
    }

    /** One reading of one text: words into shingles, letters for the canary, words run together for values. */
    private final class Pass implements LeakWords.Sink {
        private final String text;
        private final InstructionFingerprint instructions;
        private final Targets targets;
        private final WordShingles shingles = new WordShingles();
        private final Overlap plain = new Overlap();
        private final Overlap rot13 = new Overlap();
        /** Whether there is a canary to look for. */
        private final boolean letters;
        /** Letters read, and how many letters of the canary (as compared, and in ROT13) the last ones match. */
        private long letterCount;
        private int matched;
        private int matchedRot13;
        private long canaryAt = -1;
        private final StringBuilder joined;
        private boolean[] wordStartAt;
        private int[] joinedStarts;
        private int[] joinedEnds;
        boolean mayHidePayload;
        private int hexPairs;
        // results
        private boolean leaked;
        private boolean canaryFound;
        private boolean confidentialFound;
        private double coverage;
        private int sharedShingles;
        private int longestRun;
        private List<LeakSpan> spans;

        Pass(String text, InstructionFingerprint instructions, Targets targets) {
            this.text = text;
            this.instructions = instructions;
            this.targets = targets;
            this.letters = targets.canary() != null;
            this.joined = targets.values().isEmpty() ? null : new StringBuilder(64);
        }

        @Override
        public void word(char[] word, int length, long hash, int start, int end) {
            if (shingles.add(hash, start)) {
                long shingle = shingles.shingle();
                int from = shingles.start();
                plain.see(instructions.contains(shingle), shingle, from, end);
                rot13.see(instructions.containsRot13(shingle), shingle, from, end);
            }
            if (length >= EncodedPayloads.MIN_RUN) {
                mayHidePayload = true;
            } else if (length == 2 && isHex(word[0]) && isHex(word[1]) && ++hexPairs >= 4) {
                mayHidePayload = true;
            }
            if (letters && canaryAt < 0) {
                for (int k = 0; k < length; k++) {
                    char c = word[k];
                    if (c >= 'a' && c <= 'z') {
                        letter(LeakWords.same(c));
                    }
                }
            }
            if (joined != null) {
                int at = joined.length();
                wordStartAt = growFlags(wordStartAt, at + length + 1);
                joinedStarts = grow(joinedStarts, at + length);
                joinedEnds = grow(joinedEnds, at + length);
                wordStartAt[at] = true;
                for (int k = 0; k < length; k++) {
                    joinedStarts[at + k] = start;
                    joinedEnds[at + k] = end;
                    joined.append(LeakWords.same(unleet(word[k])));
                }
            }
        }

        /** Follows the canary over one more letter. */
        private void letter(char c) {
            if (canaryAt >= 0) {
                return; // found: the first place is the one reported
            }
            letterCount++;
            matched = follow(targets.canary(), targets.canaryTable(), matched, c);
            matchedRot13 = follow(targets.canaryRot13(), targets.canaryRot13Table(), matchedRot13, c);
            if (matched == targets.canary().length || matchedRot13 == targets.canary().length) {
                canaryAt = letterCount - targets.canary().length;
            }
        }

        private static int follow(char[] token, int[] table, int matched, char c) {
            while (matched > 0 && token[matched] != c) {
                matched = table[matched - 1];
            }
            return token[matched] == c ? matched + 1 : 0;
        }

        private static boolean isHex(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }

        void finish() {
            plain.close();
            rot13.close();
            if (canaryAt >= 0) {
                canaryFound = true;
                add(new LeakSpan(LeakSpan.Kind.CANARY, letterAt(canaryAt, true),
                        letterAt(canaryAt + targets.canary().length - 1, false)));
            }
            if (joined != null) {
                wordStartAt = growFlags(wordStartAt, joined.length() + 1);
                wordStartAt[joined.length()] = true;
                for (String value : targets.values()) {
                    findValue(value);
                }
            }
            int total = instructions.shingleCount();
            double plainCoverage = total == 0 ? 0 : (double) plain.sharedCount() / total;
            double rot13Coverage = total == 0 ? 0 : (double) rot13.sharedCount() / total;
            boolean overlap = (plainCoverage >= minCoverage && plain.sharedCount() >= minSharedShingles)
                    || (rot13Coverage >= minCoverage && rot13.sharedCount() >= minSharedShingles)
                    || (plain.sharedCount() >= minSharedAnywhere && plain.longest >= PIECE_RUN_WORDS)
                    || (rot13.sharedCount() >= minSharedAnywhere && rot13.longest >= PIECE_RUN_WORDS);
            coverage = Math.max(plainCoverage, rot13Coverage);
            sharedShingles = Math.max(plain.sharedCount(), rot13.sharedCount());
            longestRun = Math.max(plain.longest, rot13.longest);
            addAll(plain.spans);
            addAll(rot13.spans);
            leaked = canaryFound || confidentialFound || longestRun >= minRunWords || overlap;
        }

        /** The original start (or end) of the word that holds letter {@code index}: read again, on a find only. */
        private int letterAt(long index, boolean start) {
            int[] found = {-1};
            long[] seen = {0};
            LeakWords.read(text, false, (word, length, hash, from, to) -> {
                if (found[0] >= 0) {
                    return;
                }
                for (int k = 0; k < length; k++) {
                    if (word[k] >= 'a' && word[k] <= 'z' && seen[0]++ == index) {
                        found[0] = start ? from : to;
                        return;
                    }
                }
            });
            return Math.max(found[0], 0);
        }

        private void findValue(String value) {
            for (int at = joined.indexOf(value); at >= 0; at = joined.indexOf(value, at + 1)) {
                int end = at + value.length();
                if (wordStartAt[at] && wordStartAt[end]) {
                    confidentialFound = true;
                    add(new LeakSpan(LeakSpan.Kind.CONFIDENTIAL, joinedStarts[at], joinedEnds[end - 1]));
                    return;
                }
            }
        }

        /** Takes in what another reading of the same text found; its spans cover [start, end) when start >= 0. */
        void merge(Pass other, int start, int end) {
            if (!other.leaked) {
                return;
            }
            leaked = true;
            canaryFound |= other.canaryFound;
            confidentialFound |= other.confidentialFound;
            coverage = Math.max(coverage, other.coverage);
            sharedShingles = Math.max(sharedShingles, other.sharedShingles);
            longestRun = Math.max(longestRun, other.longestRun);
            if (start >= 0) {
                add(new LeakSpan(LeakSpan.Kind.ENCODED, start, end));
            } else if (other.spans != null) {
                for (LeakSpan span : other.spans) {
                    if (!overlapsAny(span)) {
                        add(span);
                    }
                }
            }
        }

        private boolean overlapsAny(LeakSpan span) {
            if (spans != null) {
                for (LeakSpan s : spans) {
                    if (s.start() < span.end() && span.start() < s.end()) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void add(LeakSpan span) {
            if (spans == null) {
                spans = new ArrayList<>(2);
            }
            spans.add(span);
        }

        private void addAll(List<LeakSpan> more) {
            if (more != null) {
                for (LeakSpan span : more) {
                    add(span);
                }
            }
        }

        LeakReport report() {
            return new LeakReport(leaked, canaryFound, confidentialFound, coverage, sharedShingles, longestRun,
                    spans == null ? List.of() : spans);
        }
    }

    private static int[] grow(int[] array, int index) {
        if (array == null) {
            return new int[Math.max(32, index + 1)];
        }
        return index < array.length ? array : java.util.Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }

    private static boolean[] growFlags(boolean[] array, int size) {
        if (array == null) {
            return new boolean[Math.max(32, size)];
        }
        return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    /**
     * How many distinct shingles of {@code instructions} a streamed answer may repeat before it is stopped
     * mid-stream: {@code minStreamedShingles}, or all of them for instructions with fewer;
     * {@link Integer#MAX_VALUE} (never) for instructions with fewer than {@code minSharedShingles}, whose copy
     * only the canary and the complete answer reveal.
     */
    public int streamedShingles(InstructionFingerprint instructions) {
        Objects.requireNonNull(instructions, "instructions");
        int count = instructions.shingleCount();
        return count < minSharedShingles ? Integer.MAX_VALUE : Math.min(minStreamedShingles, count);
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private int minRunWords = DEFAULT_MIN_RUN_WORDS;
        private double minCoverage = DEFAULT_MIN_COVERAGE;
        private int minSharedShingles = DEFAULT_MIN_SHARED_SHINGLES;
        private int minStreamedShingles = DEFAULT_MIN_STREAMED_SHINGLES;
        private int minSharedAnywhere = DEFAULT_MIN_SHARED_ANYWHERE;

        private Builder() {
        }

        /** Words copied in a row that count as a leak on their own (at least {@value WordShingles#SIZE}). */
        public Builder minRunWords(int words) {
            if (words < WordShingles.SIZE) {
                throw new IllegalArgumentException("minRunWords must be at least " + WordShingles.SIZE);
            }
            this.minRunWords = words;
            return this;
        }

        /** Share of the instructions' shingles that, once repeated, counts as a leak (0 &lt; share &le; 1). */
        public Builder minCoverage(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("minCoverage must be in (0, 1]");
            }
            this.minCoverage = share;
            return this;
        }

        /** The least number of repeated shingles for the coverage rule. */
        public Builder minSharedShingles(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minSharedShingles must be at least 1");
            }
            this.minSharedShingles = count;
            return this;
        }

        /** Distinct shingles of the instructions a streamed answer may repeat before it is stopped. */
        public Builder minStreamedShingles(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minStreamedShingles must be at least 1");
            }
            this.minStreamedShingles = count;
            return this;
        }

        /** Distinct shingles of the instructions that count as a leak whatever their share of the instructions. */
        public Builder minSharedAnywhere(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minSharedAnywhere must be at least 1");
            }
            this.minSharedAnywhere = count;
            return this;
        }

        public InstructionLeakDetector build() {
            return new InstructionLeakDetector(this);
        }
    }
}
