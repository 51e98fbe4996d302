package dev.modelspec4j.check.builtin;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link ForbidCheck} finds the matches of one pattern: the same matches as a {@code Matcher.find()} loop
 * over the text, faster for the two common shapes, a literal ({@link LiteralPattern}) and a phrase made by
 * {@link ForbidCheck#phrase(String)} ({@link PhrasePattern}); any other pattern runs that loop. Immutable and
 * thread-safe.
 */
abstract class ForbiddenPattern {

    /** The fastest exact way to find the matches of {@code pattern}. */
    static ForbiddenPattern of(Pattern pattern) {
        ForbiddenPattern literal = LiteralPattern.of(pattern);
        if (literal != null) {
            return literal;
        }
        ForbiddenPattern phrase = PhrasePattern.of(pattern);
        return phrase != null ? phrase : new Regex(pattern);
    }

    /**
     * Whether {@code pattern} was compiled with no flags but those its text sets inline ({@code inline}): its
     * {@code flags()} are what compile was given or, on older JDKs, the flags in force at the end of the pattern.
     */
    static boolean hasOnlyInlineFlags(Pattern pattern, int inline) {
        return pattern.flags() == 0 || pattern.flags() == inline;
    }

    /**
     * The non-empty matches in {@code text}, leftmost first, as a {@code Matcher.find()} loop reports them:
     * start and end of each, in pairs; {@code null} when there is none.
     */
    abstract int[] matches(String text);

    /** Start and end pairs collected one match at a time. */
    static final class Matches {

        private int[] pairs = new int[4];
        private int size;

        /** Adds a match to {@code matches}, a new collection when it is {@code null}; returns the collection. */
        static Matches add(Matches matches, int start, int end) {
            Matches to = matches == null ? new Matches() : matches;
            if (to.size == to.pairs.length) {
                to.pairs = Arrays.copyOf(to.pairs, to.size * 2);
            }
            to.pairs[to.size++] = start;
            to.pairs[to.size++] = end;
            return to;
        }

        /** The pairs of {@code matches}, {@code null} when it is {@code null}. */
        static int[] toArray(Matches matches) {
            return matches == null ? null : Arrays.copyOf(matches.pairs, matches.size);
        }
    }

    /** Any other pattern: the regular-expression engine, one {@code find()} after the other. */
    private static final class Regex extends ForbiddenPattern {

        private final Pattern pattern;

        Regex(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        int[] matches(String text) {
            Matcher m = pattern.matcher(text);
            Matches found = null;
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                found = Matches.add(found, m.start(), m.end());
            }
            return Matches.toArray(found);
        }
    }
}
