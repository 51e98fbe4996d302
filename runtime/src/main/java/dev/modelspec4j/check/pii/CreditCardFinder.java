package dev.modelspec4j.check.pii;

/**
 * Payment card numbers: 12 to 19 digits, either in one run or in groups of 3 to 6 digits joined by one and the
 * same separator (a space, a dash or a dot; after {@link NumericFolding} any Unicode dash is a dash), starting with a digit of an issued range (1 to 6) and passing Luhn.
 */
final class CreditCardFinder {

    private static final int MIN_DIGITS = 12;
    static final int MAX_DIGITS = 19;

    private CreditCardFinder() {
    }

    /**
     * Whether a number of {@code count} digits with this prefix can be a card: Visa 13, 16 or 19 digits;
     * Mastercard (51-55, 2221-2720) 16; American Express (34, 37) 15; Diners Club (30, 36, 38, 39) and JCB (35)
     * 14 to 19; Maestro (50, 56-69) 12 to 19, Discover and UnionPay (6) 16 to 19; UATP (1) 15.
     */
    static boolean issuedLength(int[] digits, int count) {
        int two = digits[0] * 10 + digits[1];
        int four = two * 100 + digits[2] * 10 + digits[3];
        return switch (digits[0]) {
            case 1 -> count == 15;
            case 2 -> four >= 2221 && four <= 2720 && count == 16;
            case 3 -> two == 34 || two == 37 ? count == 15
                    : (two == 30 || two == 35 || two == 36 || two == 38 || two == 39) && count >= 14;
            case 4 -> count == 13 || count == 16 || count == 19;
            case 5 -> two >= 51 && two <= 55 ? count == 16 : two == 50 || two >= 56;
            case 6 -> count >= 12;
            default -> false;
        };
    }

    /**
     * Whether a group of one or two digits comes just before {@code start} or just after {@code end}, across one
     * separator: the number is part of a longer grouped one (an IBAN's check digits or its short last group),
     * not a card of its own.
     */
    private static boolean groupedAround(String text, int start, int end) {
        if (start >= 2 && isSeparator(text.charAt(start - 1))) {
            int runStart = start - 1;
            while (runStart > 0 && Chars.isDigit(text.charAt(runStart - 1))) {
                runStart--;
            }
            int size = start - 1 - runStart;
            if (size >= 1 && size <= 2) {
                return true;
            }
        }
        if (end + 1 < text.length() && isSeparator(text.charAt(end))) {
            int size = Chars.digitsEnd(text, end + 1) - (end + 1);
            return size >= 1 && size <= 2;
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }

    /**
     * End of a card number starting at {@code start} (first group ends at {@code runEnd}), or -1; {@code digits}
     * has room for {@link #MAX_DIGITS}.
     */
    static int match(String text, int start, int runEnd, int[] digits) {
        int count = runEnd - start;
        if (count > MAX_DIGITS) {
            return -1;
        }
        for (int k = 0; k < count; k++) {
            digits[k] = text.charAt(start + k) - '0';
        }
        int end = runEnd;
        if (count < MIN_DIGITS) {
            if (count < 3 || count > 6 || end >= text.length()) {
                return -1;
            }
            char separator = text.charAt(end);
            if (separator != ' ' && separator != '-' && separator != '.') {
                return -1;
            }
            while (end < text.length() && text.charAt(end) == separator) {
                int groupStart = end + 1;
                int groupEnd = Chars.digitsEnd(text, groupStart);
                int size = groupEnd - groupStart;
                if (size < 3 || size > 6 || count + size > MAX_DIGITS) {
                    break;
                }
                for (int k = 0; k < size; k++) {
                    digits[count + k] = text.charAt(groupStart + k) - '0';
                }
                count += size;
                end = groupEnd;
            }
        }
        if (count < MIN_DIGITS || Chars.wordAt(text, end) || !issuedLength(digits, count)
                || groupedAround(text, start, end)) {
            return -1;
        }
        return Checksums.luhn(digits, count) ? end : -1;
    }
}
