package dev.modelspec4j.enforce;

import dev.modelspec4j.Violation.Phase;
import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.InputCheck.InputPart;
import dev.modelspec4j.check.OutputCheck;
import java.util.List;
import java.util.Objects;

/**
 * What the engine enforces on one interface method: a constant of the generated class, built once.
 */
public final class MethodPlan {

    /** Said when a rule refuses and the spec gives no refusal text of its own. */
    public static final String DEFAULT_REFUSAL = "Sorry, I can't help with that.";

    private final String name;
    private final List<Rule> inputRules;
    private final List<Rule> outputRules;
    private final int maxAttempts;
    private final String refusal;
    private final PrivacyPlan privacy;
    private final boolean plantsCanary;
    private final boolean checksReadContext;

    /**
     * @param name the method's name, as in audit records
     * @param rules the method's rules, input and output, cheapest checks first
     * @param maxAttempts the most model calls of one call (REASK); at least 1
     * @param refusal the refusal text; empty when the spec gives none
     */
    public MethodPlan(String name, List<Rule> rules, int maxAttempts, String refusal) {
        this(name, rules, maxAttempts, refusal, null);
    }

    /**
     * @param name the method's name, as in audit records
     * @param rules the method's rules, input and output, cheapest checks first
     * @param maxAttempts the most model calls of one call (REASK); at least 1
     * @param refusal the refusal text; empty when the spec gives none
     * @param privacy the method's {@code @Pii} rule, or null
     */
    public MethodPlan(String name, List<Rule> rules, int maxAttempts, String refusal, PrivacyPlan privacy) {
        this.privacy = privacy;
        this.plantsCanary = rules.stream().anyMatch(
                r -> r.output() instanceof dev.modelspec4j.check.leak.InstructionLeakCheck);
        this.name = Objects.requireNonNull(name, "name");
        this.inputRules = rules.stream().filter(r -> r.phase() == Phase.INPUT).toList();
        this.outputRules = rules.stream().filter(r -> r.phase() == Phase.OUTPUT).toList();
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.checksReadContext = rules.stream().anyMatch(MethodPlan::readsContext);
    }

    /**
     * Whether the rule's check may read the {@code CheckContext}: it overrides the check method that takes one.
     * The default methods of {@code OutputCheck} and {@code InputCheck} ignore it. When in doubt, it may.
     */
    private static boolean readsContext(Rule rule) {
        try {
            Class<?> declaring = rule.phase() == Phase.OUTPUT
                    ? rule.output().getClass().getMethod("check", String.class, CheckContext.class)
                            .getDeclaringClass()
                    : rule.input().getClass().getMethod("check", String.class, InputPart.class, CheckContext.class)
                            .getDeclaringClass();
            return declaring != OutputCheck.class && declaring != InputCheck.class;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    /**
     * The form generated classes use: the rules as an array, which costs the compiler less than a list.
     *
     * @param name the method's name, as in audit records
     * @param maxAttempts the most model calls of one call (REASK); at least 1
     * @param refusal the refusal text; empty when the spec gives none
     * @param rules the method's rules, input and output, cheapest checks first
     */
    public MethodPlan(String name, int maxAttempts, String refusal, Rule... rules) {
        this(name, List.of(rules), maxAttempts, refusal, null);
    }

    /**
     * The form generated classes use for a method with a {@code @Pii} rule.
     *
     * @param name the method's name, as in audit records
     * @param maxAttempts the most model calls of one call (REASK); at least 1
     * @param refusal the refusal text; empty when the spec gives none
     * @param privacy the method's {@code @Pii} rule
     * @param rules the method's other rules, input and output, cheapest checks first
     */
    public MethodPlan(String name, int maxAttempts, String refusal, PrivacyPlan privacy, Rule... rules) {
        this(name, List.of(rules), maxAttempts, refusal, Objects.requireNonNull(privacy, "privacy"));
    }

    /** The rule with this id, or null. */
    public Rule rule(String id) {
        for (Rule r : inputRules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        for (Rule r : outputRules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    public List<Rule> inputRules() {
        return inputRules;
    }

    public List<Rule> outputRules() {
        return outputRules;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether a rule keeps the instructions private: then each call plants a canary in them. */
    public boolean plantsCanary() {
        return plantsCanary;
    }

    /**
     * Whether a check of this method reads what it may know about the call ({@code CheckContext}): otherwise
     * a call builds none.
     */
    boolean checksReadContext() {
        return checksReadContext;
    }

    /** The method's {@code @Pii} rule, or null. */
    public PrivacyPlan privacy() {
        return privacy;
    }

    /** The refusal given in the spec; empty when none. */
    public String refusal() {
        return refusal;
    }

    /** The text a refusal returns. */
    public String refusalText() {
        return refusal.isEmpty() ? DEFAULT_REFUSAL : refusal;
    }
}
