package dev.modelspec4j.check.injection;

import java.util.Arrays;

/**
 * The terms {@link ConceptIndex} found in one text: for each occurrence, the concepts it stands for (a mask of
 * {@link Concept#bit()}) and its span in the scan text, in increasing order of start. Per call, not shared.
 */
final class ConceptHits {

    private int[] masks = new int[32];
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int size;
    private int all;
    private int[][] byConcept; // for each concept, the indices of its hits; built on first use

    void add(int mask, int start, int end) {
        if (size == masks.length) {
            masks = Arrays.copyOf(masks, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        masks[size] = mask;
        starts[size] = start;
        ends[size++] = end;
        all |= mask;
        byConcept = null;
    }

    int size() {
        return size;
    }

    int start(int hit) {
        return starts[hit];
    }

    int end(int hit) {
        return ends[hit];
    }

    int mask(int hit) {
        return masks[hit];
    }

    /** Whether any hit stands for {@code concept}. */
    boolean has(Concept concept) {
        return (all & concept.bit()) != 0;
    }

    /** The indices of the hits of {@code concept}, in increasing order of start. */
    int[] of(Concept concept) {
        if (byConcept == null) {
            int[] counts = new int[Concept.values().length];
            for (int h = 0; h < size; h++) {
                for (int m = masks[h]; m != 0; m &= m - 1) {
                    counts[Integer.numberOfTrailingZeros(m)]++;
                }
            }
            byConcept = new int[counts.length][];
            for (int c = 0; c < counts.length; c++) {
                byConcept[c] = new int[counts[c]];
                counts[c] = 0;
            }
            for (int h = 0; h < size; h++) {
                for (int m = masks[h]; m != 0; m &= m - 1) {
                    int c = Integer.numberOfTrailingZeros(m);
                    byConcept[c][counts[c]++] = h;
                }
            }
        }
        return byConcept[concept.ordinal()];
    }

    /** The first hit of {@code concept} that starts in [from, to), or -1. Binary search: O(log n). */
    int first(Concept concept, int from, int to) {
        int[] list = of(concept);
        int low = 0;
        int high = list.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[list[mid]] < from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < list.length && starts[list[low]] < to ? list[low] : -1;
    }

    /** Whether a hit of {@code concept} starts in [from, to). */
    boolean any(Concept concept, int from, int to) {
        return has(concept) && first(concept, Math.max(0, from), to) >= 0;
    }

    /** How many different hits of {@code concept} start in [from, to), counting at most {@code cap}. */
    int count(Concept concept, int from, int to, int cap) {
        int[] list = of(concept);
        int first = first(concept, Math.max(0, from), to);
        if (first < 0) {
            return 0;
        }
        int k = Arrays.binarySearch(list, first);
        int n = 0;
        int lastStart = -1;
        for (; k < list.length && starts[list[k]] < to && n < cap; k++) {
            if (starts[list[k]] != lastStart) {
                n++;
                lastStart = starts[list[k]];
            }
        }
        return n;
    }
}
