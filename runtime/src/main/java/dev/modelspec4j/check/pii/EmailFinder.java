package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -}, an {@code @}, and a domain of at least
 * two labels whose last label is alphabetic (two letters or more) or punycode ({@code xn--...}).
 */
final class EmailFinder {

    private EmailFinder() {
    }

    /**
     * Looks for an address around the {@code @} at {@code at}; returns the position from which the next
     * {@code @} is worth looking at.
     */
    static int at(String text, int at, List<PiiSpan> out) {
        int start = at;
        while (start > 0 && isLocalChar(text.charAt(start - 1))) {
            start--;
        }
        while (start < at && text.charAt(start) == '.') {
            start++;
        }
        int end = DomainNames.hostEnd(text, at + 1);
        if (start < at && text.charAt(at - 1) != '.' && DomainNames.isDomain(text, at + 1, end, false)) {
            out.add(new PiiSpan(PiiType.EMAIL, start, end));
        }
        return Math.max(at + 1, end);
    }

    private static boolean isLocalChar(char c) {
        return Chars.isDigit(c) || Chars.isAsciiLetter(c) || c == '.' || c == '_' || c == '%' || c == '+'
                || c == '-';
    }
}
