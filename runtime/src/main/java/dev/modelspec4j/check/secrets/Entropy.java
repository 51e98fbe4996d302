package dev.modelspec4j.check.secrets;

/** Shannon entropy, in bits per character, of ASCII strings. */
final class Entropy {

    static final byte DIGIT = 1;
    static final byte LOWER = 2;
    static final byte UPPER = 4;
    static final byte HEX = 8;
    static final byte BASE64 = 16;
    /** Class bits of each ASCII character; 0 for characters outside base64. */
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT | HEX | BASE64;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = (byte) (LOWER | BASE64 | (c <= 'f' ? HEX : 0));
            CLASS[Character.toUpperCase(c)] = (byte) (UPPER | BASE64 | (c <= 'f' ? HEX : 0));
        }
        for (char c : new char[] {'+', '/', '=', '_', '-'}) {
            CLASS[c] = BASE64;
        }
    }

    private Entropy() {
    }

    /** The class bits of {@code c} ({@link #DIGIT}, {@link #LOWER}, {@link #UPPER}, {@link #HEX}, {@link #BASE64}). */
    static int classOf(char c) {
        return c < 128 ? CLASS[c] : 0;
    }

    /** {@code -sum(p * log2 p)} over the character frequencies of {@code text[start, end)}. */
    static double shannon(CharSequence text, int start, int end) {
        int length = end - start;
        if (length <= 0) {
            return 0;
        }
        int[] counts = new int[128];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            counts[c < 128 ? c : 0]++;
        }
        return shannon(counts, length);
    }

    /** The entropy of {@code length} characters with these {@code counts} (non-ASCII ones counted at 0). */
    static double shannon(int[] counts, int length) {
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * Math.log(p);
            }
        }
        return bits / Math.log(2);
    }

    static boolean isHex(char c) {
        return (classOf(c) & HEX) != 0;
    }

    /** Letters, digits and {@code + / = _ -}: the characters of base64 and base64url. */
    static boolean isBase64(char c) {
        return classOf(c) != 0;
    }

    static boolean allHex(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isHex(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text[start, end)} is a UUID ({@code 8-4-4-4-12} hex digits). */
    static boolean isUuid(CharSequence text, int start, int end) {
        if (end - start != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }
}
