package dev.modelspec4j.check.leak;

/**
 * Judges, by meaning, whether an answer reveals the instructions in other words: a paraphrase, a summary in the
 * answer's own words, a translation. The deterministic tests of {@link InstructionLeakDetector} compare words
 * and cannot see these; a judge compares meanings (an embedding model, a second model asked a yes/no question).
 *
 * <p>{@link InstructionLeakCheck} asks its judge only about complete answers that the deterministic tests let
 * pass, so a judge may be slower than they are; it is not asked mid-stream. Implementations are immutable and
 * thread-safe, and fail closed: a judge that cannot decide throws, and the engine treats the failure as a failed
 * check.
 */
@FunctionalInterface
public interface LeakJudge {

    /**
     * Whether {@code answer} reveals {@code instructions}.
     *
     * @param instructions the instructions the model was given (without the canary)
     * @param answer       the complete answer
     * @return the judgement; {@link Judgement#PASS} when the answer reveals nothing
     */
    Judgement judge(String instructions, String answer);

    /**
     * What a judge decided.
     *
     * @param reveals  whether the answer reveals the instructions
     * @param evidence what the decision rests on, for the audit record (a score, the closest sentence's index),
     *                 never the instructions themselves
     */
    record Judgement(boolean reveals, String evidence) {

        /** Reveals nothing. */
        public static final Judgement PASS = new Judgement(false, "");

        public Judgement {
            evidence = evidence == null ? "" : evidence;
        }
    }
}
