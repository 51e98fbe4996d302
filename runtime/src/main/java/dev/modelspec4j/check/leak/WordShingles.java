package dev.modelspec4j.check.leak;

/**
 * Overlapping runs of {@link #SIZE} words, each hashed to 64 bits, read one word at a time: give it the hash of
 * each word ({@link LeakWords#hash}) with its original start, and once {@link #SIZE} words are in, each word
 * completes a shingle. One per text read; not thread-safe.
 */
final class WordShingles {

    /** Words in a shingle. */
    static final int SIZE = 5;

    private final long[] hashes = new long[SIZE];
    private final int[] starts = new int[SIZE];
    private int words;
    /** The slot of the oldest word of the ring, where the next word goes. */
    private int oldest;

    /** Adds a word; returns whether a shingle is complete, then read with {@link #shingle()} and {@link #start()}. */
    boolean add(long hash, int start) {
        hashes[oldest] = hash;
        starts[oldest] = start;
        oldest = oldest == SIZE - 1 ? 0 : oldest + 1;
        words++;
        return words >= SIZE;
    }

    /** The hash of the shingle that the last word completed. */
    long shingle() {
        long h = 0;
        int slot = oldest;
        for (int k = 0; k < SIZE; k++) {
            h = h * 0x9E3779B97F4A7C15L + hashes[slot];
            slot = slot == SIZE - 1 ? 0 : slot + 1;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** The original start of the shingle that the last word completed. */
    int start() {
        return starts[oldest];
    }

    /** Words added. */
    int words() {
        return words;
    }

    /** Forgets every word. */
    void clear() {
        words = 0;
        oldest = 0;
    }
}
