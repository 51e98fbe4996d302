package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -}, an {@code @}, and a domain of at least
 * two labels whose last label is alphabetic (two letters or more) or punycode ({@code xn--...}). Letters and digits
 * of any script are allowed in the local part and the domain (RFC 6531 addresses such as
 * {@code zoë.müller@bücher.ch}); {@link ObfuscatedEmails} finds addresses written with words for the signs.
 */
final class EmailFinder {

    private EmailFinder() {
    }

    /**
     * Looks for an address around the {@code @} at {@code at}; returns the position from which the next
     * {@code @} is worth looking at.
     */
    static int at(String text, int at, List<PiiSpan> out) {
        int start = localStart(text, at);
        int end = DomainNames.hostEnd(text, at + 1, true);
        if (start < at && text.charAt(at - 1) != '.' && DomainNames.isDomain(text, at + 1, end, false, true)) {
            out.add(new PiiSpan(PiiType.EMAIL, start, end));
        }
        return Math.max(at + 1, end);
    }

    /** Start of the local part that ends at {@code end}: {@code end} itself if there is none. */
    static int localStart(String text, int end) {
        int start = end;
        while (start > 0 && isLocalChar(text.charAt(start - 1))) {
            start--;
        }
        while (start < end && text.charAt(start) == '.') {
            start++;
        }
        return start;
    }

    static boolean isLocalChar(char c) {
        return Chars.isDigit(c) || Chars.isAsciiLetter(c) || c == '.' || c == '_' || c == '%' || c == '+'
                || c == '-' || (c >= 0x80 && DomainNames.isUnicodeWordPart(c));
    }
}
