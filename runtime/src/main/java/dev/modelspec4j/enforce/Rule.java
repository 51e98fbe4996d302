package dev.modelspec4j.enforce;

import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.OutputCheck;
import java.util.Objects;

/**
 * A rule as the engine runs it: an id, a level of authority, the action taken on a violation and the check.
 * GUIDELINE rules only report, whatever action they carry. Exactly one of {@code input} and {@code output} is set.
 */
public record Rule(String id, Level level, Action action, Phase phase, InputCheck input, OutputCheck output,
        boolean userOverridable) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phase, "phase");
        if ((phase == Phase.INPUT) != (input != null) || (phase == Phase.OUTPUT) != (output != null)) {
            throw new IllegalArgumentException("rule " + id + " needs exactly one check of its phase");
        }
        if (action == Action.REDACT && phase == Phase.OUTPUT && !output.supportsRedaction()) {
            throw new IllegalArgumentException("rule " + id + ": its check cannot redact");
        }
    }

    /** A rule on the model's answer. */
    public static Rule output(String id, Level level, Action action, OutputCheck check) {
        return new Rule(id, level, action, Phase.OUTPUT, null, Objects.requireNonNull(check, "check"), false);
    }

    /** A rule on what goes to the model. */
    public static Rule input(String id, Level level, Action action, InputCheck check) {
        return new Rule(id, level, action, Phase.INPUT, Objects.requireNonNull(check, "check"), null, false);
    }

    /**
     * This rule, which the end user may relax through {@code SpecContext}; a ROOT rule never can.
     */
    public Rule overridableByUser() {
        if (level == Level.ROOT) {
            throw new IllegalArgumentException("rule " + id + " is a ROOT rule: it cannot be user-overridable");
        }
        return new Rule(id, level, action, phase, input, output, true);
    }

    /** The action actually taken: GUIDELINE rules only report. */
    public Action effectiveAction() {
        return level == Level.GUIDELINE ? Action.REPORT : action;
    }
}
