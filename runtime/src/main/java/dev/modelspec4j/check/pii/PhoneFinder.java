package dev.modelspec4j.check.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Telephone numbers, decided by the numbering plans of Google's libphonenumber (its metadata: per region the
 * possible lengths and the pattern of every assigned number, the union of the fixed-line, mobile, toll-free, ...
 * patterns). The library's own {@code PhoneNumberUtil.findNumbers} was measured at about 80 µs per call and
 * {@code isValidNumberForRegion} at 10-30 µs (it tries every number type in turn), too slow for a scan of
 * 100 MB/s; matching the plan's general pattern costs about 1 µs and gave the same figures on the data sets.
 * A cheap pass comes first: a candidate is a run of digit groups joined by
 * single spaces, dashes, dots or a slash, with parentheses around a group, an optional {@code +} and an optional
 * extension ({@code x4587}, {@code ext. 12}, {@code #12}); fewer than 7 digits (8 after {@code +}) and no
 * plan is consulted. Then:
 * <ul>
 *   <li>international ({@code +49 30 1234567}, {@code 0044 20 7946 0000}): a valid number of its country code;</li>
 *   <li>national, in a shape that only telephone numbers have, with no context needed: a valid number of one of
 *       the configured regions that starts with that region's trunk prefix ({@code 0151 23456789},
 *       {@code 06 12 34 56 78}, {@code 8 (912) 345-67-89}) or has its area code in parentheses
 *       ({@code (11) 98456-5666}), in two groups or more; or a North-American {@code 415-555-0132};</li>
 *   <li>any other valid national number of 9 digits or more when a word such as "phone", "tel", "mobile",
 *       "number", "Handy", "téléphone", "電話" comes just before it;</li>
 *   <li>short national numbers ({@code 467 3395}, {@code 99 668472}, {@code 60-56-85-91}): a length that one of
 *       the regions' plans allows (a local number without its area code included), only right after a word that says "telephone" (not just
 *       "number").</li>
 * </ul>
 * A word such as "order", "invoice", "IBAN" or "card" just before a national candidate rules it out. Not
 * thread-safe: one instance per scan.
 */
final class PhoneFinder {

    /** The longest value reported: {@code +}, 15 digits, separators, parentheses and an extension. */
    static final int MAX_LENGTH = 48;
    private static final int CONTEXT_WINDOW = 32;
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final Map<String, Region> LOADED = new ConcurrentHashMap<>();

    /** Words that say "telephone" (lower case; checked at a word start for Latin, Greek and Cyrillic words). */
    private static final Words PHONE_WORDS = new Words("phone", "tel", "mobile", "mob", "cell", "call", "fax", "whatsapp",
        "sms", "text me", "ring", "dial", "hotline", "voicemail", "reach", "contact", "handy", "ruf", "anruf",
        "mobil", "telefon", "téléphone", "tél", "portable", "joindre", "appel", "teléfono", "móvil", "movil",
        "llam", "llám", "celular", "telemóvel", "telefone", "liga", "chiama", "cellulare", "telefono", "recapito", "bel ",
        "mobiel", "zadzwo", "numer", "tlf", "nå", "電話", "携帯", "电话", "手机", "联系", "전화",
        "연락처", "휴대폰", "τηλ", "κινητ", "ara", "cep", "телефон", "тел", "мобильн", "звон", "טלפון", "נייד",
        "התקשר", "هاتف", "جوال", "اتصال", "للتواصل", "फ़ोन", "फोन", "मोबाइल");
    /** Words that say "number": enough for a valid national number of 9 digits or more. */
    private static final Words NUMBER_WORDS = new Words("number", "no.", "nummer", "numéro", "número", "numero", "номер",
        "番号", "号码", "번호", "αριθμ", "numara", "מספר", "رقم");
    /** "number" as a word of quantity. */
    private static final Words NUMBER_OF = new Words("number of", "numbers");
    /** Words that say the number is something else. */
    private static final Words NOT_PHONE = new Words("card", "account", "order", "invoice", "iban", "ssn", "social",
        "tracking", "serial", "isbn", "batch", "lot", "ref", "id", "konto", "karte", "bestell", "rechnung",
        "commande", "facture", "pedido", "factura", "ordine", "fattura", "zamówien", "carta", "tarjeta", "注文",
        "订单", "参照", "kod", "code", "artikel", "dossier", "ärende", "booking", "reference", "referenz", "ticket",
        "version", "build", "firmware", "patch", "function", "argument", "parameter", "method", "population", "revenue", "budget", "total", "page", "sku");

    /**
     * A region's numbering plan as the finder uses it: its code, country code, trunk prefix, the national lengths
     * its plan allows (local-only lengths included) and the pattern every number of the plan matches (the union
     * of its fixed-line, mobile, toll-free, ... patterns: libphonenumber's general description).
     */
    record Region(String code, int countryCode, String trunk, long lengths, Pattern numbers) {

        /** The region's plan, loaded once (libphonenumber reads each region's metadata on first use). */
        static Region of(String code) {
            return LOADED.computeIfAbsent(code, Region::load);
        }

        private static Region load(String code) {
            PhoneMetadata metadata = METADATA.getMetadataForRegion(code);
            if (metadata == null) {
                throw new IllegalArgumentException("not a region libphonenumber knows: " + code);
            }
            PhoneNumberDesc general = metadata.getGeneralDesc();
            long lengths = 0;
            for (int length : general.getPossibleLengthList()) {
                lengths |= 1L << length;
            }
            for (int length : general.getPossibleLengthLocalOnlyList()) {
                lengths |= 1L << length;
            }
            String trunk = metadata.hasNationalPrefix() ? metadata.getNationalPrefix() : "";
            return new Region(code, metadata.getCountryCode(), trunk, lengths,
                    Pattern.compile(general.getNationalNumberPattern()));
        }

        boolean northAmerican() {
            return countryCode == 1;
        }

        /** Whether a national number of {@code digits} (its trunk prefix included if {@code trunked}) can be one of ours. */
        boolean allows(int digits, boolean trunked) {
            int national = trunked ? digits - trunk.length() : digits;
            return national > 0 && national < 64 && (lengths & (1L << national)) != 0;
        }

        /** Whether {@code national} (a national significant number) has a possible length and fits the plan. */
        boolean valid(String national) {
            int length = national.length();
            return length < 64 && (lengths & (1L << length)) != 0 && numbers.matcher(national).matches();
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

    /** Throws unless every code is a region libphonenumber has a plan for. */
    static void checkRegions(List<String> codes) {
        for (String code : codes) {
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(code)) {
                throw new IllegalArgumentException("not a region libphonenumber knows: " + code);
            }
        }
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
        if (end < 0 || groups == 0 || groups > 7 || singleDigitGroups(text, groupStart, groups) > 2) {
            return -1; // "(1(1(1", "1 2 3 4 5 6 7": no way of writing a telephone number
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
        boolean parenArea = c == '(';
        boolean trunkShape = groups >= 2;
        int context = -1; // the words around the number, read once a region's plan allows its length
        for (Region region : regions) {
            boolean trunked = !region.trunk().isEmpty() && text.startsWith(region.trunk(), parenArea ? i + 1 : i);
            if (!region.allows(digits, trunked) && !(region.northAmerican() && digits == 11 && c == '1')) {
                continue;
            }
            if (context < 0) {
                context = context(text, i, windowEnd);
                if ((context & NOT_A_PHONE) != 0) {
                    return -1;
                }
            }
            boolean phoneWord = (context & PHONE_WORD) != 0;
            boolean numberWord = (context & NUMBER_WORD) != 0;
            boolean shape = (trunked && trunkShape && digits >= 9) || (parenArea && groups >= 2 && digits >= 8)
                    || (region.northAmerican() && northAmerican(text, i, groups, digits));
            boolean valid;
            if (shape || (numberWord && digits >= 9)) {
                valid = true;
            } else if (phoneWord && digits <= 8) {
                valid = false; // a short national number: its area code may be left out, a possible length will do
            } else {
                continue;
            }
            if (national(number, region, trunked, valid)) {
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
    private boolean international(String digits) {
        for (int size = 1; size <= 3 && size < digits.length(); size++) {
            Region region = countryRegion(Integer.parseInt(digits.substring(0, size)));
            if (region == null) {
                continue;
            }
            String national = digits.substring(size);
            // "+44 (0)20 ...": the trunk prefix written in parentheses after the country code
            return region.valid(national) || (!region.trunk().isEmpty() && national.startsWith(region.trunk())
                    && region.valid(national.substring(region.trunk().length())));
        }
        return false;
    }

    /** The main region of a country code, or null if no region has it. */
    private static Region countryRegion(int countryCode) {
        String main = PhoneNumberUtil.getInstance().getRegionCodeForCountryCode(countryCode);
        return PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(main) || "ZZ".equals(main)
                ? null : Region.of(main);
    }

    /** Whether {@code digits} are a number of {@code region} (only a possible length if not {@code valid}). */
    private static boolean national(String digits, Region region, boolean trunked, boolean valid) {
        String national = trunked ? digits.substring(region.trunk().length()) : digits;
        if (national.isEmpty()) {
            return false;
        }
        return valid ? region.valid(national) : region.allows(national.length(), false);
    }

    private static int singleDigitGroups(String text, int[] starts, int groups) {
        int single = 0;
        for (int g = 0; g < groups; g++) {
            int start = starts[g];
            if (start + 1 >= text.length() || !Chars.isDigit(text.charAt(start + 1))) {
                single++;
            }
        }
        return single;
    }

    private static final int NOT_A_PHONE = 1;
    private static final int PHONE_WORD = 2;
    private static final int NUMBER_WORD = 4;

    /** The words around a national candidate {@code [start, end)}: {@link #NOT_A_PHONE}, ... as bits. */
    private static int context(String text, int start, int end) {
        if (wordBefore(text, start, NOT_PHONE)) {
            return NOT_A_PHONE;
        }
        // after the number, only as far as a stream holds back: the value's longest length and the end context
        int afterLimit = Math.min(end + CONTEXT_WINDOW, start + MAX_LENGTH + PiiDetector.END_CONTEXT);
        if (wordBefore(text, start, PHONE_WORDS) || wordAfter(text, end, afterLimit, PHONE_WORDS)) {
            return PHONE_WORD | NUMBER_WORD;
        }
        return wordBefore(text, start, NUMBER_WORDS) && !wordBefore(text, start, NUMBER_OF) ? NUMBER_WORD : 0;
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

    /** Whether one of {@code words} starts in the {@link #CONTEXT_WINDOW} characters before {@code index}. */
    private static boolean wordBefore(String text, int index, Words words) {
        return words.occursIn(text, Math.max(0, index - CONTEXT_WINDOW), index);
    }

    /** Whether one of {@code words} starts between {@code index} and {@code limit}. */
    private static boolean wordAfter(String text, int index, int limit, Words words) {
        return words.occursIn(text, index, Math.min(text.length(), limit));
    }

    /**
     * A list of lower-case words, indexed by first character, so that one pass over a window finds any of them:
     * a Latin, Greek or Cyrillic word must start a word ("hotel" holds no "tel"), a word of another script may
     * start anywhere.
     */
    static final class Words {

        private final Map<Character, String[]> byFirst = new java.util.HashMap<>();

        Words(String... words) {
            Map<Character, List<String>> lists = new java.util.HashMap<>();
            for (String word : words) {
                lists.computeIfAbsent(word.charAt(0), k -> new ArrayList<>()).add(word);
            }
            lists.forEach((first, list) -> byFirst.put(first, list.toArray(String[]::new)));
        }

        boolean occursIn(String text, int from, int to) {
            for (int k = from; k < to; k++) {
                char c = Character.toLowerCase(text.charAt(k));
                String[] candidates = byFirst.get(c);
                if (candidates == null || (alphabetic(c) && k > 0 && Character.isLetter(text.charAt(k - 1)))) {
                    continue;
                }
                for (String word : candidates) {
                    if (k + word.length() <= to && text.regionMatches(true, k, word, 0, word.length())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Letters of the scripts that separate words with spaces (where "a word start" means something). */
    private static boolean alphabetic(char c) {
        return c < 0x0590;
    }
}
