package dev.modelspec4j.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.text.ScanTexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single pass: linear in the text (counted, not timed), and the quiet characters it may skip. */
class SecretScanTest {

    private static final SecretDetector DETECTOR = SecretDetector.defaults();
    private static final int SMALL = 64 * 1024;
    private static final int LARGE = 1024 * 1024;

    private static SecretScan.Counts count(String text) {
        SecretScan.Counts counts = new SecretScan.Counts();
        EntropyRule entropy = new EntropyRule(SecretDetector.DEFAULT_BASE64_THRESHOLD,
                SecretDetector.DEFAULT_HEX_THRESHOLD);
        SecretScan.scan(text, new Assignments(entropy), entropy, new ArrayList<>(), counts);
        return counts;
    }

    private static void assertProportional(String small, String large) {
        SecretScan.Counts a = count(small);
        SecretScan.Counts b = count(large);
        ScanTexts.assertSameWorkPerKb("rule calls and characters looked at", a.total() + a.exactChars,
                small.length(), b.total() + b.exactChars, large.length());
        assertThat(b.exactChars).as("characters looked at more than once").isLessThanOrEqualTo(2L * large.length());
    }

    @Test
    void workPerKilobyteDoesNotGrowWithTheText() {
        assertProportional(ScanTexts.mixed(SMALL, 2), ScanTexts.mixed(LARGE, 2));
    }

    /** Text made of one candidate again and again; 16 KB vs 256 KB, to keep the test quick. */
    @Test
    void workPerKilobyteDoesNotGrowOnDenseCandidates() {
        for (String unit : new String[] {"a=b ", "k: v\n", "=", ":", "x://y:z@h ", "AKIA", "sk-", "eyJ.",
            "Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1 ", "password = 'x\n", "a:\n  b\n", "A1", "ZZZZZZZZ"}) {
            assertProportional(ScanTexts.repeated(unit, SMALL / 4), ScanTexts.repeated(unit, LARGE / 4));
        }
    }

    /**
     * Anchors whose match fails, packed: each used to cost up to 2 048 characters of look-ahead (16 384 for a
     * private key), or a read of the whole rest of the value. Counted at 16 KB and 256 KB: the same work per KB,
     * and a small bound per character.
     */
    @Test
    void adversarialAnchorsCostABoundedAmountPerCharacter() {
        for (String unit : new String[] {"sk-", "sk-proj-", "xoxb-", "xoxb-1", "eyJ-", "eyJa.", "eyJhbGciOi.eyJhb.",
            "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----\n",
            "x://y:z@h ", "glpat-", "ghp_", "AIza-", "github_pat_", "sk_live_", "https://hooks.slack.com/services/",
            "a=", "password=", "a:\n ", "k:\n  ", "pwd='b' ", "a=\"b\" ", "\u0130=\u03a3=", "sk-ant-", "xapp-1-",
            "npm_", "A3-", "Q~", "1Q~", "aaa1Q~", "keyAKIA", "keyAKIA1", "-----BEGIN CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\nMII\n-----END ", "-----BEGIN RSA PRIVATE KEY----- x",
            "Authorization: Bearer ", "-u a:b ", "k: v.", "sha256~"}) {
            // a key header matches from its last 16 384 characters on (the body may end with the text): sizes well
            // past that, so that both texts are mostly headers whose match fails
            int scale = unit.contains("PRIVATE KEY") ? 16 : 1;
            String small = ScanTexts.repeated(unit, 16 * 1024 * scale);
            String large = ScanTexts.repeated(unit, 256 * 1024 * scale);
            SecretScan.Counts a = count(small);
            SecretScan.Counts b = count(large);
            long smallWork = a.total() + a.exactChars;
            long largeWork = b.total() + b.exactChars;
            double smallPerKb = smallWork * 1024.0 / small.length();
            double largePerKb = largeWork * 1024.0 / large.length();
            assertThat(largePerKb).as("work per KB of %s at 16 times the size", unit)
                    .isBetween(smallPerKb / 1.3, smallPerKb * 1.3);
            assertThat(largeWork).as("work per character of %s", unit).isLessThanOrEqualTo(MAX_WORK_PER_CHAR
                    * large.length());
        }
    }

    /** Work per character allowed on any input: rule calls and characters read, all rules together. */
    private static final long MAX_WORK_PER_CHAR = 16;

    @Test
    void quietTextIsSkippedWithoutCallingAnyRule() {
        SecretScan.Counts counts = count(ScanTexts.repeated("only lower case words, spaces; and commas! ", SMALL));
        assertThat(counts.total()).isZero();
        assertThat(counts.exactChars).isZero();
    }

    @Test
    void tokensWhoseLoudCharacterComesAfterLowerCaseLetters() {
        // the first loud character of these is the '_', '-', ':' or 'J' after a lower-case anchor start
        for (String token : new String[] {"ghp_Q7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2", "glpat-abcdefghij0123456789",
            "xoxb-1234567890-abcdefghij", "sk_live_abcdefghijklmnop1234", "sk-proj-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8",
            "github_pat_11ABCDEFG0123456789abcdefghijkl",
            "https://hooks.slack.com/services/T000/B000/q7W9e2R4t6Y8u0I1o3P5a7S9",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}) {
            for (String before : new String[] {"", "see ", "see (", "see\n", "a: "}) {
                String text = before + token + " ok";
                List<SecretSpan> spans = DETECTOR.detect(text);
                assertThat(spans).as(text).hasSize(1);
                assertThat(spans.get(0).start()).as(text).isEqualTo(before.length());
            }
            assertThat(DETECTOR.detect("see x" + token)).as("glued to a word: no token, at most a random string")
                    .allSatisfy(s -> assertThat(s.kind()).isEqualTo(SecretKind.HIGH_ENTROPY));
        }
    }

    @Test
    void entropyRunsThatStartWithLowerCaseLetters() {
        String value = "zqxmvbnrtwplkjhg8Q3X7Z2K9R4T";
        assertThat(DETECTOR.detect("token was " + value + " yesterday")).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(SecretKind.HIGH_ENTROPY))
                .satisfies(s -> assertThat(s.start()).isEqualTo(10));
        assertThat(DETECTOR.detect("all lower case zqxmvbnrtwplkjhgfdsaqwertyuiop run")).isEmpty();
    }
}
