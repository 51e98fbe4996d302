package dev.modelspec4j.check.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names repeated inside one long URL path: one span, and no name inside the path is looked at again. */
class UrlWorstCaseTest {

    @Test
    void namesInsideAPathGiveOneSpanForTheWholeUrl() {
        String text = "see a.com/x)b.org/y)c.net/z) today";
        List<PiiSpan> spans = PiiDetector.of(PiiType.URL).detect(text);
        assertThat(spans).hasSize(1);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("a.com/x)b.org/y)c.net/z");
    }

    @Test
    void aLongPathOfNamesIsScannedOnce() {
        // Before: every name re-read the rest of the path, about 32 s per MB. A single pass finishes at once; the
        // bound below is two orders of magnitude above it, so the test does not depend on the machine.
        String text = "a.com/)".repeat(150_000); // about 1 MB
        // CPU time of this thread, so that other processes on a shared machine do not count
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        List<PiiSpan> spans = PiiDetector.of(PiiType.URL).detect(text);
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(spans).hasSize(1);
        assertThat(millis).isLessThan(5_000);
    }
}
