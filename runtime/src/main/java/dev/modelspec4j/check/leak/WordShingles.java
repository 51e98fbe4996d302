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

    /** Adds a word; returns whether a shingle is complete, then read with {@link #shingle()} and {@link #start()}. */
    boolean add(long hash, int start) {
        hashes[words % SIZE] = hash;
        starts[words % SIZE] = start;
        words++;
        return words >= SIZE;
    }

    /** The hash of the shingle that the last word completed. */
    long shingle() {
        int first = words % SIZE; // the oldest of the ring
        long h = 0;
        for (int k = 0; k < SIZE; k++) {
            h = h * 0x9E3779B97F4A7C15L + hashes[(first + k) % SIZE];
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** The original start of the shingle that the last word completed. */
    int start() {
        return starts[words % SIZE];
    }

    /** Words added. */
    int words() {
        return words;
    }

    /** Forgets every word. */
    void clear() {
        words = 0;
    }
}
