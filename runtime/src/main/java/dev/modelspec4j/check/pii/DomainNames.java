package dev.modelspec4j.check.pii;

import java.util.Set;

/** Host names as e-mail addresses and URLs use them. */
final class DomainNames {

    /**
     * Top-level domains accepted for a bare domain name without a scheme ({@code example.com}): the generic ones
     * in everyday use and country codes that are not also common file extensions (so {@code setup.py},
     * {@code README.md} and {@code main.rs} stay text).
     */
    private static final Set<String> BARE_TLDS = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev", "co",
            "me", "tv", "cloud", "online", "site", "store", "tech", "shop", "blog", "xyz", "page", "news",
            "us", "uk", "de", "fr", "it", "es", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "ie", "pt",
            "gr", "cz", "hu", "ro", "bg", "hr", "sk", "si", "lt", "lv", "ee", "is", "lu", "eu", "ru", "ua",
            "tr", "il", "ae", "sa", "in", "cn", "jp", "kr", "tw", "hk", "sg", "my", "th", "vn", "id", "ph",
            "au", "nz", "ca", "mx", "br", "ar", "cl", "pe", "za", "ng", "ke", "eg", "ma");

    private DomainNames() {
    }

    /** Whether {@code tld} (lower case) is one of the well-known top-level domains of bare domain names. */
    static boolean isBareTopLevel(String tld) {
        return BARE_TLDS.contains(tld);
    }

    static boolean isHostChar(char c) {
        return Chars.isDigit(c) || Chars.isAsciiLetter(c) || c == '.' || c == '-';
    }

    /** A host name character, or with {@code unicode} also a letter, digit or mark of any script (IDN). */
    static boolean isHostChar(char c, boolean unicode) {
        return isHostChar(c) || (unicode && c >= 0x80 && isUnicodeWordPart(c));
    }

    /** A letter, digit or combining mark outside ASCII: what internationalised names are made of. */
    static boolean isUnicodeWordPart(char c) {
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** End of the host name starting at {@code from}, without a trailing dot or dash. */
    static int hostEnd(String text, int from) {
        return hostEnd(text, from, false);
    }

    /** End of the host name starting at {@code from}; with {@code unicode}, internationalised labels too. */
    static int hostEnd(String text, int from, boolean unicode) {
        int end = from;
        while (end < text.length() && isHostChar(text.charAt(end), unicode)) {
            end++;
        }
        while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        return end;
    }

    /**
     * Whether {@code text[start, end)} is a domain name of two labels or more whose top-level label is alphabetic
     * or punycode; with {@code bare}, the top-level label must be lower case and one of {@link #BARE_TLDS}.
     */
    static boolean isDomain(String text, int start, int end, boolean bare) {
        return isDomain(text, start, end, bare, false);
    }

    /**
     * As {@link #isDomain(String, int, int, boolean)}; with {@code unicode}, labels and the top-level label may
     * be internationalised ({@code müller.de}, {@code пример.рф}).
     */
    static boolean isDomain(String text, int start, int end, boolean bare, boolean unicode) {
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '.') {
                int size = i - labelStart;
                if (size == 0 || size > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i < end) {
                    labelStart = i + 1;
                }
            } else if (!isHostChar(text.charAt(i), unicode)) {
                return false;
            }
        }
        if (labels < 2) {
            return false;
        }
        String tld = text.substring(labelStart, end);
        if (bare) {
            return BARE_TLDS.contains(tld);
        }
        if (tld.startsWith("xn--") || tld.startsWith("XN--")) {
            return tld.length() > 4;
        }
        if (tld.length() < 2) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            char c = tld.charAt(i);
            if (!Chars.isAsciiLetter(c) && !(unicode && c >= 0x80 && isUnicodeWordPart(c) && !Character.isDigit(c))) {
                return false;
            }
        }
        return true;
    }
}
