package dev.modelspec4j.enforce;

import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import java.util.List;

/**
 * Runs output rules on a text and returns their {@link Verdict}: the one place where a finding becomes a
 * violation, GUIDELINE rules only report, and a check that throws fails closed (BLOCK). Blocking calls judge
 * each answer with {@link #judge}; streams judge the complete answer the same way and each prefix with
 * {@link #judgePrefix}, which reads only what a check may still change. Stateless; records nothing.
 */
public final class RuleRunner {

    private RuleRunner() {
    }

    /** What a check found in one text, or why it failed. */
    @FunctionalInterface
    public interface Scan {
        /** The findings of {@code rule}'s check; may throw, which fails closed. */
        List<Finding> findings(Rule rule);
    }

    /** What to keep of one finding mid-stream: a finding that may still change is left for later. */
    @FunctionalInterface
    public interface Settled {
        boolean test(Rule rule, Finding finding);
    }

    /**
     * Judges a whole answer: every rule reads all of it.
     *
     * @param rules the rules that apply to the call (those the user relaxed left out)
     * @param attempt the model call the answer came from, as audit records count it
     */
    public static Verdict judge(List<Rule> rules, String text, CheckContext context, int attempt) {
        return judgePrefix(rules, rule -> rule.output().check(text, context), (rule, finding) -> true, attempt);
    }

    /**
     * Judges what {@code scan} gives for each rule, keeping the findings that {@code settled} accepts: the form a
     * stream uses mid-answer, where a check reads only a tail and a match at the end may still grow.
     */
    public static Verdict judgePrefix(List<Rule> rules, Scan scan, Settled settled, int attempt) {
        Verdict.Builder verdict = new Verdict.Builder(Phase.OUTPUT, attempt);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            List<Finding> findings;
            try {
                findings = scan.findings(rule);
            } catch (RuntimeException e) {
                verdict.add(rule, Action.BLOCK, Finding.checkFailed(e)); // fail closed
                continue;
            }
            Action action = rule.effectiveAction();
            for (Finding f : findings) {
                if (settled.test(rule, f)) {
                    verdict.add(rule, action, f);
                }
            }
        }
        return verdict.build();
    }

    /** Whether mid-stream the rule is judged on prefixes: its check has a bounded look-ahead. */
    public static boolean judgesPrefixes(Rule rule) {
        return rule.output().lookAhead() != OutputCheck.WHOLE_ANSWER;
    }
}
