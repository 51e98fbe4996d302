package dev.modelspec4j.check.leak;

/**
 * A set of 64-bit hashes with open addressing, grown as needed; 0 is stored as 1 (0 marks a free slot). Small
 * and allocation-free once sized. Not thread-safe: read-only once shared.
 */
final class LongSet {

    private long[] table;
    private int size;

    LongSet(int expected) {
        table = new long[Integer.highestOneBit(Math.max(4, expected * 2)) * 2];
    }

    private static long key(long hash) {
        return hash == 0 ? 1L : hash;
    }

    /** Adds {@code hash}; returns whether it was new. */
    boolean add(long hash) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        long key = key(hash);
        int mask = table.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == 0) {
                table[slot] = key;
                size++;
                return true;
            }
            if (table[slot] == key) {
                return false;
            }
        }
    }

    boolean contains(long hash) {
        long key = key(hash);
        int mask = table.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            long at = table[slot];
            if (at == key) {
                return true;
            }
            if (at == 0) {
                return false;
            }
        }
    }

    void clear() {
        java.util.Arrays.fill(table, 0L);
        size = 0;
    }

    int size() {
        return size;
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long key : old) {
            if (key != 0) {
                add(key);
            }
        }
    }
}
