package dev.modelspec4j.check.pii;

/**
 * US social security numbers written {@code AAA-GG-SSSS}, with dots or spaces in place of the dashes (the same
 * separator twice), or as nine bare digits when a word like "SSN" or "social security" comes just before. Numbers
 * the SSA never issues are rejected: area 000, 666 or 900-999, group 00, serial 0000, and the numbers known from
 * advertising and samples (078-05-1120, 123-45-6789, 219-09-9999).
 */
final class SsnFinder {

    private static final String[] CONTEXT = {"ssn", "social security", "social sec", "ss#", "ss #", "tax id"};
    private static final int[] NEVER_ISSUED = {78051120, 123456789, 219099999};

    private SsnFinder() {
    }

    /** End of an SSN starting at {@code start}, a run of digits ending at {@code runEnd}, or -1. */
    static int match(String text, int start, int runEnd) {
        int length = runEnd - start;
        if (length == 9) {
            if (Chars.wordAt(text, runEnd) || !Chars.keywordBefore(text, start, 30, CONTEXT)) {
                return -1;
            }
            return valid(text.substring(start, runEnd)) ? runEnd : -1;
        }
        if (length != 3 || runEnd + 8 > text.length()) {
            return -1;
        }
        char separator = text.charAt(runEnd);
        if (separator != '-' && separator != '.' && separator != ' ') {
            return -1;
        }
        int groupEnd = Chars.digitsEnd(text, runEnd + 1);
        if (groupEnd != runEnd + 3 || groupEnd >= text.length() || text.charAt(groupEnd) != separator) {
            return -1;
        }
        int serialEnd = Chars.digitsEnd(text, groupEnd + 1);
        if (serialEnd != groupEnd + 5 || Chars.wordAt(text, serialEnd)) {
            return -1;
        }
        String digits = text.substring(start, runEnd) + text.substring(runEnd + 1, groupEnd)
                + text.substring(groupEnd + 1, serialEnd);
        return valid(digits) ? serialEnd : -1;
    }

    /** Whether nine digits form a number the SSA could have issued. */
    static boolean valid(String nineDigits) {
        int area = Integer.parseInt(nineDigits, 0, 3, 10);
        int group = Integer.parseInt(nineDigits, 3, 5, 10);
        int serial = Integer.parseInt(nineDigits, 5, 9, 10);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        int value = Integer.parseInt(nineDigits);
        for (int never : NEVER_ISSUED) {
            if (value == never) {
                return false;
            }
        }
        return true;
    }
}
