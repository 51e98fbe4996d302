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

    private static final PiiScan.Plan ALL = new PiiScan.Plan(EnumSet.allOf(PiiType.class));
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
