package dev.modelspec4j.internal;

import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.check.builtin.LengthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Named factories for the built-in checks whose constructors take several numbers or parallel arrays, so that
 * generated code says what each value is: {@code Checks.length().maxWords(80).build()}.
 */
public final class Checks {

    private Checks() {
    }

    /** A {@code @Length} check; every bound not set is 0, which means none. */
    public static Length length() {
        return new Length();
    }

    /** A {@code @Forbid} check; give it at least one phrase or pattern. */
    public static Forbid forbid() {
        return new Forbid();
    }

    /** Builds a {@link LengthCheck}. */
    public static final class Length {
        private int maxChars;
        private int maxWords;
        private int maxSentences;
        private int minChars;

        private Length() {
        }

        public Length maxChars(int maxChars) {
            this.maxChars = maxChars;
            return this;
        }

        public Length maxWords(int maxWords) {
            this.maxWords = maxWords;
            return this;
        }

        public Length maxSentences(int maxSentences) {
            this.maxSentences = maxSentences;
            return this;
        }

        public Length minChars(int minChars) {
            this.minChars = minChars;
            return this;
        }

        public OutputCheck build() {
            return new LengthCheck(maxChars, maxWords, maxSentences, minChars);
        }
    }

    /**
     * Builds a {@link ForbidCheck}. Its look-ahead, how many characters of a streamed answer one match can span, is
     * the longest look-ahead of its phrases, raised by {@link #lookAhead(int)} when a pattern spans more; with
     * {@link #wholeAnswer()} the check needs the whole answer.
     */
    public static final class Forbid {
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<String> descriptions = new ArrayList<>();
        private int lookAhead;
        private boolean wholeAnswer;

        private Forbid() {
        }

        /** A phrase: case-insensitive, any white space between words, whole words (see {@link ForbidCheck#phrase}). */
        public Forbid phrase(String phrase) {
            patterns.add(Pattern.compile(ForbidCheck.phrase(phrase)));
            descriptions.add("the phrase \"" + phrase.strip() + "\"");
            lookAhead = Math.max(lookAhead, ForbidCheck.phraseLookAhead(phrase));
            return this;
        }

        /** A regular expression, flags inline, described as "the pattern ..." in violations. */
        public Forbid pattern(String regex) {
            return pattern(regex, "the pattern " + regex);
        }

        /** A regular expression, flags inline, and what it forbids in words. */
        public Forbid pattern(String regex, String description) {
            patterns.add(Pattern.compile(regex));
            descriptions.add(description);
            return this;
        }

        /** The longest text, in characters, that one match of a pattern can span. */
        public Forbid lookAhead(int characters) {
            if (characters < 0) {
                throw new IllegalArgumentException("lookAhead must not be negative: " + characters);
            }
            lookAhead = Math.max(lookAhead, characters);
            return this;
        }

        /** A pattern has no bound on its length: the check judges only the whole answer. */
        public Forbid wholeAnswer() {
            wholeAnswer = true;
            return this;
        }

        public OutputCheck build() {
            if (patterns.isEmpty()) {
                throw new IllegalStateException("a forbid check needs a phrase or a pattern");
            }
            return new ForbidCheck(patterns, descriptions, wholeAnswer ? OutputCheck.WHOLE_ANSWER : lookAhead);
        }
    }
}
