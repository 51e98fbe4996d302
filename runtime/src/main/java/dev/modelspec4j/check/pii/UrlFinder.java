package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Web addresses: {@code scheme://host...} for the schemes http, https, ftp, ftps, sftp, ws and wss with a domain
 * name as host (an IP-literal host is reported as an IP address instead), {@code www.} names, and bare domain
 * names whose top-level domain is a well-known one. A URL runs to the next space or quote; trailing
 * punctuation that ends a sentence is not part of it.
 */
final class UrlFinder {

    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "ftps", "sftp", "ws", "wss");

    private UrlFinder() {
    }

    /**
     * Looks for a URL whose {@code ://} is at {@code marker}; returns the position from which the next
     * {@code ://} is worth looking at.
     */
    static int schemeAt(String text, int marker, List<PiiSpan> out) {
        int start = marker;
        while (start > 0 && Chars.isAsciiLetter(text.charAt(start - 1))) {
            start--;
        }
        int next = marker + 3;
        if (start < marker && !Chars.wordBefore(text, start)
                && SCHEMES.contains(text.substring(start, marker).toLowerCase(Locale.ROOT))) {
            int hostStart = marker + 3;
            int userInfoEnd = userInfoEnd(text, hostStart);
            if (userInfoEnd > 0) {
                hostStart = userInfoEnd + 1;
            }
            int hostEnd = DomainNames.hostEnd(text, hostStart);
            if (DomainNames.isDomain(text, hostStart, hostEnd, false)
                    && !Chars.wordAt(text, hostEnd)) {
                int end = pathEnd(text, hostEnd);
                out.add(new PiiSpan(PiiType.URL, start, end));
                next = end;
            }
        }
        return next;
    }

    /** Position of the {@code @} ending a {@code user:password@} part right after the scheme, or -1. */
    private static int userInfoEnd(String text, int from) {
        for (int i = from; i < text.length() && i < from + 256; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return i > from ? i : -1;
            }
            if (c == '/' || c == ' ' || c == '?' || c == '#' || c == '\n' || c == '"' || c == '\'') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Looks for a bare domain name (or {@code www.} name) around the dot at {@code dot}, which has two characters
     * after it; returns the position from which the next dot is worth looking at.
     */
    static int dotAt(String text, int dot, List<PiiSpan> out) {
        int n = text.length();
        int next = dot + 1;
        if (dot > 0 && Chars.isWordChar(text.charAt(dot - 1)) && Chars.isAsciiLetter(text.charAt(dot + 1))) {
            int start = dot;
            while (start > 0 && DomainNames.isHostChar(text.charAt(start - 1))) {
                start--;
            }
            int hostEnd = DomainNames.hostEnd(text, start);
            char before = start > 0 ? text.charAt(start - 1) : ' ';
            boolean partOfSomethingElse = before == '@' || before == '/' || before == ':'
                    || Chars.wordBefore(text, start);
            if (!partOfSomethingElse && !Chars.wordAt(text, hostEnd) && (hostEnd >= n || text.charAt(hostEnd) != '@')
                    && (DomainNames.isDomain(text, start, hostEnd, true) || isWwwName(text, start, hostEnd))) {
                int end = hostEnd < n && text.charAt(hostEnd) == '/' ? pathEnd(text, hostEnd) : hostEnd;
                out.add(new PiiSpan(PiiType.URL, start, end));
                // A name inside this URL's path would give a shorter span that the longer one replaces anyway;
                // skipping the path keeps the scan linear when paths hold names (a.com/)a.com/)...).
                next = Math.max(next, end);
            }
            next = Math.max(next, hostEnd);
        }
        return next;
    }

    private static boolean isWwwName(String text, int start, int end) {
        return text.regionMatches(true, start, "www.", 0, 4) && text.indexOf('.', start + 4) > 0
                && text.indexOf('.', start + 4) < end && DomainNames.isDomain(text, start, end, false);
    }

    /** End of the port, path, query and fragment after a host, without sentence punctuation at the end. */
    private static int pathEnd(String text, int from) {
        int end = from;
        int n = text.length();
        while (end < n) {
            char c = text.charAt(end);
            if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}'
                    || c == '|' || c == '\\' || c == '^') {
                break;
            }
            end++;
        }
        // depth of ( ) and of [ ] over [from, end), kept as the end moves back: linear however many are trimmed
        // (counted only when a closing one is at the end)
        int parens = Integer.MAX_VALUE;
        int brackets = Integer.MAX_VALUE;
        while (end > from) {
            char last = text.charAt(end - 1);
            if (last == ')' && parens == Integer.MAX_VALUE) {
                parens = depth(text, from, end, '(', ')');
            } else if (last == ']' && brackets == Integer.MAX_VALUE) {
                brackets = depth(text, from, end, '[', ']');
            }
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?'
                    || (last == ')' && parens < 0) || (last == ']' && brackets < 0)) {
                end--;
                parens += last == ')' ? 1 : 0;
                brackets += last == ']' ? 1 : 0;
            } else {
                break;
            }
        }
        return end;
    }

    /** Openings less closings of {@code open} and {@code close} in {@code text[from, end)}. */
    private static int depth(String text, int from, int end, char open, char close) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
        return depth;
    }
}
