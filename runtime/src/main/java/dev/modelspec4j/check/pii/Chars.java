package dev.modelspec4j.check.pii;

/** Character classes shared by the finders; ASCII-only unless said otherwise. */
final class Chars {

    private static final byte DIGIT = 1;
    private static final byte LETTER = 2;
    /** Class bits of each ASCII character: one table look-up instead of range comparisons in the hot loops. */
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LETTER;
            CLASS[Character.toUpperCase(c)] = LETTER;
        }
    }

    private Chars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return c < 128 && CLASS[c] == LETTER;
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Letters and digits of any script: what must not touch a value for it to stand on its own. */
    static boolean isWordChar(char c) {
        return c < 0x80 ? CLASS[c] != 0 : Character.isLetterOrDigit(c);
    }

    /** Whether the character before {@code index} (if any) is a word character. */
    static boolean wordBefore(String text, int index) {
        return index > 0 && isWordChar(text.charAt(index - 1));
    }

    /** Whether the character at {@code index} (if any) is a word character. */
    static boolean wordAt(String text, int index) {
        return index < text.length() && isWordChar(text.charAt(index));
    }

    /** End of the run of ASCII digits starting at {@code from}. */
    static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether one of {@code words} occurs (case-insensitively) in the {@code window} characters before
     * {@code index}. The words must be lower case.
     */
    static boolean keywordBefore(String text, int index, int window, String... words) {
        int from = Math.max(0, index - window);
        String before = text.substring(from, index).toLowerCase(java.util.Locale.ROOT);
        for (String word : words) {
            if (before.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
