package dev.modelspec4j;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import java.util.Objects;

/**
 * A rule that a call broke.
 *
 * @param ruleId the rule's id
 * @param level the rule's level of authority
 * @param action the action the rule carries
 * @param phase whether the input or the answer broke it
 * @param attempt which model call's answer broke it (1 for the first; 0 for input rules)
 * @param evidence what was found, safe for an audit trail: it never quotes the checked text
 */
public record Violation(String ruleId, Level level, Action action, Phase phase, int attempt, String evidence) {

    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Where a rule is checked. */
    public enum Phase {
        /** Before the model is called, on what goes in. */
        INPUT,
        /** After the model answered, on what comes out. */
        OUTPUT
    }
}
