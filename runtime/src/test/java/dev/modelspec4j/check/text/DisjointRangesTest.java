package dev.modelspec4j.check.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisjointRangesTest {

    @Test
    void acceptsExactlyWhatAPairwiseCheckAccepts() {
        Random random = new Random(3);
        for (int round = 0; round < 500; round++) {
            DisjointRanges ranges = new DisjointRanges();
            List<int[]> kept = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                int start = random.nextInt(60);
                int end = start + (random.nextInt(5) == 0 ? 0 : random.nextInt(8));
                boolean free = kept.stream().noneMatch(r -> r[0] < end && start < r[1]);
                assertThat(ranges.addIfFree(start, end)).as("[%d, %d) after %d ranges", start, end, k)
                        .isEqualTo(free);
                if (free) {
                    kept.add(new int[] {start, end});
                }
            }
        }
    }

    @Test
    void emptyRangesOverlapOnlyRangesStrictlyAroundThem() {
        DisjointRanges ranges = new DisjointRanges();
        assertThat(ranges.addIfFree(5, 5)).isTrue();
        assertThat(ranges.addIfFree(5, 9)).isTrue();
        assertThat(ranges.addIfFree(4, 6)).isFalse();
        assertThat(ranges.addIfFree(3, 5)).isTrue();
        assertThat(ranges.addIfFree(6, 6)).isFalse();
        assertThat(ranges.addIfFree(9, 9)).isTrue();
        assertThatThrownBy(() -> ranges.addIfFree(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
