package dev.modelspec4j.check.leak;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.StreamWatch;
import java.util.List;

/**
 * Follows a streamed answer for a copy of the instructions: keeps, over the whole answer so far, the distinct
 * {@value WordShingles#SIZE}-word shingles of the instructions that the answer has repeated, and stops the stream
 * once there are {@code threshold} of them. Each reading cuts only the new text into words (with the unfinished
 * word before it), read as {@link LeakWords} reads them, so a reading costs the size of the new text. A verbatim
 * copy adds a shingle with every word; a few changed words cost a few shingles each; an ordinary answer that
 * shares a phrase or two with the instructions stays below the threshold. One per streamed call.
 */
final class StreamedCopy implements StreamWatch, LeakWords.Sink {

    private final InstructionFingerprint instructions;
    private final int threshold;
    /** The last words read. */
    private final WordShingles shingles = new WordShingles();
    private final LongSet shared = new LongSet(16);
    /** Original start of the first shingle the answer shares with the instructions, or -1. */
    private int copyStart = -1;
    private int copyEnd;
    /** Where the next reading starts: at an unfinished word, or after the last word read. */
    private int cursor;
    private int base;
    private int length;

    StreamedCopy(InstructionFingerprint instructions, int threshold) {
        this.instructions = instructions;
        this.threshold = threshold;
    }

    @Override
    public Reading read(String answer) {
        if (answer.length() < length) {
            shingles.clear();
            shared.clear();
            copyStart = -1;
            cursor = 0;
        }
        length = answer.length();
        base = cursor;
        int end = answer.length();
        if (end > base && Character.isHighSurrogate(answer.charAt(end - 1))) {
            end--; // the pair is completed by the next chunk
        }
        cursor = base + LeakWords.read(answer.substring(base, end), true, this);
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

    @Override
    public void word(char[] word, int wordLength, long hash, int start, int end) {
        if (!shingles.add(hash, base + start)) {
            return;
        }
        long shingle = shingles.shingle();
        if (instructions.contains(shingle) && shared.add(shingle)) {
            if (copyStart < 0) {
                copyStart = shingles.start();
            }
            copyEnd = base + end;
        }
    }
}
