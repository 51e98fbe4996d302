package dev.modelspec4j.check.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.text.ScanTexts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The single pass: linear in the text (counted, not timed) and, per finder, the same candidates as a scan of its
 * own.
 */
class PiiScanTest {

    private static final PiiScan.Plan ALL = new PiiScan.Plan(EnumSet.allOf(PiiType.class),
            PhoneFinder.DEFAULT_REGIONS);
    private static final int SMALL = 64 * 1024;
    private static final int LARGE = 1024 * 1024;

    private static PiiScan.Counts count(String text) {
        PiiScan.Counts counts = new PiiScan.Counts();
        PiiScan.scan(text, ALL, new ArrayList<>(), counts);
        return counts;
    }

    private static void assertProportional(String small, String large) {
        PiiScan.Counts a = count(small);
        PiiScan.Counts b = count(large);
        ScanTexts.assertSameWorkPerKb("anchors and finder calls", a.anchors + a.finderCalls, small.length(),
                b.anchors + b.finderCalls, large.length());
    }

    @Test
    void workPerKilobyteDoesNotGrowWithTheText() {
        assertProportional(ScanTexts.mixed(SMALL, 1), ScanTexts.mixed(LARGE, 1));
    }

    /** Text made of one candidate again and again; 16 KB vs 256 KB, to keep the test quick. */
    @Test
    void workPerKilobyteDoesNotGrowOnDenseAnchors() {
        for (String unit : new String[] {"1 ", "1.2.3.4 ", "::", "a:b ", "@", "x@y.com ", ".", "a.b ", "((+", "AB12 ",
            "4111 1111 1111 1111 ", "0x", "bc1", "+1 (415) 555-0132 ", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 "}) {
            assertProportional(ScanTexts.repeated(unit, SMALL / 4), ScanTexts.repeated(unit, LARGE / 4));
        }
    }

    /** Dense anchors of each finder, at 16 KB and 256 KB: the same work per KB, and at most a few per character. */
    @Test
    void adversarialAnchorsCostABoundedAmountPerCharacter() {
        for (String unit : new String[] {"@", "a@", "@b.", "1.1.", "1.", "+", "+1 ", "(1", "1234567890 ", "::",
            "1:", ":", "http://", "http://a.co/)", "a.co/)", "www.", "A", "AB12", "0x", "bc1",
            // phone plans, written-out e-mails, lower-case IBANs
            "tel 1234567 ", "(0)", "+49 30 1234567 ", "1 2 3 4 5 6 7 8 9 ", "x dot ", "a at b dot ", "[at]", "(at)b.",
            "de89 ", "٤١١١–"}) {
            String small = ScanTexts.repeated(unit, 16 * 1024);
            String large = ScanTexts.repeated(unit, 256 * 1024);
            PiiScan.Counts a = count(small);
            PiiScan.Counts b = count(large);
            double smallPerKb = (a.anchors + a.finderCalls) * 1024.0 / small.length();
            double largePerKb = (b.anchors + b.finderCalls) * 1024.0 / large.length();
            assertThat(largePerKb).as("work per KB of %s at 256 KB vs 16 KB", unit)
                    .isBetween(smallPerKb / 1.3, smallPerKb * 1.3);
            assertThat(b.anchors + b.finderCalls).as("anchors and finder calls per character of %s", unit)
                    .isLessThanOrEqualTo(4L * large.length());
        }
        // one long run of digits is one anchor
        PiiScan.Counts digits = count("1".repeat(256 * 1024));
        assertThat(digits.anchors + digits.finderCalls).isLessThanOrEqualTo(10);
        // a URL path ending in many closing parentheses: trimmed in one pass, not one count of the path per ')'
        String url = "see http://a.co/" + ")".repeat(200_000);
        assertThat(PiiDetector.of(PiiType.URL).detect(url)).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(16));
    }

    @Test
    void detectingManyFindingsStaysProportional() {
        String unit = "mail a.b@example.com or c.d@example.org, ";
        List<PiiSpan> small = PiiDetector.all().detect(ScanTexts.repeated(unit, SMALL));
        List<PiiSpan> large = PiiDetector.all().detect(ScanTexts.repeated(unit, LARGE));
        ScanTexts.assertSameWorkPerKb("findings", small.size(), SMALL, large.size(), LARGE);
    }

    @Test
    void quietTextCallsNoFinder() {
        PiiScan.Counts counts = count(ScanTexts.repeated("only lower case words, spaces; and commas! ", SMALL));
        assertThat(counts.anchors).isZero();
        assertThat(counts.finderCalls).isZero();
    }

    @Test
    void aFindingOfOneTypeDoesNotHideACandidateOfAnother() {
        // the IPv4 finder resumes after 10.0.0.1/8; the phone and card finders still see the numbers inside
        // and after it, as their own scans would
        String text = "hosts 10.0.0.1 and card 4111 1111 1111 1111, call +44 20 7123 4567 or 10.0.0.2";
        List<PiiSpan> spans = new ArrayList<>();
        PiiScan.scan(text, ALL, spans, null);
        assertThat(spans).extracting(PiiSpan::type).contains(PiiType.IP_ADDRESS, PiiType.CREDIT_CARD,
                PiiType.PHONE);
        assertThat(PiiDetector.all().detect(text)).extracting(PiiSpan::type).containsExactly(PiiType.IP_ADDRESS,
                PiiType.CREDIT_CARD, PiiType.PHONE, PiiType.IP_ADDRESS);
    }

    @Test
    void anchorsInsideWordsAndAtTheEdges() {
        assertThat(PiiDetector.of(PiiType.CRYPTO_WALLET).detect("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
                .extracting(PiiSpan::start).containsExactly(0);
        assertThat(PiiDetector.of(PiiType.CRYPTO_WALLET).detect("pay 0x52908400098527886E0F7030069857D2E4169EE7"))
                .extracting(PiiSpan::start).containsExactly(4);
        assertThat(PiiDetector.of(PiiType.CRYPTO_WALLET).detect("pay10x52908400098527886E0F7030069857D2E4169EE7"))
                .isEmpty();
        assertThat(PiiDetector.of(PiiType.IP_ADDRESS).detect("fe80::1")).hasSize(1);
        assertThat(PiiDetector.of(PiiType.URL).detect("example.com")).hasSize(1);
        assertThat(PiiDetector.of(PiiType.EMAIL).detect("@")).isEmpty();
    }
}
