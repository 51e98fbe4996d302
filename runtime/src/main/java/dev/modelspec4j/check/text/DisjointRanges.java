package dev.modelspec4j.check.text;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A growing set of pairwise non-overlapping ranges {@code [start, end)} of a text, for keeping the preferred one
 * of overlapping findings: offer the findings best first, keep those {@link #addIfFree} accepts. Each offer costs
 * O(log n), so resolving many findings stays linear-logarithmic rather than quadratic.
 *
 * <p>Two ranges overlap when they share a position: {@code a.start < b.end && b.start < a.end} (so an empty
 * range overlaps a range that strictly contains its position). Not thread-safe; one per resolution.
 */
public final class DisjointRanges {

    /** Non-empty ranges, start to end; disjoint, so ends grow with starts. */
    private final TreeMap<Integer, Integer> ranges = new TreeMap<>();
    /** Positions of the empty ranges added. */
    private final TreeSet<Integer> empty = new TreeSet<>();

    /** Adds {@code [start, end)} and returns true if it overlaps none of the ranges added so far. */
    public boolean addIfFree(int start, int end) {
        if (end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        Map.Entry<Integer, Integer> before = ranges.lowerEntry(end == start ? start : end);
        if (before != null && before.getValue() > start) {
            return false;
        }
        if (end > start) {
            Integer inside = empty.higher(start);
            if (inside != null && inside < end) {
                return false;
            }
            ranges.put(start, end);
        } else {
            empty.add(start);
        }
        return true;
    }
}
