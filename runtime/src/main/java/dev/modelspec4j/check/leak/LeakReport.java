package dev.modelspec4j.check.leak;

import java.util.List;

/**
 * What {@link InstructionLeakDetector} found in one answer.
 *
 * @param leaked            whether the answer reveals the instructions (canary, confidential value, long verbatim
 *                          run or high overlap; in the answer as written, ROT13-encoded, or in a base64 or hex
 *                          payload)
 * @param canaryFound       whether the call's canary token is in the answer
 * @param confidentialFound whether a value marked confidential is in the answer
 * @param coverage          the share of the instructions' shingles that the answer repeats (0..1)
 * @param sharedShingles    how many distinct shingles of the instructions the answer repeats
 * @param longestRunWords   the longest run of words copied in order from the instructions (0 if none of
 *                          {@value WordShingles#SIZE} words or more)
 * @param spans             where: the canary, confidential values, the verbatim runs long enough to count as a
 *                          leak on their own, and encoded payloads that leak
 */
public record LeakReport(boolean leaked, boolean canaryFound, boolean confidentialFound, double coverage,
                         int sharedShingles, int longestRunWords, List<LeakSpan> spans) {

    public LeakReport {
        spans = List.copyOf(spans);
    }
}
