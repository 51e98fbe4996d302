package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/** The loop of the finders for numbers: try a match at every run of digits that does not continue a word. */
final class DigitRuns {

    /** Matches a number starting at a digit run. */
    interface Matcher {

        /** End of the value starting at {@code start} (its first digit run ends at {@code runEnd}), or -1. */
        int match(String text, int start, int runEnd);
    }

    private DigitRuns() {
    }

    static void scan(String text, PiiType type, List<PiiSpan> out, Matcher matcher) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int runEnd = Chars.digitsEnd(text, i);
            if (!Chars.wordBefore(text, i)) {
                int end = matcher.match(text, i, runEnd);
                if (end > 0) {
                    out.add(new PiiSpan(type, i, end));
                    i = end;
                    continue;
                }
            }
            i = runEnd;
        }
    }
}
