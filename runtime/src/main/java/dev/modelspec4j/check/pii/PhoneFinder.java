package dev.modelspec4j.check.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Telephone numbers, decided by the numbering plans of Google's libphonenumber: the candidate's digits are
 * checked with {@link PhoneNumberUtil#isValidNumberForRegion} (or {@code isPossibleNumberWithReason} for short
 * numbers next to a telephone word), the checks {@code findNumbers} makes at its VALID and POSSIBLE leniencies,
 * without its text search (measured at about 80 µs per call, too slow for a scan of 100 MB/s). A cheap pass comes first: a candidate is a run of digit groups joined by
 * single spaces, dashes, dots or a slash, with parentheses around a group, an optional {@code +} and an optional
 * extension ({@code x4587}, {@code ext. 12}, {@code #12}); fewer than 7 digits (8 after {@code +}) and the
 * library is never asked. Then:
 * <ul>
 *   <li>international ({@code +49 30 1234567}, {@code 0044 20 7946 0000}): a valid number of its country code;</li>
 *   <li>national, in a shape that only telephone numbers have, with no context needed: a valid number of one of
 *       the configured regions that starts with that region's trunk prefix ({@code 0151 23456789},
 *       {@code 06 12 34 56 78}, {@code 8 (912) 345-67-89}) or has its area code in parentheses
 *       ({@code (11) 98456-5666}), in two groups or more; or a North-American {@code 415-555-0132};</li>
 *   <li>any other valid national number of 9 digits or more when a word such as "phone", "tel", "mobile",
 *       "number", "Handy", "téléphone", "電話" comes just before it;</li>
 *   <li>short national numbers ({@code 467 3395}, {@code 99 668472}, {@code 60-56-85-91}): a number the
 *       library calls possible in one of the regions, only right after a word that says "telephone" (not just
 *       "number").</li>
 * </ul>
 * A word such as "order", "invoice", "IBAN" or "card" just before a national candidate rules it out. Not
 * thread-safe: one instance per scan.
 */
final class PhoneFinder {

    /** The longest value reported: {@code +}, 15 digits, separators, parentheses and an extension. */
    static final int MAX_LENGTH = 48;
    private static final int CONTEXT_WINDOW = 32;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Words that say "telephone" (lower case; checked at a word start for Latin, Greek and Cyrillic words). */
    private static final String[] PHONE_WORDS = {"phone", "tel", "mobile", "mob", "cell", "call", "fax", "whatsapp",
        "sms", "text me", "ring", "dial", "hotline", "voicemail", "reach", "contact", "handy", "ruf", "anruf",
        "mobil", "telefon", "téléphone", "tél", "portable", "joindre", "appel", "teléfono", "móvil", "movil",
        "llam", "llám", "celular", "telemóvel", "telefone", "liga", "chiama", "cellulare", "telefono", "recapito", "bel ",
        "mobiel", "zadzwo", "numer", "tlf", "nå", "電話", "携帯", "电话", "手机", "联系", "전화",
        "연락처", "휴대폰", "τηλ", "κινητ", "ara", "cep", "телефон", "тел", "мобильн", "звон", "טלפון", "נייד",
        "התקשר", "هاتف", "جوال", "اتصال", "للتواصل", "फ़ोन", "फोन", "मोबाइल"};
    /** Words that say "number": enough for a valid national number of 9 digits or more. */
    private static final String[] NUMBER_WORDS = {"number", "no.", "nummer", "numéro", "número", "numero", "номер",
        "番号", "号码", "번호", "αριθμ", "numara", "מספר", "رقم"};
    /** "number" as a word of quantity. */
    private static final String[] NUMBER_OF = {"number of", "numbers"};
    /** Words that say the number is something else. */
    private static final String[] NOT_PHONE = {"card", "account", "order", "invoice", "iban", "ssn", "social",
        "tracking", "serial", "isbn", "batch", "lot", "ref", "id", "konto", "karte", "bestell", "rechnung",
        "commande", "facture", "pedido", "factura", "ordine", "fattura", "zamówien", "carta", "tarjeta", "注文",
        "订单", "参照", "kod", "code", "artikel", "dossier", "ärende", "booking", "reference", "referenz", "ticket",
        "version", "build", "firmware", "patch", "function", "argument", "parameter", "method", "population", "revenue", "budget", "total", "page", "sku"};

    /** A region of the national search: its code, trunk prefix and the national lengths its plan allows. */
    record Region(String code, String trunk, long lengths, boolean northAmerican) {

        static Region of(String code) {
            int countryCode = UTIL.getCountryCodeForRegion(code);
            if (countryCode == 0) {
                throw new IllegalArgumentException("not a region libphonenumber knows: " + code);
            }
            long lengths = 0;
            for (int length = 2; length <= 17; length++) {
                PhoneNumber probe = new PhoneNumber().setCountryCode(countryCode)
                        .setNationalNumber((long) Math.pow(10, length - 1));
                PhoneNumberUtil.ValidationResult result = UTIL.isPossibleNumberWithReason(probe);
                if (result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                        || result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
                    lengths |= 1L << length;
                }
            }
            String trunk = UTIL.getNddPrefixForRegion(code, true);
            return new Region(code, trunk == null ? "" : trunk, lengths, countryCode == 1);
        }

        /** Whether a national number of {@code digits} (its trunk prefix included if {@code trunked}) can be one of ours. */
        boolean allows(int digits, boolean trunked) {
            int national = trunked ? digits - trunk.length() : digits;
            return national > 0 && national < 64 && (lengths & (1L << national)) != 0;
        }
    }

    /** The regions searched by default, most populous and most written-about first. */
    static final List<String> DEFAULT_REGIONS = List.of("US", "CA", "GB", "DE", "FR", "ES", "IT", "NL", "BE",
            "CH", "AT", "IE", "PT", "SE", "NO", "DK", "FI", "PL", "CZ", "GR", "CY", "TR", "RU", "UA", "IL", "SA",
            "AE", "EG", "ZA", "NG", "IN", "CN", "JP", "KR", "TW", "HK", "SG", "AU", "NZ", "BR", "MX", "AR", "CO");

    private final List<Region> regions;
    private final int[] groupStart = new int[16];

    PhoneFinder(List<Region> regions) {
        this.regions = regions;
    }

    static List<Region> regions(List<String> codes) {
        List<Region> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            out.add(Region.of(code.toUpperCase(Locale.ROOT)));
        }
        return List.copyOf(out);
    }

    /**
     * End of a phone number starting at {@code i}, or -1; {@code i} holds a {@code +}, a {@code (} or the first
     * digit of a run.
     */
    int at(String text, int i) {
        char c = text.charAt(i);
        if (Chars.wordBefore(text, i) || (Chars.isDigit(c) && insideNumber(text, i))) {
            return -1;
        }
        int n = text.length();
        int limit = Math.min(n, i + MAX_LENGTH);
        int pos = c == '+' ? i + 1 : i;
        int digits = 0;
        int groups = 0;
        int end = -1;
        int between = 0;
        boolean slash = false;
        while (pos < limit && groups < groupStart.length) {
            char ch = text.charAt(pos);
            if (Chars.isDigit(ch)) {
                int e = Chars.digitsEnd(text, pos);
                groupStart[groups++] = pos;
                digits += e - pos;
                pos = e;
                end = pos;
                between = 0;
            } else if ((ch == ' ' || ch == '-' || ch == '.' || ch == '/' || ch == '(' || ch == ')')
                    && between < 2 && (ch != '/' || !slash) && (groups > 0 || ch == '(')) {
                slash |= ch == '/';
                between++;
                pos++;
            } else {
                break;
            }
        }
        if (end < 0 || groups == 0) {
            return -1;
        }
        boolean plus = c == '+';
        boolean doubleZero = !plus && text.startsWith("00", i) && i + 2 < n && text.charAt(i + 2) != '0';
        if (digits > 17 || digits < (plus ? 8 : doubleZero ? 10 : 7) || Chars.wordAt(text, end)
                || (groups == 1 && digits > 12) || continues(text, end) || date(text, i, end)) {
            return -1;
        }
        int windowEnd = extensionEnd(text, end);
        if (windowEnd - i > MAX_LENGTH) {
            windowEnd = end; // the value must fit what a stream holds back
        }
        String number = digitsOf(text, i, end);
        if (plus || doubleZero) {
            return international(doubleZero ? number.substring(2) : number) ? windowEnd : -1;
        }
        if (wordBefore(text, i, NOT_PHONE)) {
            return -1;
        }
        // after the number, only as far as a stream holds back: the value's longest length and the end context
        int afterLimit = Math.min(windowEnd + CONTEXT_WINDOW, i + MAX_LENGTH + PiiDetector.END_CONTEXT);
        boolean phoneWord = wordBefore(text, i, PHONE_WORDS) || wordAfter(text, windowEnd, afterLimit, PHONE_WORDS);
        boolean numberWord = phoneWord || (wordBefore(text, i, NUMBER_WORDS) && !wordBefore(text, i, NUMBER_OF));
        boolean parenArea = c == '(';
        boolean trunkShape = groups >= 2;
        for (Region region : regions) {
            boolean trunked = !region.trunk().isEmpty() && text.startsWith(region.trunk(), parenArea ? i + 1 : i);
            if (!region.allows(digits, trunked) && !(region.northAmerican() && digits == 11 && c == '1')) {
                continue;
            }
            boolean shape = (trunked && trunkShape && digits >= 9) || (parenArea && groups >= 2 && digits >= 8)
                    || (region.northAmerican() && northAmerican(text, i, groups, digits));
            Leniency leniency;
            if (shape || (numberWord && digits >= 9)) {
                leniency = Leniency.VALID;
            } else if (phoneWord && digits <= 8) {
                leniency = Leniency.POSSIBLE; // a short national number: its area code is left out
            } else {
                continue;
            }
            if (national(number, region, trunked, leniency)) {
                return windowEnd;
            }
        }
        return -1;
    }

    private static String digitsOf(String text, int start, int end) {
        StringBuilder out = new StringBuilder(20);
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Chars.isDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code digits} (after {@code +} or {@code 00}) are a country code and a valid number of it. */
    private static boolean international(String digits) {
        for (int size = 1; size <= 3 && size < digits.length(); size++) {
            int countryCode = Integer.parseInt(digits.substring(0, size));
            String region = UTIL.getRegionCodeForCountryCode(countryCode);
            if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) || "ZZ".equals(region)) {
                continue;
            }
            String national = digits.substring(size);
            if (valid(countryCode, national, null)) {
                return true;
            }
            String trunk = UTIL.getNddPrefixForRegion(region, true);
            // "+44 (0)20 ...": the trunk prefix written in parentheses after the country code
            if (trunk != null && !trunk.isEmpty() && national.startsWith(trunk)
                    && valid(countryCode, national.substring(trunk.length()), null)) {
                return true;
            }
            return false;
        }
        return false;
    }

    /** Whether {@code digits} are a number of {@code region} at {@code leniency}, trunk prefix dropped. */
    private static boolean national(String digits, Region region, boolean trunked, Leniency leniency) {
        String national = trunked ? digits.substring(region.trunk().length()) : digits;
        if (national.isEmpty() || national.length() > 17) {
            return false;
        }
        int countryCode = UTIL.getCountryCodeForRegion(region.code());
        PhoneNumber number = number(countryCode, national);
        if (leniency == Leniency.POSSIBLE) {
            PhoneNumberUtil.ValidationResult result = UTIL.isPossibleNumberWithReason(number);
            return result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    || result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
        }
        return UTIL.isValidNumberForRegion(number, region.code());
    }

    private static boolean valid(int countryCode, String national, String region) {
        if (national.length() < 4 || national.length() > 17) {
            return false;
        }
        return UTIL.isValidNumber(number(countryCode, national));
    }

    /** The library's number for a national significant number written with its leading zeros. */
    private static PhoneNumber number(int countryCode, String national) {
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode)
                .setNationalNumber(Long.parseLong(national));
        int zeros = 0;
        while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros > 0) {
            number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
        }
        return number;
    }

    /** Whether the number ending at {@code end} goes on: a separator and another digit, a longer number. */
    private static boolean continues(String text, int end) {
        if (end + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        return (next == '.' || next == '-' || next == '/') && Chars.isDigit(text.charAt(end + 1));
    }

    /**
     * Whether {@code [start, end)} is written as a date: three groups of day, month and a four-digit year (or
     * year first) joined by dots, dashes or slashes.
     */
    private static boolean date(String text, int start, int end) {
        int length = end - start;
        if (length != 10 || !Chars.isDigit(text.charAt(start))) {
            return false;
        }
        char a = text.charAt(start + 2);
        char b = text.charAt(start + 5);
        if (a == b && (a == '.' || a == '-' || a == '/')) {
            return true; // dd.mm.yyyy
        }
        char c = text.charAt(start + 4);
        char d = text.charAt(start + 7);
        return c == d && (c == '.' || c == '-' || c == '/'); // yyyy-mm-dd
    }

    /** {@code AAA sep EEE sep NNNN}, {@code (AAA) EEE-NNNN}, or either after {@code 1 sep}. */
    private boolean northAmerican(String text, int i, int groups, int digits) {
        if (digits == 11) {
            return text.charAt(i) == '1' && groups == 4;
        }
        return digits == 10 && groups == 3;
    }

    /** The end of an extension after a number ending at {@code end} ({@code x4587}, {@code ext. 12}), or end. */
    private static int extensionEnd(String text, int end) {
        int n = text.length();
        int pos = end;
        if (pos < n && text.charAt(pos) == ' ') {
            pos++;
        }
        int marker;
        if (text.startsWith("ext", pos) || text.startsWith("Ext", pos) || text.startsWith("EXT", pos)) {
            marker = pos + 3;
            if (marker < n && (text.charAt(marker) == 'n' || text.charAt(marker) == '.')) {
                marker++;
            }
        } else if (pos < n && (text.charAt(pos) == 'x' || text.charAt(pos) == 'X' || text.charAt(pos) == '#')) {
            marker = pos + 1;
        } else {
            return end;
        }
        if (marker < n && (text.charAt(marker) == '.' || text.charAt(marker) == ':')) {
            marker++;
        }
        if (marker < n && text.charAt(marker) == ' ') {
            marker++;
        }
        int digitsEnd = Chars.digitsEnd(text, marker);
        int size = digitsEnd - marker;
        return size >= 1 && size <= 6 && !Chars.wordAt(text, digitsEnd) ? digitsEnd : end;
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

    /**
     * Whether one of {@code words} ends in the {@link #CONTEXT_WINDOW} characters before {@code index}, starting a
     * word (a Latin, Greek or Cyrillic word must not continue a longer one: "hotel" is not "tel").
     */
    private static boolean wordBefore(String text, int index, String[] words) {
        int from = Math.max(0, index - CONTEXT_WINDOW);
        String before = text.substring(from, index).toLowerCase(Locale.ROOT);
        for (String word : words) {
            int at = before.indexOf(word);
            while (at >= 0) {
                if (at == 0 || !Character.isLetter(before.charAt(at - 1)) || !alphabetic(word.charAt(0))) {
                    return true;
                }
                at = before.indexOf(word, at + 1);
            }
        }
        return false;
    }

    /** Whether one of {@code words} (lower case) starts between {@code index} and {@code limit}. */
    private static boolean wordAfter(String text, int index, int limit, String[] words) {
        int to = Math.min(text.length(), limit);
        if (to <= index) {
            return false;
        }
        String after = text.substring(index, to).toLowerCase(Locale.ROOT);
        for (String word : words) {
            int at = after.indexOf(word);
            if (at >= 0 && (at == 0 || !Character.isLetter(after.charAt(at - 1)) || !alphabetic(word.charAt(0)))) {
                return true;
            }
        }
        return false;
    }

    /** Letters of the scripts that separate words with spaces (where "a word start" means something). */
    private static boolean alphabetic(char c) {
        return c < 0x0590;
    }
}
