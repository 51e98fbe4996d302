package dev.modelspec4j.internal;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.enforce.PrivacyPlan;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link MethodPlan} of a generated method with named steps:
 * {@code Plans.method("answer").maxAttempts(2).output("answer.length", Level.DEVELOPER, Action.REASK, check)}.
 */
public final class Plans {

    private Plans() {
    }

    /** The plan of the method {@code name}: one model call, no refusal text and no rules until they are added. */
    public static Method method(String name) {
        return new Method(name);
    }

    /** The {@code @Pii} rule {@code ruleId}: every mode is {@link PiiMode#ALLOW} until set. */
    public static Privacy privacy(String ruleId, Level level) {
        return new Privacy(ruleId, level);
    }

    /** Builds a {@link MethodPlan}; rules keep the order they are added in, cheapest checks first. */
    public static final class Method {
        private final String name;
        private final List<Rule> rules = new ArrayList<>();
        private int maxAttempts = 1;
        private String refusal = "";
        private PrivacyPlan privacy;

        private Method(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The most model calls of one call, REASK included; 1 when not set. */
        public Method maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The refusal text of the spec; when not set, the runtime's default. */
        public Method refusal(String refusal) {
            this.refusal = Objects.requireNonNull(refusal, "refusal");
            return this;
        }

        /** The method's {@code @Pii} rule. */
        public Method privacy(PrivacyPlan privacy) {
            this.privacy = Objects.requireNonNull(privacy, "privacy");
            return this;
        }

        /** A rule whose check runs on what goes to the model. */
        public Method input(String id, Level level, Action action, InputCheck check) {
            rules.add(Rule.input(id, level, action, check));
            return this;
        }

        /** A rule whose check runs on the answer. */
        public Method output(String id, Level level, Action action, OutputCheck check) {
            rules.add(Rule.output(id, level, action, check));
            return this;
        }

        /** A rule whose check runs on the answer and that a user's {@code SpecContext} may relax. */
        public Method userOverridableOutput(String id, Level level, Action action, OutputCheck check) {
            rules.add(Rule.output(id, level, action, check).overridableByUser());
            return this;
        }

        public MethodPlan build() {
            return new MethodPlan(name, rules, maxAttempts, refusal, privacy);
        }
    }

    /** Builds a {@link PrivacyPlan}. */
    public static final class Privacy {
        private final String ruleId;
        private final Level level;
        private final List<PiiType> types = new ArrayList<>();
        private PiiMode input = PiiMode.ALLOW;
        private PiiMode output = PiiMode.ALLOW;

        private Privacy(String ruleId, Level level) {
            this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
            this.level = Objects.requireNonNull(level, "level");
        }

        /** The personal data types to look for. */
        public Privacy types(PiiType... types) {
            this.types.addAll(List.of(types));
            return this;
        }

        /** What happens to personal data on its way to the model. */
        public Privacy input(PiiMode input) {
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /** What happens to personal data in the answer. */
        public Privacy output(PiiMode output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public PrivacyPlan build() {
            return new PrivacyPlan(ruleId, level, PiiDetector.of(types), input, output);
        }
    }
}
