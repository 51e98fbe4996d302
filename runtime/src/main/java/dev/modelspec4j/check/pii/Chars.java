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

    /** The upper case of an ASCII letter; any other character as it is. */
    static char toUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Letters and digits of any script: what must not touch a value for it to stand on its own. Scripts written
     * without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar) are the exception: there a
     * number sits right against the words around it ({@code 電話番号は090-1234-5678です}).
     */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return CLASS[c] != 0;
        }
        return Character.isLetterOrDigit(c) && !unspaced(c);
    }

    private static boolean unspaced(char c) {
        if (c < 0x0E00) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
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
