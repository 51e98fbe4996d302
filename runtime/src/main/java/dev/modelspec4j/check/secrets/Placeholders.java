package dev.modelspec4j.check.secrets;

/**
 * Values that stand in for a secret without being one: masks ({@code xxxx}, {@code ****}, {@code ####},
 * {@code 1111...}),
 * template slots ({@code ${TOKEN}}, {@code {{ token }}}, {@code <your key>}, {@code [PASSWORD]}, {@code {Key}}:
 * whatever starts with {@code < $ [ {}),
 * elisions ({@code sk-...}) and words that say so ({@code YOUR_TOKEN_HERE}, {@code REPLACE_ME}).
 */
final class Placeholders {

    private static final String[] WORDS = {"your", "here", "replace", "placeholder", "changeme", "redacted",
        "dummy", "insert"};

    private Placeholders() {
    }

    /**
     * Whether {@code text[start, end)}, the body of a token or a value, is a mask: a run of four {@code x} or
     * {@code X}, a {@code ...} or {@code …}, fewer than five distinct characters, or one character making up more
     * than 60 % of it. Reads it once.
     */
    static boolean isMask(String text, int start, int end) {
        int length = end - start;
        if (length <= 0) {
            return true;
        }
        int[] counts = new int[128];
        int xs = 0;
        int dots = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            counts[c < 128 ? c : 0]++;
            xs = isMaskChar(c) ? xs + 1 : 0;
            dots = c == '.' ? dots + 1 : 0;
            if (xs >= 4 || dots >= 3 || c == '\u2026') {
                return true;
            }
        }
        return isMask(counts, length);
    }

    /** Whether four mask characters stand in a row in {@code text[start, end)} ({@code AKIAXXXXXXXXXXXXXXXX}). */
    static boolean hasMaskRun(String text, int start, int end) {
        int run = 0;
        for (int i = start; i < end; i++) {
            run = isMaskChar(text.charAt(i)) ? run + 1 : 0;
            if (run >= 4) {
                return true;
            }
        }
        return false;
    }

    /** {@code x}, {@code X}, {@code *} and {@code #}: four in a row mask a value. */
    static boolean isMaskChar(char c) {
        return c == 'x' || c == 'X' || c == '*' || c == '#';
    }

    /**
     * Whether the token ending at {@code end} is cut short by a mask or an elision right after it
     * ({@code xoxp-1234-####}, {@code sk-proj-abc...}, {@code ghp_abc…}).
     */
    static boolean elidedAfter(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        return c == '#' || c == '*' || c == '\u2026' || text.startsWith("...", end);
    }

    /**
     * Whether characters with these {@code counts} (non-ASCII ones at 0), {@code length} in all, make a mask: fewer
     * than five distinct characters in five or more, or one character making up more than 60 %.
     */
    static boolean isMask(int[] counts, int length) {
        int distinct = 0;
        int most = 0;
        for (int count : counts) {
            if (count > 0) {
                distinct++;
                most = Math.max(most, count);
            }
        }
        return distinct < 5 && length >= 5 || most * 10 > length * 6;
    }

    /** Whether {@code text[start, end)} is a template slot: it starts with {@code < $ [ {} or {@code %(}. */
    static boolean isSlot(String text, int start, int end) {
        char first = text.charAt(start);
        return first == '<' || first == '$' || first == '[' || first == '{'
                || first == '%' && end - start > 1 && text.charAt(start + 1) == '(';
    }

    /** Whether one of the words that say a value is to be filled in starts at {@code i} and ends by {@code end}. */
    static boolean wordAt(String text, int i, int end) {
        for (String word : WORDS) {
            if (i + word.length() <= end && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the value {@code text[start, end)} is a placeholder: a mask, a template slot, or a value holding one
     * of the words that say it is to be filled in ({@code YOUR_API_KEY}, {@code TOKEN_HERE}, {@code REPLACE_ME}).
     * {@code EXAMPLE} is not such a word here: vendors' documented example keys have the form of real ones and are
     * reported (see {@link SecretDetector}); the assignment rule treats it as a placeholder in values of its own.
     */
    static boolean isPlaceholder(String text, int start, int end) {
        if (end <= start || isSlot(text, start, end) || isMask(text, start, end)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            if (wordAt(text, i, end)) {
                return true;
            }
        }
        return false;
    }
}
