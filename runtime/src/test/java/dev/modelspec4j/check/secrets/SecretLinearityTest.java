package dev.modelspec4j.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.text.ScanTexts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time linear in the text on adversarial Unicode and on the units the rules look at: on four times the text the
 * detector (normaliser included) takes about four times as long, and well under the sixteen times of a quadratic
 * path; the bound of ten leaves room for a shared machine's noise. Times are the thread's CPU time. 160 000 characters of {@code İ=Σ=} used to take
 * 5.4 s. {@link SecretScanTest} counts the work of the scan itself, which does not depend on the machine.
 */
class SecretLinearityTest {

    private static final SecretDetector DETECTOR = SecretDetector.defaults();
    private static final int N = 160_000;

    @ParameterizedTest
    @ValueSource(strings = {"\u0130=\u03a3=", "\u0130:\u03a3 ", "a=\u0130\u03a3", "e\u0301\u0301=", "\u00a0=\u2009:",
        "\ud835\udc00=", "A1b2=", "k: v.", "Authorization: Bearer ", "curl -u a:", "-----BEGIN CERTIFICATE-----\n",
        "-----BEGIN RSA PRIVATE KEY----- ", "AAAAB3NzaC1yc2E", "base64,", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 ",
        "keyAKIA1", "1Q~1", "sk-ant-", "Zq8r2Lx0Vb7Nd4Kp1Tw9Ys3Mh6Jc5Fg0.", "a:a:"})
    void fourTimesTheTextTakesAboutFourTimesAsLong(String unit) {
        String small = ScanTexts.repeated(unit, N / unit.length());
        String large = ScanTexts.repeated(unit, 4 * N / unit.length());
        for (int warm = 0; warm < 3; warm++) {
            DETECTOR.detect(small);
            DETECTOR.detect(large);
        }
        // a quadratic path fails every attempt; pauses of a loaded shared machine spoil some
        double ratio = Double.MAX_VALUE;
        double smallTime = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 6 && ratio >= 10.0; attempt++) {
            smallTime = Math.min(smallTime, bestOf(small));
            ratio = Math.min(ratio, bestOf(large) / smallTime);
        }
        assertThat(ratio).as("time ratio at 4x the text of %s", unit).isLessThan(10.0);
        assertThat(smallTime / 1e9).as("seconds for %d characters of %s", small.length(), unit).isLessThan(1.0);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * The fastest of a few runs, in nanoseconds of this thread's CPU time where the JVM measures it (wall-clock time
     * otherwise): the build machine is shared, and CPU time does not count the time other processes take.
     */
    private static double bestOf(String text) {
        long best = Long.MAX_VALUE;
        List<SecretSpan> sink = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long start = now();
            sink.addAll(DETECTOR.detect(text));
            best = Math.min(best, now() - start);
            sink.clear();
        }
        return Math.max(best, 2_000_000); // below 2 ms, the ratio is noise
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
