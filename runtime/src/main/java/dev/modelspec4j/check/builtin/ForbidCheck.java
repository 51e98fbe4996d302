package dev.modelspec4j.check.builtin;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The answer must match none of the patterns. Matching runs on the normalised answer; spans are reported in
 * the original answer. Phrases are turned into patterns by {@link #phrase(String)}, at compile time in
 * generated code. Literal patterns and phrases are found without running the regular expression over the
 * whole answer, with the same matches (see {@link ForbiddenPattern}).
 */
public final class ForbidCheck implements OutputCheck {

    private final List<ForbiddenPattern> patterns;
    private final List<String> descriptions;
    private final int lookAhead;

    /** Extra white space allowed between two words of a phrase, beyond one character, on a stream. */
    public static final int WHITE_SPACE_SLACK = 8;

    /**
     * A check whose look-ahead is unknown: on a stream it needs the whole answer.
     *
     * @param patterns compiled patterns
     * @param descriptions for each pattern, what it forbids, in words safe for the audit trail and the model
     *     (the phrase, or "pattern #n")
     */
    public ForbidCheck(List<Pattern> patterns, List<String> descriptions) {
        this(patterns, descriptions, WHOLE_ANSWER);
    }

    /**
     * @param patterns compiled patterns
     * @param descriptions for each pattern, what it forbids
     * @param lookAhead the longest match of any pattern, with the characters of context its look-arounds read,
     *     in normalised characters (see {@link #phraseLookAhead(String)}); {@link #WHOLE_ANSWER} when unbounded
     */
    public ForbidCheck(List<Pattern> patterns, List<String> descriptions, int lookAhead) {
        if (patterns.size() != descriptions.size()) {
            throw new IllegalArgumentException("one description per pattern");
        }
        if (lookAhead < 1) {
            throw new IllegalArgumentException("lookAhead must be positive, not " + lookAhead);
        }
        List<ForbiddenPattern> scans = new ArrayList<>(patterns.size());
        for (Pattern pattern : patterns) {
            scans.add(ForbiddenPattern.of(pattern));
        }
        this.patterns = List.copyOf(scans);
        this.descriptions = List.copyOf(descriptions);
        this.lookAhead = lookAhead;
    }

    /**
     * The form generated classes use: regular expressions, compiled here once.
     *
     * @param lookAhead as in {@link #ForbidCheck(List, List, int)}
     * @param patterns regular expressions, flags inline
     * @param descriptions for each pattern, what it forbids
     */
    public ForbidCheck(int lookAhead, String[] patterns, String[] descriptions) {
        this(compile(patterns), List.of(descriptions), lookAhead);
    }

    static List<Pattern> compile(String[] patterns) {
        List<Pattern> compiled = new ArrayList<>(patterns.length);
        for (String p : patterns) {
            compiled.add(Pattern.compile(p));
        }
        return compiled;
    }

    @Override
    public int lookAhead() {
        return lookAhead;
    }

    /**
     * The look-ahead a phrase needs on a stream: its normalised length, {@link #WHITE_SPACE_SLACK} more
     * characters per gap between words (the phrase matches whatever the white space), and one character on
     * each side for the whole-word test.
     */
    public static int phraseLookAhead(String phrase) {
        String[] words = phrase.strip().split("\\s+");
        int length = words.length - 1;
        for (String word : words) {
            length += TextNormalizer.normalize(word).text().length();
        }
        return length + (words.length - 1) * WHITE_SPACE_SLACK + 2;
    }

    @Override
    public List<Finding> check(String answer) {
        NormalizedText normalized = TextNormalizer.normalize(answer);
        List<Finding> findings = new ArrayList<>(0);
        for (int p = 0; p < patterns.size(); p++) {
            int[] matches = patterns.get(p).matches(normalized.text());
            if (matches == null) {
                continue;
            }
            List<Span> spans = new ArrayList<>(matches.length / 2);
            for (int k = 0; k < matches.length; k += 2) {
                spans.add(new Span(normalized.originalStart(matches[k]), normalized.originalEnd(matches[k + 1])));
            }
            findings.add(new Finding(
                    "The answer must not contain " + descriptions.get(p) + ".",
                    descriptions.get(p) + " matched " + spans.size() + (spans.size() == 1 ? " time" : " times"),
                    spans));
        }
        return findings;
    }

    @Override
    public boolean supportsRedaction() {
        return true;
    }

    /**
     * The regular expression for a forbidden phrase: case-insensitive, any white space between words, whole
     * words only where the phrase starts or ends with a letter or digit.
     */
    public static String phrase(String phrase) {
        String[] words = phrase.strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?iu)");
        if (Character.isLetterOrDigit(phrase.strip().codePointAt(0))) {
            regex.append("(?<![\\p{L}\\p{N}])");
        }
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        String stripped = phrase.strip();
        if (Character.isLetterOrDigit(stripped.codePointBefore(stripped.length()))) {
            regex.append("(?![\\p{L}\\p{N}])");
        }
        return regex.toString();
    }
}
