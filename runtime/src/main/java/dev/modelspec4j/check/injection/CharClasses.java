package dev.modelspec4j.check.injection;

/** Classes of ASCII characters for the per-character loops of the scan: one table look-up, not a chain of tests. */
final class CharClasses {

    static final int LOWER = 1;
    static final int DIGIT = 1 << 1;
    static final int UPPER = 1 << 2;
    /** Space, tab, line feed, carriage return, form feed, vertical tab. */
    static final int SPACE = 1 << 3;
    /** What may separate spaced-out letters: space {@code . - _ *}. */
    static final int SEPARATOR = 1 << 4;
    /** The two signs of base64 besides letters and digits. */
    static final int BASE64_SIGN = 1 << 5;
    /** Signs that leetspeak uses for letters: {@code @ $}. */
    static final int LEET_SIGN = 1 << 6;

    private static final byte[] FLAGS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            FLAGS[c] |= LOWER;
            FLAGS[c - 32] |= UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            FLAGS[c] |= DIGIT;
        }
        for (char c : " \t\n\r\f\u000B".toCharArray()) {
            FLAGS[c] |= SPACE;
        }
        for (char c : " .-_*".toCharArray()) {
            FLAGS[c] |= SEPARATOR;
        }
        FLAGS['+'] |= BASE64_SIGN;
        FLAGS['/'] |= BASE64_SIGN;
        FLAGS['@'] |= LEET_SIGN;
        FLAGS['$'] |= LEET_SIGN;
    }

    private CharClasses() {
    }

    /** Whether {@code c} is an ASCII character in any of the classes of {@code mask}. */
    static boolean is(char c, int mask) {
        return c < 128 && (FLAGS[c] & mask) != 0;
    }
}
