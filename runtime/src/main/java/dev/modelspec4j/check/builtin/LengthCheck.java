package dev.modelspec4j.check.builtin;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import java.util.ArrayList;
import java.util.List;

/** Bounds on the length of the answer; a bound of 0 is not checked. See {@code @Length}. */
public final class LengthCheck implements OutputCheck {

    private final int maxChars;
    private final int maxWords;
    private final int maxSentences;
    private final int minChars;

    public LengthCheck(int maxChars, int maxWords, int maxSentences, int minChars) {
        if (maxChars < 0 || maxWords < 0 || maxSentences < 0 || minChars < 0) {
            throw new IllegalArgumentException("length bounds must not be negative");
        }
        this.maxChars = maxChars;
        this.maxWords = maxWords;
        this.maxSentences = maxSentences;
        this.minChars = minChars;
    }

    @Override
    public List<Finding> check(String answer) {
        String text = answer.strip();
        List<Finding> findings = new ArrayList<>(1);
        int chars = text.length();
        if (maxChars > 0 && chars > maxChars) {
            findings.add(Finding.of(
                    "The answer has " + chars + " characters; it must have at most " + maxChars + ".",
                    chars + " chars > max " + maxChars));
        }
        if (minChars > 0 && chars < minChars) {
            findings.add(Finding.of(
                    "The answer has " + chars + " characters; it must have at least " + minChars + ".",
                    chars + " chars < min " + minChars));
        }
        if (maxWords > 0) {
            int words = countWords(text);
            if (words > maxWords) {
                findings.add(Finding.of(
                        "The answer has " + words + " words; it must have at most " + maxWords + ".",
                        words + " words > max " + maxWords));
            }
        }
        if (maxSentences > 0) {
            int sentences = countSentences(text);
            if (sentences > maxSentences) {
                findings.add(Finding.of(
                        "The answer has " + sentences + " sentences; it must have at most " + maxSentences + ".",
                        sentences + " sentences > max " + maxSentences));
            }
        }
        return findings;
    }

    /**
     * Upper bounds need no look-ahead: a prefix that passes one already breaks it. A lower bound
     * ({@code minChars}) can only be judged on the whole answer.
     */
    @Override
    public int lookAhead() {
        return minChars > 0 ? WHOLE_ANSWER : 0;
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
            i += Character.charCount(cp);
        }
        return words;
    }

    static int countSentences(String text) {
        int sentences = 0;
        boolean pending = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean terminator = c == '.' || c == '!' || c == '?' || c == '\u3002';
            boolean atBreak = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))
                    || c == '\u3002';
            if (terminator && atBreak) {
                if (pending) {
                    sentences++;
                    pending = false;
                }
            } else if (Character.isLetterOrDigit(c)) {
                pending = true;
            }
        }
        return pending ? sentences + 1 : sentences;
    }
}
