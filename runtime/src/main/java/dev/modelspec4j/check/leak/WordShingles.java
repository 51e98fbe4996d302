package dev.modelspec4j.check.leak;

import dev.modelspec4j.check.injection.InjectionNormalizer;
import dev.modelspec4j.check.injection.ScanText;
import java.util.Arrays;

/**
 * A text cut into words (after {@link InjectionNormalizer}: lower case, no accents, look-alikes folded, invisible
 * characters gone; punctuation separates words and is dropped) and into overlapping runs of
 * {@link #SIZE} words, each hashed to 64 bits.
 */
final class WordShingles {

    /** Words in a shingle. */
    static final int SIZE = 5;

    private final ScanText scan;
    private final int[] wordStarts;
    private final int[] wordEnds;
    private final long[] shingles;

    private WordShingles(ScanText scan, int[] wordStarts, int[] wordEnds, long[] shingles) {
        this.scan = scan;
        this.wordStarts = wordStarts;
        this.wordEnds = wordEnds;
        this.shingles = shingles;
    }

    static WordShingles of(String text) {
        ScanText scan = InjectionNormalizer.normalize(text);
        String s = scan.text();
        int[] starts = new int[16];
        int[] ends = new int[16];
        long[] hashes = new long[16];
        int words = 0;
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            long h = wordHash(s, start, i);
            if (words == starts.length) {
                starts = Arrays.copyOf(starts, words * 2);
                ends = Arrays.copyOf(ends, words * 2);
                hashes = Arrays.copyOf(hashes, words * 2);
            }
            starts[words] = start;
            ends[words] = i;
            hashes[words] = h;
            words++;
        }
        long[] shingles = new long[Math.max(0, words - SIZE + 1)];
        for (int w = 0; w < shingles.length; w++) {
            shingles[w] = shingle(hashes, w, hashes.length);
        }
        return new WordShingles(scan, Arrays.copyOf(starts, words), Arrays.copyOf(ends, words), shingles);
    }

    /** The hash of the word {@code s[start, end)} of a normalised text (FNV-1a). */
    static long wordHash(String s, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * The hash of the shingle of the {@link #SIZE} word hashes from {@code first} in {@code words}, read as a ring
     * of {@code ring} slots (the array length for a plain array).
     */
    static long shingle(long[] words, int first, int ring) {
        long h = 0;
        for (int k = 0; k < SIZE; k++) {
            h = h * 0x9E3779B97F4A7C15L + words[(first + k) % ring];
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    int wordCount() {
        return wordStarts.length;
    }

    /** The shingle hashes; shingle {@code i} covers words {@code i .. i + SIZE - 1}. */
    long[] shingles() {
        return shingles;
    }

    /** The original start of word {@code w}. */
    int originalStart(int w) {
        return scan.originalStart(wordStarts[w]);
    }

    /** The original end of word {@code w}. */
    int originalEnd(int w) {
        return scan.originalEnd(wordEnds[w]);
    }
}
