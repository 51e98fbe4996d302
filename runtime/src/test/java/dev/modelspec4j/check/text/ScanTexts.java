package dev.modelspec4j.check.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

/** Deterministic test texts for the scans: everyday prose with numbers, code-like lines and findings. */
public final class ScanTexts {

    private static final String[] WORDS = ("we shipped your parcel yesterday and the courier expects delivery on "
            + "monday but if nothing arrives by friday write back to this thread with the reference below so "
            + "that our billing team can check the payment record and send a replacement").split(" ");

    private static final String[] EXTRAS = {
        "Ref 7731 dated 2025-01-09 09:15:00.", "Build 3.14.2 is out.", "Amount: 2,310.50 EUR.", "Step 2:",
        "Shelf A4, aisle 12.", "retries = 3", "mode: fast", "See https://docs.example.org/faq.",
        "Mail bob.smith@example.net today.", "Dial +33 1 23 45 67 89 later.", "Pay to GB82 WEST 1234 5698 7654 32.",
        "Card 5555 5555 5555 4444 on file.", "Host 192.168.0.12 is up.", "secret: hunter2hunter2",
        "Use ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78 here.", "x = Zq8Lm3Xv7Bn2Kd9Wp4Ty6Rs1", "(212) 555-0199"
    };

    private ScanTexts() {
    }

    /** {@code size} characters of prose from {@code seed}, with an extra line now and then. */
    public static String mixed(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 128);
        while (out.length() < size) {
            int words = 6 + random.nextInt(10);
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                out.append(w == words - 1 ? ". " : " ");
            }
            if (random.nextInt(3) == 0) {
                out.append(EXTRAS[random.nextInt(EXTRAS.length)]).append(random.nextBoolean() ? ' ' : '\n');
            }
        }
        out.setLength(size);
        return out.toString();
    }

    /** {@code unit} repeated up to {@code size} characters. */
    public static String repeated(String unit, int size) {
        StringBuilder out = new StringBuilder(size + unit.length());
        while (out.length() < size) {
            out.append(unit);
        }
        out.setLength(size);
        return out.toString();
    }

    /**
     * Asserts that {@code largeWork} on {@code largeSize} characters is, per kilobyte, within 20 % of
     * {@code smallWork} on {@code smallSize}: the linearity target, counted instead of timed.
     */
    public static void assertSameWorkPerKb(String what, long smallWork, int smallSize, long largeWork,
            int largeSize) {
        double small = smallWork * 1024.0 / smallSize;
        double large = largeWork * 1024.0 / largeSize;
        assertThat(large).as("%s per KB on %d vs %d characters", what, largeSize, smallSize)
                .isBetween(small / 1.2, small * 1.2);
    }
}
