package dev.modelspec4j.check.pii;

/**
 * Telephone numbers, conservatively. Accepted shapes:
 * <ul>
 *   <li>international: {@code +} and 8 to 15 digits (E.164), in groups separated by single spaces, dashes or
 *       dots, a group may be in parentheses: {@code +44 (20) 7123 4567}, {@code +14155550132};</li>
 *   <li>North-American: {@code (415) 555-0132}, {@code 415-555-0132}, {@code 415.555.0132}, {@code 415 555 0132},
 *       optionally after a 1-3 digit country code ({@code 1-415-555-0132}); area and exchange start with 2-9;</li>
 *   <li>national with a trunk 0: two to four groups of 2+ digits joined by dashes or spaces, 9 to 11 digits in all
 *       ({@code 090-1234-5678}, {@code 09-7625400});</li>
 *   <li>a bare run of 10 to 12 digits only when "phone", "mobile", "call", "number" or a similar word comes just
 *       before, and no word such as "card" or "account".</li>
 * </ul>
 */
/** Not thread-safe: one instance per scan, for its scratch arrays. */
final class PhoneFinder {

    private static final int MAX_GROUPS = 8;
    private static final String[] CONTEXT = {"phone", "tel", "mobile", "cell", "call", "fax", "whatsapp", "sms",
        "number", "contact"};
    private static final String[] NOT_PHONE = {"card", "account", "order", "invoice", "iban", "ssn", "social",
        "tracking", "serial"};

    private final int[] groupStart = new int[MAX_GROUPS];
    private final int[] groupEnd = new int[MAX_GROUPS];
    private final char[] separator = new char[MAX_GROUPS];
    private final boolean[] paren = new boolean[MAX_GROUPS];

    /**
     * End of a phone number starting at {@code i}, or -1; {@code i} holds a {@code +}, a {@code (} or the first
     * digit of a run.
     */
    int at(String text, int i) {
        char c = text.charAt(i);
        if (Chars.wordBefore(text, i) || (Chars.isDigit(c) && insideNumber(text, i))) {
            return -1;
        }
        int groups = readGroups(text, i, groupStart, groupEnd, separator, paren);
        if (groups == 0) {
            return -1;
        }
        return c == '+'
                ? international(text, groupStart, groupEnd, groups)
                : national(text, i, groupStart, groupEnd, separator, paren, groups);
    }

    /**
     * Reads digit groups from {@code start}: an optional {@code +}, then groups (bare or parenthesised) joined by
     * one space, dash or dot. {@code separator[g]} is the character before group {@code g} (0 for none).
     */
    private static int readGroups(String text, int start, int[] gs, int[] ge, char[] sep, boolean[] paren) {
        int n = text.length();
        int pos = text.charAt(start) == '+' ? start + 1 : start;
        int groups = 0;
        char before = 0;
        while (groups < MAX_GROUPS && pos < n) {
            boolean inParen = text.charAt(pos) == '(';
            int digitsStart = inParen ? pos + 1 : pos;
            int digitsEnd = Chars.digitsEnd(text, digitsStart);
            if (digitsEnd == digitsStart || (inParen && (digitsEnd >= n || text.charAt(digitsEnd) != ')'
                    || digitsEnd - digitsStart > 4))) {
                break;
            }
            gs[groups] = digitsStart;
            ge[groups] = digitsEnd;
            sep[groups] = before;
            paren[groups] = inParen;
            groups++;
            pos = inParen ? digitsEnd + 1 : digitsEnd;
            if (pos >= n) {
                break;
            }
            char next = text.charAt(pos);
            if ((next == ' ' || next == '-' || next == '.') && pos + 1 < n
                    && (Chars.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '(')) {
                before = next;
                pos++;
            } else if (inParen && Chars.isDigit(next)) {
                before = 0;
            } else {
                break;
            }
        }
        return groups;
    }

    /** Whether {@code i} follows a digit and one separator: the middle of a longer number, not a phone's start. */
    private static boolean insideNumber(String text, int i) {
        if (i < 2) {
            return false;
        }
        char separator = text.charAt(i - 1);
        return (separator == ' ' || separator == '-' || separator == '.' || separator == '/')
                && Chars.isDigit(text.charAt(i - 2));
    }

    /** {@code +} and 8 to 15 digits in all: the whole run of groups. */
    private static int international(String text, int[] gs, int[] ge, int groups) {
        int digits = 0;
        for (int g = 0; g < groups; g++) {
            digits += ge[g] - gs[g];
        }
        int end = closingEnd(text, ge[groups - 1]);
        return digits >= 8 && digits <= 15 && !Chars.wordAt(text, end) ? end : -1;
    }

    private static int national(String text, int start, int[] gs, int[] ge, char[] sep, boolean[] paren, int groups) {
        for (int offset = 0; offset <= 1 && offset + 3 <= groups; offset++) {
            int end = northAmerican(text, gs, ge, sep, paren, offset);
            if (end > 0) {
                return end;
            }
        }
        int end = trunkZero(text, gs, ge, sep, paren, groups);
        if (end > 0) {
            return end;
        }
        int digits = ge[0] - gs[0];
        if (groups == 1 && !paren[0] && digits >= 10 && digits <= 12 && !Chars.wordAt(text, ge[0])
                && Chars.keywordBefore(text, start, 30, CONTEXT)
                && !Chars.keywordBefore(text, start, 30, NOT_PHONE)) {
            return ge[0];
        }
        return -1;
    }

    /** {@code [cc sep] (AAA) EEE-NNNN} or {@code AAA sep EEE sep NNNN}, starting at group {@code offset}. */
    private static int northAmerican(String text, int[] gs, int[] ge, char[] sep, boolean[] paren, int offset) {
        int area = offset;
        int exchange = offset + 1;
        int line = offset + 2;
        if (ge[area] - gs[area] != 3 || ge[exchange] - gs[exchange] != 3 || ge[line] - gs[line] != 4
                || paren[exchange] || paren[line]
                || text.charAt(gs[area]) < '2' || text.charAt(gs[exchange]) < '2') {
            return -1;
        }
        char s = sep[line];
        if (s == 0 || (!paren[area] && sep[exchange] != s)) {
            return -1;
        }
        if (offset == 1 && (paren[0] || ge[0] - gs[0] > 3 || sep[area] != s)) {
            return -1;
        }
        int end = ge[line];
        boolean continues = end + 1 < text.length() && text.charAt(end) == s && Chars.isDigit(text.charAt(end + 1));
        return continues || Chars.wordAt(text, end) ? -1 : end;
    }

    /** {@code 0AA-NNNNNNN}, {@code 0AA NNNN NNNN}: trunk prefix 0, 2 to 4 groups, 9 to 11 digits. */
    private static int trunkZero(String text, int[] gs, int[] ge, char[] sep, boolean[] paren, int groups) {
        if (groups < 2 || groups > 4 || text.charAt(gs[0]) != '0') {
            return -1;
        }
        char s = sep[1];
        int digits = 0;
        for (int g = 0; g < groups; g++) {
            int size = ge[g] - gs[g];
            if (paren[g] || size < 2 || (g > 0 && sep[g] != s) || (s != '-' && s != ' ')) {
                return -1;
            }
            digits += size;
        }
        int end = ge[groups - 1];
        return digits >= 9 && digits <= 11 && !Chars.wordAt(text, end) ? end : -1;
    }

    /** Just past a closing parenthesis if the last group was in parentheses. */
    private static int closingEnd(String text, int groupEnd) {
        return groupEnd < text.length() && text.charAt(groupEnd) == ')' ? groupEnd + 1 : groupEnd;
    }
}
