package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.text.DisjointRanges;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds personal data of the configured {@link PiiType types} in a text. Deterministic and offline: patterns
 * plus the check digits each type has (Luhn, IBAN mod-97, base58check, bech32).
 *
 * <p>The text is first normalised ({@link TextNormalizer}: NFKC, invisible characters removed, spaces unified),
 * then every decimal digit and dash is read as its ASCII form ({@link NumericFolding}), so
 * {@code "4111\u200B1111 1111 1111"}, full-width or Arabic-Indic digits and en dashes are found as well; spans are reported as UTF-16
 * offsets into the original text. Where two findings overlap, the longer one is kept, and for equal lengths the
 * more specific type (checksum-validated types first, URL last).
 *
 * <p>Instances are immutable and thread-safe; build one per rule and share it.
 */
public final class PiiDetector {

    /** Order of specificity, most specific first: decides between overlapping findings of equal length. */
    private static final List<PiiType> SPECIFICITY = List.of(PiiType.CRYPTO_WALLET, PiiType.IBAN,
            PiiType.CREDIT_CARD, PiiType.US_SSN, PiiType.EMAIL, PiiType.IP_ADDRESS, PiiType.PHONE, PiiType.URL);

    private static final Comparator<PiiSpan> PREFERENCE = Comparator
            .comparingInt(PiiSpan::length).reversed()
            .thenComparingInt((PiiSpan span) -> SPECIFICITY.indexOf(span.type()))
            .thenComparingInt(PiiSpan::start);

    /**
     * Characters after a value that the detectors read to see where it ends (a separator and a group of digits
     * that would make a number longer, or something else): what a stream keeps back beyond the longest value.
     */
    public static final int END_CONTEXT = 8;

    private final Set<PiiType> types;
    private final List<String> phoneRegions;
    private final PiiScan.Plan plan;

    private PiiDetector(Set<PiiType> types) {
        this(types, PhoneFinder.DEFAULT_REGIONS);
    }

    private PiiDetector(Set<PiiType> types, List<String> phoneRegions) {
        this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        this.phoneRegions = phoneRegions;
        this.plan = new PiiScan.Plan(this.types, phoneRegions);
    }

    /**
     * This detector, reading national telephone numbers (those written without {@code +} and a country code) by
     * the numbering plans of the given regions, in this order: ISO 3166 codes such as {@code "DE"}, {@code "JP"}.
     * International numbers are read in every region. The default is {@link #defaultPhoneRegions()}; fewer
     * regions mean fewer numbers that some plan accepts, so fewer false findings, and a faster scan.
     *
     * @throws IllegalArgumentException for an empty list or a code libphonenumber does not know
     */
    public PiiDetector withPhoneRegions(List<String> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one phone region is required");
        }
        List<String> codes = regions.stream().map(r -> r.toUpperCase(java.util.Locale.ROOT)).toList();
        PhoneFinder.checkRegions(codes);
        return new PiiDetector(types, codes);
    }

    /** The regions whose national telephone numbers this detector reads, in order. */
    public List<String> phoneRegions() {
        return phoneRegions;
    }

    /** The regions searched for national telephone numbers unless {@link #withPhoneRegions} says otherwise. */
    public static List<String> defaultPhoneRegions() {
        return PhoneFinder.DEFAULT_REGIONS;
    }

    /** A detector for every {@link PiiType}. */
    public static PiiDetector all() {
        return new PiiDetector(EnumSet.allOf(PiiType.class));
    }

    /** A detector for the given types; at least one. */
    public static PiiDetector of(PiiType first, PiiType... more) {
        return new PiiDetector(EnumSet.of(first, more));
    }

    /** A detector for the given types; at least one. */
    public static PiiDetector of(Collection<PiiType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one PiiType is required");
        }
        return new PiiDetector(EnumSet.copyOf(types));
    }

    /** The types this detector looks for. */
    public Set<PiiType> types() {
        return types;
    }

    /** The personal data in {@code text}, ordered by position, without overlaps; offsets into {@code text}. */
    public List<PiiSpan> detect(String text) {
        NormalizedText normalized = TextNormalizer.normalize(text);
        // ASCII text is returned as it is; only other text can hold digits and dashes to fold
        NumericFolding.Folded folded = normalized.isIdentity()
                ? new NumericFolding.Folded(text, null) : NumericFolding.fold(normalized.text());
        List<PiiSpan> found = new ArrayList<>();
        PiiScan.scan(folded.text(), plan, found, null);
        if (found.isEmpty()) {
            return List.of();
        }
        List<PiiSpan> kept = withoutOverlaps(found);
        if (normalized.isIdentity()) {
            return kept;
        }
        List<PiiSpan> mapped = new ArrayList<>(kept.size());
        for (PiiSpan span : kept) {
            mapped.add(new PiiSpan(span.type(), normalized.originalStart(folded.unfoldedStart(span.start())),
                    normalized.originalEnd(folded.unfoldedEnd(span.end()))));
        }
        return List.copyOf(mapped);
    }

    /**
     * The longest value of {@code type} this detector reports, in normalised characters: what a stream must hold
     * back so that a value split between chunks is seen whole before any of it is released. A value longer than
     * the longest of a detector's types is never released on a stream: the stream fails closed.
     */
    public static int longestValue(PiiType type) {
        return switch (type) {
            case EMAIL -> 254; // RFC 5321: a path holds at most 256 characters, angle brackets included
            case PHONE -> PhoneFinder.MAX_LENGTH; // "+", 15 digits (E.164), separators, parentheses, an extension
            case CREDIT_CARD -> CreditCardFinder.MAX_DIGITS + 5; // 19 digits in groups of three or more
            case IBAN -> 42; // 34 characters in groups of four
            case US_SSN -> 11; // 123-45-6789
            case IP_ADDRESS -> 64; // IPv4-mapped IPv6 (45), a short zone and a prefix length
            case CRYPTO_WALLET -> 90; // bech32
            case URL -> 2048; // the longest URL that browsers and the sitemap protocol accept
        };
    }

    /** The longest value of the configured types; see {@link #longestValue(PiiType)}. */
    public int longestValue() {
        int longest = 0;
        for (PiiType type : types) {
            longest = Math.max(longest, longestValue(type));
        }
        return longest;
    }

    /** Whether {@code text} contains any personal data of the configured types. */
    public boolean containsPii(String text) {
        return !detect(text).isEmpty();
    }

    private static List<PiiSpan> withoutOverlaps(List<PiiSpan> found) {
        if (found.size() == 1) {
            return List.copyOf(found);
        }
        List<PiiSpan> candidates = new ArrayList<>(found);
        candidates.sort(PREFERENCE);
        List<PiiSpan> kept = new ArrayList<>();
        DisjointRanges taken = new DisjointRanges();
        for (PiiSpan candidate : candidates) {
            if (taken.addIfFree(candidate.start(), candidate.end())) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(PiiSpan::start));
        return List.copyOf(kept);
    }
}
