package dev.modelspec4j.enforce;

import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.annotation.Action;

/**
 * The one table from a verdict's strongest action to how a call ends, for every transport. A transport states
 * what it can do ({@link Capabilities}); where it cannot take an action, the table names what it does instead,
 * and {@code docs/streaming.md} lists these differences.
 *
 * <table>
 *   <caption>action → ending</caption>
 *   <tr><th>action</th><th>input phase</th><th>output phase</th></tr>
 *   <tr><td>none, REPORT</td><td>proceed</td><td>deliver</td></tr>
 *   <tr><td>REDACT</td><td>proceed, masked</td><td>deliver masked</td></tr>
 *   <tr><td>REASK</td><td>block (nothing to ask again)</td><td>ask again if the transport can and attempts are
 *       left; else the refusal when the spec gives one; else block</td></tr>
 *   <tr><td>REFUSE</td><td>refuse</td><td>refuse</td></tr>
 *   <tr><td>FALLBACK</td><td>fallback if the transport can, else block</td><td>the same</td></tr>
 *   <tr><td>BLOCK</td><td>block</td><td>block</td></tr>
 * </table>
 */
public final class Endings {

    private Endings() {
    }

    /** How a call, or the current answer of a call, ends. */
    public enum Ending {
        /** Go on (input) or deliver the answer as it stands (output). */
        DELIVER,
        /** Go on with the offending spans masked. */
        REDACT,
        /** Call the model again with the violation explained. */
        ASK_AGAIN,
        /** The caller receives the refusal. */
        REFUSE,
        /** The generated method returns its fallback method's result. */
        FALLBACK,
        /** The call ends with {@code SpecViolationException}. */
        BLOCK
    }

    /**
     * What a transport can do at the point where it decides.
     *
     * @param fallback whether it can hand the call to the interface's fallback method (a blocking method can;
     *     a stream returns a {@code TokenStream} and has no fallback value)
     * @param askAgain whether it can ask the model again: nothing of the answer has reached the caller (a
     *     blocking call, or a buffered stream once its answer is complete)
     */
    public record Capabilities(boolean fallback, boolean askAgain) {

        /** A blocking call: every action. */
        public static final Capabilities BLOCKING = new Capabilities(true, true);

        /** A stream whose answer is held back whole until judged: every action but FALLBACK. */
        public static final Capabilities BUFFERED_STREAM = new Capabilities(false, true);

        /** A stream that releases text as it is judged: neither FALLBACK nor REASK. */
        public static final Capabilities STREAM = new Capabilities(false, false);
    }

    /**
     * The ending of {@code action} in {@code phase}.
     *
     * @param action the verdict's strongest action; null when nothing acts
     * @param attemptsLeft whether another model call is within the call's limit
     * @param hasRefusal whether the spec gives a refusal text of its own
     */
    public static Ending of(Phase phase, Action action, Capabilities can, boolean attemptsLeft, boolean hasRefusal) {
        if (action == null || action == Action.REPORT) {
            return Ending.DELIVER;
        }
        return switch (action) {
            case REPORT -> Ending.DELIVER;
            case REDACT -> Ending.REDACT;
            case REFUSE -> Ending.REFUSE;
            case FALLBACK -> can.fallback() ? Ending.FALLBACK : Ending.BLOCK;
            case REASK -> phase == Phase.INPUT ? Ending.BLOCK
                    : can.askAgain() && attemptsLeft ? Ending.ASK_AGAIN
                    : hasRefusal ? Ending.REFUSE : Ending.BLOCK;
            case BLOCK -> Ending.BLOCK;
        };
    }
}
