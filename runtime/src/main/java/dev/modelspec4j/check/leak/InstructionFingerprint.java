package dev.modelspec4j.check.leak;

import java.util.Objects;

/**
 * The instructions of an assistant reduced to the set of their {@value WordShingles#SIZE}-word shingles (read as
 * {@link LeakWords} reads them), and the same for their ROT13 form, computed once per instructions text and
 * shared by every call: checking an answer then costs one pass over the answer. Immutable and thread-safe.
 */
public final class InstructionFingerprint {

    private final LongSet shingles;
    private final LongSet rot13Shingles;
    private final int wordCount;

    private InstructionFingerprint(LongSet shingles, LongSet rot13Shingles, int wordCount) {
        this.shingles = shingles;
        this.rot13Shingles = rot13Shingles;
        this.wordCount = wordCount;
    }

    /** The fingerprint of {@code instructions} (the system and developer text, without the per-call canary). */
    public static InstructionFingerprint of(String instructions) {
        Objects.requireNonNull(instructions, "instructions");
        int expected = instructions.length() / 5 + 1;
        LongSet plain = new LongSet(expected);
        LongSet rot13 = new LongSet(expected);
        WordShingles plainWords = new WordShingles();
        WordShingles rot13Words = new WordShingles();
        LeakWords.read(instructions, false, (word, length, hash, start, end) -> {
            if (plainWords.add(hash, start)) {
                plain.add(plainWords.shingle());
            }
            if (rot13Words.add(LeakWords.hash(word, length, true), start)) {
                rot13.add(rot13Words.shingle());
            }
        });
        return new InstructionFingerprint(plain, rot13, plainWords.words());
    }

    /** Whether the instructions contain the shingle with this hash. */
    boolean contains(long hash) {
        return shingles.contains(hash);
    }

    /** Whether the ROT13 form of the instructions contains the shingle with this hash. */
    boolean containsRot13(long hash) {
        return rot13Shingles.contains(hash);
    }

    /** Distinct shingles in the instructions. */
    public int shingleCount() {
        return shingles.size();
    }

    /** Words in the instructions. */
    public int wordCount() {
        return wordCount;
    }
}
