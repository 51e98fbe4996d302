package dev.modelspec4j.check.pii;

import java.util.Map;

/**
 * International bank account numbers: a country code of the IBAN registry, two check digits, then exactly the
 * country's length in letters and digits, written in one run or in groups of four joined by single spaces or
 * dashes (the last group may be shorter); the ISO 13616 mod-97 check must hold. Letters may be of either case
 * ({@code de89 3704 ...}, {@code De89...}): the check digits decide, not the case.
 */
final class IbanFinder {

    /** IBAN length per country (SWIFT IBAN registry). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
            Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27),
            Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24),
            Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24),
            Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20),
            Map.entry("YE", 30));

    private IbanFinder() {
    }

    /**
     * End of an IBAN whose check digits start at {@code digits} (the country code is the two letters before it),
     * or -1; {@code iban} is scratch space.
     */
    static int atCheckDigits(String text, int digits, StringBuilder iban) {
        int i = digits - 2;
        if (i < 0 || digits + 2 >= text.length() || !Chars.isAsciiLetter(text.charAt(i))
                || !Chars.isAsciiLetter(text.charAt(i + 1)) || !Chars.isDigit(text.charAt(digits + 1))
                || Chars.wordBefore(text, i)) {
            return -1;
        }
        char a = Chars.toUpper(text.charAt(i));
        char b = Chars.toUpper(text.charAt(i + 1));
        Integer length = LENGTHS.get(String.valueOf(new char[] {a, b}));
        return length == null ? -1 : match(text, i, length, iban);
    }

    /**
     * Whether letters after the first are of both cases ({@code LV80 bANK ...}): a value typed one way or the
     * other, or with a capital first letter ({@code De89...}), is an IBAN; a mixture is something else.
     */
    private static boolean mixedCase(String text, int start, int end) {
        boolean upper = false;
        boolean lower = false;
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            upper |= Chars.isUpper(c);
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    private static int match(String text, int start, int length, StringBuilder iban) {
        iban.setLength(0);
        int n = text.length();
        int pos = start;
        char separator = 0;
        int inGroup = 0;
        while (iban.length() < length && pos < n) {
            char c = Chars.toUpper(text.charAt(pos));
            if (Chars.isUpper(c) || Chars.isDigit(c)) {
                if (separator != 0 && inGroup == 4) {
                    return -1; // groups of four between separators
                }
                iban.append(c);
                inGroup++;
                pos++;
            } else if ((c == ' ' || c == '-') && inGroup == 4 && (separator == 0 || separator == c)
                    && (separator != 0 || iban.length() == 4)) {
                separator = c;
                inGroup = 0;
                pos++;
            } else {
                return -1;
            }
        }
        if (iban.length() < length || Chars.wordAt(text, pos) || mixedCase(text, start, pos)) {
            return -1;
        }
        return Checksums.ibanMod97(iban) ? pos : -1;
    }
}
