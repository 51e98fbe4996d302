package dev.modelspec4j.processor.model;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import java.util.List;

/** A rule as it applies to one method: where it comes from, its id, level and action, and its parameters. */
public sealed interface RuleModel {

    String id();

    Level level();

    Action action();

    /** Whether the end user may relax the rule through {@code SpecContext}. */
    boolean userOverridable();

    /** Where the rule is written: {@code method answer}, {@code interface}, or {@code policy com.acme.Baseline}. */
    String origin();

    /** The annotation's simple name, e.g. {@code Length}. */
    String kind();

    /** Relative cost of the check; rules run cheapest first. */
    int cost();

    /** A canonical description of the rule's parameters, for the spec hash. */
    String canonical();

    /** {@code @Length}. */
    record LengthRule(String id, Level level, Action action, boolean userOverridable, String origin, int maxChars,
            int maxWords, int maxSentences, int minChars) implements RuleModel {
        @Override
        public String kind() {
            return "Length";
        }

        @Override
        public int cost() {
            return 0;
        }

        @Override
        public String canonical() {
            return "maxChars=" + maxChars + ",maxWords=" + maxWords + ",maxSentences=" + maxSentences
                    + ",minChars=" + minChars;
        }
    }

    /** {@code @Forbid}: phrases already turned into patterns; {@code descriptions} name each pattern. */
    record ForbidRule(String id, Level level, Action action, boolean userOverridable, String origin,
            List<String> patterns, List<String> descriptions, int lookAhead) implements RuleModel {
        public ForbidRule {
            patterns = List.copyOf(patterns);
            descriptions = List.copyOf(descriptions);
        }

        @Override
        public String kind() {
            return "Forbid";
        }

        @Override
        public int cost() {
            return 1;
        }

        @Override
        public String canonical() {
            return "patterns=" + patterns + ",lookAhead=" + lookAhead;
        }
    }

    /**
     * LangChain4j's {@code @Moderate}: the input goes to the assistant's moderation model before the chat model.
     */
    record ModerateRule(String id, Level level, Action action, boolean userOverridable, String origin)
            implements RuleModel {
        @Override
        public String kind() {
            return "Moderate";
        }

        @Override
        public int cost() {
            return 10;
        }

        @Override
        public String canonical() {
            return "moderationModel";
        }
    }

    /** {@code @Require}. */
    record RequireRule(String id, Level level, Action action, boolean userOverridable, String origin,
            List<String> patterns) implements RuleModel {
        public RequireRule {
            patterns = List.copyOf(patterns);
        }

        @Override
        public String kind() {
            return "Require";
        }

        @Override
        public int cost() {
            return 1;
        }

        @Override
        public String canonical() {
            return "patterns=" + patterns;
        }
    }
}
