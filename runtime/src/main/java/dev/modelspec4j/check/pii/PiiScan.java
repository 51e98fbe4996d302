package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The one pass of {@link PiiDetector} over normalised text, for the types it looks for.
 *
 * <p>Every finder starts at an <em>anchor</em>: the first digit of a run (card, SSN, IPv4, phone, base58
 * address; {@code bc1} and {@code 0x} end and start digit runs; the check digits of an IBAN, its country code
 * read back from there), {@code +} and {@code (} (phone), {@code @} and the brackets {@code [ ( { <} (e-mail, {@code [at]}), {@code :} (IPv6, {@code ://} of a URL), {@code .} (bare
 * domain). Every other character is <em>quiet</em>; the scan skips quiet characters in a tight loop, dispatches
 * each anchor to the finders that start there, and jumps over digit runs.
 *
 * <p>Each finder keeps its own cursor, where a scan of its own would resume after a finding (past the value, or
 * past the run it examined), so the result is exactly that of one scan per finder: a finding of one type never
 * hides a candidate of another.
 */
final class PiiScan {

    /** Counts of the finder calls of one scan; for tests of linearity (null in production). */
    static final class Counts {
        long anchors;
        long finderCalls;
    }

    /** What a detector looks for: its finders and the characters that are anchors for them. */
    static final class Plan {
        final boolean card;
        final boolean ssn;
        final boolean ip;
        final boolean phone;
        final boolean iban;
        final boolean email;
        final boolean url;
        final boolean wallet;
        /** The regions whose national numbers the phone finder reads (ISO 3166 codes). */
        final List<String> phoneRegions;
        /** Their plans, loaded on the first scan that meets a phone candidate (idempotent, so a race is harmless). */
        private volatile List<PhoneFinder.Region> phonePlans;
        /** ASCII characters that are no finder's anchor. */
        final boolean[] quiet = new boolean[128];

        Plan(Set<PiiType> types, List<String> phoneRegions) {
            this.phoneRegions = phoneRegions;
            card = types.contains(PiiType.CREDIT_CARD);
            ssn = types.contains(PiiType.US_SSN);
            ip = types.contains(PiiType.IP_ADDRESS);
            phone = types.contains(PiiType.PHONE);
            iban = types.contains(PiiType.IBAN);
            email = types.contains(PiiType.EMAIL);
            url = types.contains(PiiType.URL);
            wallet = types.contains(PiiType.CRYPTO_WALLET);
            Arrays.fill(quiet, true);
            boolean digits = card || ssn || ip || phone || wallet || iban;
            for (char c = '0'; c <= '9'; c++) {
                quiet[c] = !digits;
            }
            quiet['+'] = !phone;
            quiet['('] = !(phone || email);
            quiet['['] = !email;
            quiet['{'] = !email;
            quiet['<'] = !email;
            quiet['@'] = !email;
            quiet[':'] = !(ip || url);
            quiet['.'] = !url;
        }
    }

    private final String text;
    private final int n;
    private final Plan plan;
    private final List<PiiSpan> out;
    private final Counts counts;
    private final int[] cardDigits = new int[CreditCardFinder.MAX_DIGITS];
    private final StringBuilder iban = new StringBuilder(34);
    private PhoneFinder phones;
    // each finder's cursor: candidates before it were inside something it found or examined
    private int cardNext;
    private int ssnNext;
    private int ipv4Next;
    private int ipv6Next;
    private int phoneNext;
    private int ibanNext;
    private int emailNext;
    private int bracketEmailNext;
    private int schemeNext;
    private int domainNext;
    private int base58Next;
    private int segwitNext;
    private int ethereumNext;

    private PiiScan(String text, Plan plan, List<PiiSpan> out, Counts counts) {
        this.text = text;
        this.n = text.length();
        this.plan = plan;
        this.out = out;
        this.counts = counts;
    }

    /** Adds the personal data in {@code text} to {@code out}, unsorted and possibly overlapping. */
    static void scan(String text, Plan plan, List<PiiSpan> out, Counts counts) {
        new PiiScan(text, plan, out, counts).run();
    }

    private void run() {
        if (plan.email) {
            int examined = ObfuscatedEmails.findSpelledDots(text, out);
            if (counts != null) {
                counts.finderCalls += examined;
            }
        }
        int i = nextAnchor(text, 0, plan.quiet);
        while (i < n) {
            if (counts != null) {
                counts.anchors++;
            }
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                i = digitRun(i); // the character before is no digit: runs are jumped over
            } else {
                anchor(c, i);
                i++;
            }
            i = nextAnchor(text, i, plan.quiet);
        }
    }

    /** The first position from {@code from} whose character is not quiet, or the text's length. */
    private static int nextAnchor(String text, int from, boolean[] quiet) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 && !quiet[c]) {
                return i;
            }
        }
        return n;
    }

    /** The finders starting at the digit run at {@code start}; returns its end. */
    private int digitRun(int start) {
        int runEnd = Chars.digitsEnd(text, start);
        boolean glued = Chars.wordBefore(text, start);
        if (!glued) {
            if (plan.card && start >= cardNext) {
                cardNext = found(PiiType.CREDIT_CARD, start,
                        CreditCardFinder.match(text, start, runEnd, cardDigits), cardNext);
            }
            if (plan.ssn && start >= ssnNext) {
                ssnNext = found(PiiType.US_SSN, start, SsnFinder.match(text, start, runEnd), ssnNext);
            }
            if (plan.ip && start >= ipv4Next) {
                ipv4Next = found(PiiType.IP_ADDRESS, start, IpAddressFinder.ipv4At(text, start), ipv4Next);
            }
            char first = text.charAt(start);
            if (plan.wallet && (first == '1' || first == '3') && start >= base58Next
                    && start + CryptoWalletFinder.MIN_BASE58 <= n) {
                base58Next = CryptoWalletFinder.base58At(text, start, out);
                count();
            }
        }
        if (plan.iban && start - 2 >= ibanNext && Chars.isAsciiLetter(text.charAt(start - 1))
                && Chars.isAsciiLetter(text.charAt(start - 2))) {
            ibanNext = found(PiiType.IBAN, start - 2, IbanFinder.atCheckDigits(text, start, iban), ibanNext);
        }
        if (plan.phone && start >= phoneNext) {
            phoneNext = found(PiiType.PHONE, start, phones().at(text, start), phoneNext);
        }
        if (plan.wallet) {
            int b = start - 2;
            if (text.charAt(start) == '1' && b >= segwitNext && b >= 0
                    && (text.startsWith("bc", b) || text.startsWith("BC", b))) {
                segwitNext = CryptoWalletFinder.segwitAt(text, b, out);
                count();
            }
            int zero = runEnd - 1;
            if (text.charAt(zero) == '0' && runEnd < n && text.charAt(runEnd) == 'x' && zero >= ethereumNext) {
                ethereumNext = CryptoWalletFinder.ethereumAt(text, zero, out);
                count();
            }
        }
        return runEnd;
    }

    /** The finders starting at the anchor {@code c} (not a digit) at {@code i}. */
    private void anchor(char c, int i) {
        switch (c) {
            case '+' -> {
                if (i >= phoneNext) {
                    phoneNext = found(PiiType.PHONE, i, phones().at(text, i), phoneNext);
                }
            }
            case '(' -> {
                if (plan.phone && i >= phoneNext) {
                    phoneNext = found(PiiType.PHONE, i, phones().at(text, i), phoneNext);
                }
                if (plan.email) {
                    bracketEmail(i);
                }
            }
            case '[', '{', '<' -> bracketEmail(i);
            case '@' -> {
                if (i >= emailNext) {
                    emailNext = EmailFinder.at(text, i, out);
                    count();
                }
            }
            case ':' -> {
                if (plan.ip && i >= ipv6Next) {
                    ipv6Next = IpAddressFinder.ipv6At(text, i, out);
                    count();
                }
                if (plan.url && i >= schemeNext && text.startsWith("//", i + 1)) {
                    schemeNext = UrlFinder.schemeAt(text, i, out);
                    count();
                }
            }
            case '.' -> {
                if (i >= domainNext && i + 2 < n) {
                    domainNext = UrlFinder.dotAt(text, i, out);
                    count();
                }
            }
            default -> throw new IllegalStateException("not an anchor: " + c);
        }
    }

    /** An e-mail address with its sign in brackets ({@code jane[at]example[dot]com}) around {@code i}. */
    private void bracketEmail(int i) {
        if (i >= bracketEmailNext && i + 1 < n && (text.charAt(i + 1) | 0x20) == 'a') {
            bracketEmailNext = ObfuscatedEmails.atBracket(text, i, out);
            count();
        }
    }

    /** Records a value {@code [start, end)} if {@code end > 0}; returns the finder's new cursor. */
    private int found(PiiType type, int start, int end, int cursor) {
        count();
        if (end > 0) {
            out.add(new PiiSpan(type, start, end));
            return end;
        }
        return cursor;
    }

    private void count() {
        if (counts != null) {
            counts.finderCalls++;
        }
    }

    private PhoneFinder phones() {
        if (phones == null) {
            List<PhoneFinder.Region> plans = plan.phonePlans;
            if (plans == null) {
                plans = PhoneFinder.regions(plan.phoneRegions);
                plan.phonePlans = plans;
            }
            phones = new PhoneFinder(plans);
        }
        return phones;
    }
}
