package dev.modelspec4j.check.leak;

import java.util.Objects;

/**
 * The instructions of an assistant reduced to the set of their {@value WordShingles#SIZE}-word shingles, computed
 * once per instructions text and shared by every call: checking an answer then costs one pass over the answer.
 * Immutable and thread-safe.
 */
public final class InstructionFingerprint {

    private static final long EMPTY = 0L;

    private final long[] table; // open addressing; EMPTY marks a free slot, a real 0 hash is stored as 1
    private final int shingleCount;
    private final int wordCount;

    private InstructionFingerprint(long[] table, int shingleCount, int wordCount) {
        this.table = table;
        this.shingleCount = shingleCount;
        this.wordCount = wordCount;
    }

    /** The fingerprint of {@code instructions} (the system and developer text, without the per-call canary). */
    public static InstructionFingerprint of(String instructions) {
        Objects.requireNonNull(instructions, "instructions");
        WordShingles words = WordShingles.of(instructions);
        long[] shingles = words.shingles();
        int capacity = Integer.highestOneBit(Math.max(4, shingles.length * 2)) * 2;
        long[] table = new long[capacity];
        int distinct = 0;
        for (long s : shingles) {
            if (insert(table, key(s))) {
                distinct++;
            }
        }
        return new InstructionFingerprint(table, distinct, words.wordCount());
    }

    private static long key(long hash) {
        return hash == EMPTY ? 1L : hash;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == EMPTY) {
                table[slot] = key;
                return true;
            }
            if (table[slot] == key) {
                return false;
            }
        }
    }

    /** Whether the instructions contain the shingle with this hash. */
    boolean contains(long hash) {
        long key = key(hash);
        int mask = table.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == EMPTY) {
                return false;
            }
            if (table[slot] == key) {
                return true;
            }
        }
    }

    /** Distinct shingles in the instructions. */
    public int shingleCount() {
        return shingleCount;
    }

    /** Words in the instructions. */
    public int wordCount() {
        return wordCount;
    }
}
