package dev.modelspec4j.check.leak;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.StreamWatch;
import dev.modelspec4j.check.injection.InjectionNormalizer;
import dev.modelspec4j.check.injection.ScanText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows a streamed answer for a copy of the instructions: keeps, over the whole answer so far, the distinct
 * {@value WordShingles#SIZE}-word shingles of the instructions that the answer has repeated, and stops the stream
 * once there are {@code threshold} of them. Each reading cuts only the new text into words (with the unfinished
 * word before it), normalised as {@link WordShingles} does, so a reading costs the size of the new text. A verbatim
 * copy adds a shingle with every word; a few changed words cost a few shingles each; an ordinary answer that
 * shares a phrase or two with the instructions stays below the threshold. One per streamed call.
 */
final class StreamedCopy implements StreamWatch {

    private static final int SIZE = WordShingles.SIZE;

    private final InstructionFingerprint instructions;
    private final int threshold;
    /** The last words read, as a ring: their hashes and original starts. */
    private final long[] words = new long[SIZE];
    private final int[] starts = new int[SIZE];
    private int wordCount;
    private final Set<Long> shared = new HashSet<>();
    /** Original start of the first shingle the answer shares with the instructions, or -1. */
    private int copyStart = -1;
    private int copyEnd;
    /** Where the next reading starts: at an unfinished word, or after the last word read. */
    private int cursor;
    private int length;

    StreamedCopy(InstructionFingerprint instructions, int threshold) {
        this.instructions = instructions;
        this.threshold = threshold;
    }

    @Override
    public Reading read(String answer) {
        if (answer.length() < length) {
            wordCount = 0;
            shared.clear();
            copyStart = -1;
            cursor = 0;
        }
        length = answer.length();
        int base = cursor;
        ScanText scan = InjectionNormalizer.normalize(answer.substring(base));
        String s = scan.text();
        int i = 0;
        int next = answer.length();
        if (next > base && Character.isHighSurrogate(answer.charAt(next - 1))) {
            next--;
        }
        while (i < s.length()) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) { // the word may go on in the next chunk
                next = base + scan.originalStart(start);
                break;
            }
            word(WordShingles.wordHash(s, start, i), base + scan.originalStart(start), base + scan.originalEnd(i));
        }
        cursor = next;
        if (shared.size() < threshold) {
            return Reading.NOTHING;
        }
        return new Reading(List.of(new Finding(InstructionLeakCheck.MESSAGE,
                "streamed copy of the instructions: " + shared.size() + " shared shingles",
                List.of(new Span(copyStart, copyEnd)))), Integer.MAX_VALUE);
    }

    /** Distinct shingles of the instructions that the words read so far repeat. */
    int sharedSoFar() {
        return shared.size();
    }

    private void word(long hash, int start, int end) {
        words[wordCount % SIZE] = hash;
        starts[wordCount % SIZE] = start;
        wordCount++;
        if (wordCount < SIZE) {
            return;
        }
        int first = (wordCount - SIZE) % SIZE;
        long shingle = WordShingles.shingle(words, first, SIZE);
        if (instructions.contains(shingle) && shared.add(shingle)) {
            if (copyStart < 0) {
                copyStart = starts[first];
            }
            copyEnd = end;
        }
    }
}
