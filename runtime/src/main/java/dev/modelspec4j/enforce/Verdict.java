package dev.modelspec4j.enforce;

import dev.modelspec4j.Violation;
import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules decided about one text: an immutable value that {@link RuleRunner} returns and every transport
 * reads the same way.
 *
 * @param violations everything the rules found, in rule order: REPORT findings are recorded, never acted on
 * @param strongest the strongest action among {@code violations} other than REPORT; null when none
 * @param redactions the spans REDACT findings ask to mask
 * @param reasons what a re-ask tells the model, one line per finding
 */
public record Verdict(List<Violation> violations, Action strongest, List<Span> redactions, List<String> reasons) {

    /** Nothing found. */
    public static final Verdict CLEAN = new Verdict(List.of(), null, List.of(), List.of());

    public Verdict {
        violations = List.copyOf(violations);
        redactions = List.copyOf(redactions);
        reasons = List.copyOf(reasons);
    }

    /** What REPORT rules found. */
    public List<Violation> reports() {
        return violations.stream().filter(v -> v.action() == Action.REPORT).toList();
    }

    /** Whether no rule acts: the text may go on as it is. */
    public boolean passes() {
        return strongest == null;
    }

    /** Collects a verdict finding by finding; confined to the thread that judges. */
    static final class Builder {

        private final Phase phase;
        private final int attempt;
        private List<Violation> violations;
        private List<Span> redactions;
        private List<String> reasons;
        private Action strongest;

        Builder(Phase phase, int attempt) {
            this.phase = phase;
            this.attempt = attempt;
        }

        /** Adds one finding of {@code rule}, taken with {@code action} (BLOCK when its check failed). */
        Builder add(Rule rule, Action action, Finding finding) {
            violations = append(violations,
                    new Violation(rule.id(), rule.level(), action, phase, attempt, finding.evidence()));
            if (action == Action.REPORT) {
                return this;
            }
            reasons = append(reasons, finding.message());
            if (action == Action.REDACT) {
                for (Span s : finding.spans()) {
                    redactions = append(redactions, s);
                }
            }
            if (strongest == null || action.severity() > strongest.severity()) {
                strongest = action;
            }
            return this;
        }

        Verdict build() {
            if (violations == null) {
                return CLEAN;
            }
            return new Verdict(violations, strongest, orEmpty(redactions),
                    orEmpty(reasons));
        }

        private static <T> List<T> append(List<T> list, T item) {
            List<T> l = list == null ? new ArrayList<>(2) : list;
            l.add(item);
            return l;
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
