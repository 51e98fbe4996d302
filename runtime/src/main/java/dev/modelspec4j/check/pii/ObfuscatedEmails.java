package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/**
 * E-mail addresses written to fool harvesters: {@code jane at example dot com}, {@code jane[at]example[dot]com},
 * {@code jane (at) example (dot) com}, {@code JANE AT EXAMPLE DOT COM}, {@code jane[at]example.com}. The sign is
 * the word {@code at} (or {@code dot}) alone between spaces, or inside brackets ({@code [] () {} <>}) with or
 * without spaces around. An address whose {@code at} is a bare word must have at least one written-out dot, so
 * that "she works at example.com" stays prose; the top-level domain must be a country code or a well-known generic one, and after a bare
 * {@code at} the first label not a word of prose ({@code the}, {@code home}). At most {@link PiiDetector#longestValue} characters, as for
 * addresses written with signs.
 */
final class ObfuscatedEmails {

    private static final int MAX_LENGTH = 254;
    private static final java.util.regex.Pattern AT_SIGN =
            java.util.regex.Pattern.compile("(?i) ?[\\[({<]at[\\])}>] ?| at ");
    private static final java.util.regex.Pattern DOT_SIGN =
            java.util.regex.Pattern.compile("(?i) ?[\\[({<]dot[\\])}>] ?| dot ");
    /** Words that follow "at" in prose: "at the end dot ...", "at home dot ...". */
    private static final java.util.Set<String> PROSE = java.util.Set.of("the", "a", "an", "my", "your", "his",
            "her", "our", "their", "this", "that", "its", "home", "work", "least", "last", "first", "all", "once",
            "noon", "night", "school", "church", "end");

    private ObfuscatedEmails() {
    }

    /**
     * Adds the addresses whose dots are written out ({@code jane at example dot com}, {@code jane at
     * example[dot]com}) to {@code out}: from each {@code dot} (a rare word, found by a vectorised {@code indexOf}),
     * back to a bare {@code at} at most 254 characters before it. Bracketed signs ({@code [at]}) are anchors of
     * the single pass ({@link #atBracket}). Returns how many signs it examined.
     */
    static int findSpelledDots(String text, List<PiiSpan> out) {
        return scan(text, "dot", out) + scan(text, "DOT", out);
    }

    private static int scan(String text, String needle, List<PiiSpan> out) {
        int cursor = 0;
        int examined = 0;
        int i = text.indexOf(needle);
        while (i >= 0) {
            if (i >= cursor) {
                int word = bareAtBefore(text, i, cursor);
                if (word >= 0) {
                    examined++;
                    int end = at(text, word, out);
                    cursor = end > 0 ? end : i;
                }
            }
            i = text.indexOf(needle, i + 3);
        }
        return examined;
    }

    /** An address as found ({@code jane at example dot com}) with its signs: {@code jane@example.com}. */
    static String canonical(String address) {
        if (address.indexOf('@') >= 0) {
            return address;
        }
        return DOT_SIGN.matcher(AT_SIGN.matcher(address).replaceFirst("@")).replaceAll(".");
    }

    /** The start of the last bare word {@code at} (any case) between {@code floor} and {@code dot}, or -1. */
    private static int bareAtBefore(String text, int dot, int floor) {
        int from = Math.max(Math.max(floor, 1), dot - MAX_LENGTH);
        for (int k = dot - 3; k >= from; k--) {
            if (text.charAt(k - 1) == ' ' && text.charAt(k + 2) == ' ' && text.regionMatches(true, k, "at", 0, 2)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * An address whose sign is bracketed, the bracket at {@code open}: {@code jane[at]example[dot]com},
     * {@code jane (at) example.com}; returns the position from which the next bracket is worth looking at.
     */
    static int atBracket(String text, int open, List<PiiSpan> out) {
        int word = open + 1;
        if (word + 2 < text.length() && text.regionMatches(true, word, "at", 0, 2)
                && text.charAt(word + 2) == closing(text.charAt(open))) {
            int end = at(text, word, out);
            return end > 0 ? end : word;
        }
        return word;
    }

    /** End of an address whose {@code at} word starts at {@code word}, or -1; the address is added to out. */
    private static int at(String text, int word, List<PiiSpan> out) {
        int afterWord = word + 2;
        Sign sign = sign(text, word, afterWord);
        if (sign == null) {
            return -1;
        }
        int localEnd = sign.start;
        int localStart = EmailFinder.localStart(text, localEnd);
        if (localStart == localEnd || text.charAt(localEnd - 1) == '.') {
            return -1;
        }
        // the domain: labels joined by "." or a written-out dot
        int pos = sign.end;
        int labels = 0;
        boolean spelledDot = false;
        int end = -1;
        int lastLabelStart = -1;
        while (pos < text.length() && pos - localStart <= MAX_LENGTH) {
            int labelEnd = labelEnd(text, pos);
            if (labelEnd == pos) {
                break;
            }
            labels++;
            lastLabelStart = pos;
            end = labelEnd;
            if (labelEnd < text.length() && text.charAt(labelEnd) == '.' && labelEnd + 1 < text.length()
                    && DomainNames.isHostChar(text.charAt(labelEnd + 1), true)) {
                pos = labelEnd + 1;
                continue;
            }
            Sign dot = dot(text, labelEnd);
            if (dot == null) {
                break;
            }
            spelledDot = true;
            pos = dot.end;
        }
        if (labels < 2 || end - localStart > MAX_LENGTH || (sign.bare && !spelledDot)
                || !isTopLevel(text, lastLabelStart, end) || Chars.wordAt(text, end)
                || !hasLetter(text, sign.end, labelEnd(text, sign.end))
                || (sign.bare && PROSE.contains(text.substring(sign.end, labelEnd(text, sign.end))
                        .toLowerCase(java.util.Locale.ROOT)))) {
            return -1;
        }
        out.add(new PiiSpan(PiiType.EMAIL, localStart, end));
        return end;
    }

    private record Sign(int start, int end, boolean bare) {
    }

    /** The sign around the word at {@code [word, afterWord)}: bare between spaces, or bracketed. */
    private static Sign sign(String text, int word, int afterWord) {
        int n = text.length();
        if (word >= 2 && afterWord + 1 < n && text.charAt(word - 1) == ' ' && text.charAt(afterWord) == ' ') {
            return new Sign(word - 1, afterWord + 1, true);
        }
        if (word < 1 || afterWord >= n || closing(text.charAt(word - 1)) != text.charAt(afterWord)) {
            return null;
        }
        int start = word - 1;
        int end = afterWord + 1;
        if (start > 0 && text.charAt(start - 1) == ' ') {
            start--;
        }
        if (end < n && text.charAt(end) == ' ') {
            end++;
        }
        return new Sign(start, end, false);
    }

    /** A written-out dot starting at {@code from}: {@code " dot "}, {@code "[dot]"}, {@code " (dot) "}, any case. */
    private static Sign dot(String text, int from) {
        int n = text.length();
        int pos = from;
        if (pos < n && text.charAt(pos) == ' ') {
            pos++;
        }
        char open = pos < n ? text.charAt(pos) : 0;
        char close = closing(open);
        int word = close == 0 ? pos : pos + 1;
        if (word + 3 > n || !text.regionMatches(true, word, "dot", 0, 3)) {
            return null;
        }
        int end = word + 3;
        if (close != 0) {
            if (end >= n || text.charAt(end) != close) {
                return null;
            }
            end++;
            if (end < n && text.charAt(end) == ' ') {
                end++;
            }
            return new Sign(from, end, false);
        }
        if (pos == from || end >= n || text.charAt(end) != ' ') {
            return null; // a bare "dot" needs a space on both sides
        }
        return new Sign(from, end + 1, true);
    }

    private static char closing(char open) {
        return switch (open) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            case '<' -> '>';
            default -> 0;
        };
    }

    /** End of a domain label (letters, digits, dashes of any script) starting at {@code from}. */
    private static int labelEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 63 && DomainNames.isHostChar(text.charAt(end), true)
                && text.charAt(end) != '.') {
            end++;
        }
        return end;
    }

    private static boolean hasLetter(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A two-letter (country) top-level domain, a well-known generic one, or an internationalised one. */
    private static boolean isTopLevel(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        String tld = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        if (tld.length() > 2 && tld.chars().allMatch(c -> c < 0x80) && !DomainNames.isBareTopLevel(tld)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Chars.isAsciiLetter(c) && !(c >= 0x80 && Character.isLetter(c))) {
                return false;
            }
        }
        return true;
    }
}
