package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/**
 * IP addresses. IPv4: four decimal octets 0-255 joined by dots, not glued to letters or further digits. IPv6:
 * eight groups of 1-4 hex digits, or fewer around one {@code ::}, optionally ending in an IPv4 address; a zone
 * ({@code %eth0}) is kept. A CIDR suffix is part of the span when it is a valid prefix length (≤ 32, ≤ 128).
 */
final class IpAddressFinder {

    private IpAddressFinder() {
    }

    /** End of an IPv4 address (with its prefix length, if any) starting at the digit run at {@code start}, or -1. */
    static int ipv4At(String text, int start) {
        int end = ipv4End(text, start, text.length());
        return end > 0 && !Chars.wordAt(text, end) ? withPrefix(text, end, 32) : -1;
    }

    /** End of a dotted quad starting at {@code start} and ending before {@code limit}, or -1. */
    static int ipv4End(String text, int start, int limit) {
        int pos = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (pos >= limit || text.charAt(pos) != '.') {
                    return -1;
                }
                pos++;
            }
            int end = Chars.digitsEnd(text, pos);
            end = Math.min(end, limit);
            if (end == pos || end - pos > 3 || Integer.parseInt(text, pos, end, 10) > 255) {
                return -1;
            }
            if (end < limit && end < text.length() && Chars.isDigit(text.charAt(end))) {
                return -1;
            }
            pos = end;
        }
        return pos;
    }

    /**
     * Looks for an IPv6 address around the colon at {@code colon}; returns the position from which the next colon
     * is worth looking at ({@link Integer#MAX_VALUE} when the address runs to the end of the text).
     */
    static int ipv6At(String text, int colon, List<PiiSpan> out) {
        int n = text.length();
        int start = colon;
        while (start > 0 && isIpv6Char(text.charAt(start - 1))) {
            start--;
        }
        int end = colon;
        while (end < n && isIpv6Char(text.charAt(end))) {
            end++;
        }
        while (end > colon && text.charAt(end - 1) == '.') {
            end--; // a sentence full stop
        }
        if (!Chars.wordBefore(text, start) && validIpv6(text, start, end)) {
            int spanEnd = end;
            if (spanEnd + 1 < n && text.charAt(spanEnd) == '%' && Chars.isWordChar(text.charAt(spanEnd + 1))) {
                spanEnd++;
                while (spanEnd < n && Chars.isWordChar(text.charAt(spanEnd))) {
                    spanEnd++;
                }
            }
            if (!Chars.wordAt(text, spanEnd)) {
                out.add(new PiiSpan(PiiType.IP_ADDRESS, start, withPrefix(text, spanEnd, 128)));
            }
        }
        return end < n ? Math.max(end, colon + 1) : Integer.MAX_VALUE;
    }

    private static boolean isIpv6Char(char c) {
        return Chars.isHex(c) || c == ':' || c == '.';
    }

    /** Whether {@code text[start, end)} is an IPv6 address in any of its textual forms. */
    static boolean validIpv6(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        String s = text.substring(start, end);
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int groups;
        if (doubleColon < 0) {
            groups = countGroups(s, 0, s.length());
            return groups == 8;
        }
        int head = doubleColon == 0 ? 0 : countGroups(s, 0, doubleColon);
        int tail = doubleColon + 2 == s.length() ? 0 : countGroups(s, doubleColon + 2, s.length());
        return head >= 0 && tail >= 0 && head + tail <= 7;
    }

    /** Number of 16-bit groups in a colon-separated list (a trailing dotted quad counts two), or -1 if malformed. */
    private static int countGroups(String s, int from, int to) {
        int groups = 0;
        int pos = from;
        while (pos <= to) {
            int next = s.indexOf(':', pos);
            if (next < 0 || next > to) {
                next = to;
            }
            if (next == pos) {
                return -1;
            }
            boolean last = next == to;
            if (s.indexOf('.', pos) >= 0 && s.indexOf('.', pos) < next) {
                if (!last || ipv4End(s, pos, next) != next) {
                    return -1;
                }
                groups += 2;
            } else {
                if (next - pos > 4) {
                    return -1;
                }
                for (int k = pos; k < next; k++) {
                    if (!Chars.isHex(s.charAt(k))) {
                        return -1;
                    }
                }
                groups++;
            }
            pos = next + 1;
        }
        return groups;
    }

    /** {@code end}, extended over {@code /n} when {@code n} is a valid prefix length. */
    private static int withPrefix(String text, int end, int max) {
        if (end + 1 < text.length() && text.charAt(end) == '/' && Chars.isDigit(text.charAt(end + 1))) {
            int prefixEnd = Chars.digitsEnd(text, end + 1);
            if (prefixEnd - end - 1 <= 3 && Integer.parseInt(text, end + 1, prefixEnd, 10) <= max
                    && !Chars.wordAt(text, prefixEnd)) {
                return prefixEnd;
            }
        }
        return end;
    }
}
