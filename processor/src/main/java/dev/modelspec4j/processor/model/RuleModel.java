package dev.modelspec4j.processor.model;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.processor.kind.RuleKinds;
import java.util.List;

/**
 * A rule as it applies to one method: where it comes from, its id, level and action, and its parameters. One
 * record per kind; what a kind means (its code, text, streaming, weakening) is its descriptor's, in
 * {@link RuleKinds}.
 */
public sealed interface RuleModel {

    String id();

    Level level();

    Action action();

    /** Whether the end user may relax the rule through {@code SpecContext}. */
    boolean userOverridable();

    /** Where the rule is written: {@code method answer}, {@code interface}, or {@code policy com.acme.Baseline}. */
    String origin();

    /** The kind's name, the annotation's simple name, e.g. {@code Length}: see {@link RuleKinds}. */
    default String kind() {
        return RuleKinds.of(this).name(this);
    }

    /** The relative cost of the rule's check: a method's rules run cheapest first. */
    default int cost() {
        return RuleKinds.of(this).cost();
    }

    /** A canonical description of the rule's parameters, for the spec hash. */
    default String canonical() {
        return RuleKinds.of(this).canonical(this);
    }

    /** {@code @Length}. */
    record LengthRule(String id, Level level, Action action, boolean userOverridable, String origin, int maxChars,
            int maxWords, int maxSentences, int minChars) implements RuleModel {
    }

    /** {@code @Forbid}: phrases already turned into patterns; {@code descriptions} name each pattern. */
    record ForbidRule(String id, Level level, Action action, boolean userOverridable, String origin,
            List<String> patterns, List<String> descriptions, int lookAhead) implements RuleModel {
        public ForbidRule {
            patterns = List.copyOf(patterns);
            descriptions = List.copyOf(descriptions);
        }
    }

    /**
     * LangChain4j's {@code @Moderate}: the input goes to the assistant's moderation model before the chat model.
     */
    record ModerateRule(String id, Level level, Action action, boolean userOverridable, String origin)
            implements RuleModel {
    }

    /** {@code @Require}. */
    record RequireRule(String id, Level level, Action action, boolean userOverridable, String origin,
            List<String> patterns) implements RuleModel {
        public RequireRule {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code @Pii}: the action stands for the strongest mode (BLOCK, else REDACT). */
    record PiiRule(String id, Level level, Action action, boolean userOverridable, String origin,
            List<PiiType> types, PiiMode input, PiiMode output) implements RuleModel {
        public PiiRule {
            types = List.copyOf(types);
        }
    }

    /** {@code @Secrets}: checked on the input and on the answer. */
    record SecretsRule(String id, Level level, Action action, boolean userOverridable, String origin)
            implements RuleModel {
    }

    /** {@code @PromptInjection}: the inputs in {@code scopes} are scanned before the model is called. */
    record PromptInjectionRule(String id, Level level, Action action, boolean userOverridable, String origin,
            List<dev.modelspec4j.annotation.InjectionScope> scopes) implements RuleModel {
        public PromptInjectionRule {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * {@code @KeepInstructionsPrivate}: when {@code enabled}, answers may not reveal the instructions, nor the values
     * of the template variables named in {@code confidential}.
     */
    record KeepPrivateRule(String id, Level level, Action action, boolean userOverridable, String origin,
            boolean enabled, List<String> confidential) implements RuleModel {

        public KeepPrivateRule {
            confidential = List.copyOf(confidential);
        }

        public KeepPrivateRule(String id, Level level, Action action, boolean userOverridable, String origin,
                boolean enabled) {
            this(id, level, action, userOverridable, origin, enabled, List.of());
        }
    }

    /** {@code @Check}: a check class of the user's, instantiated once by the generated class. */
    record CustomRule(String id, Level level, Action action, boolean userOverridable, String origin,
            com.palantir.javapoet.ClassName checkClass) implements RuleModel {
    }

    /**
     * A LangChain4j guardrail named by {@code @InputGuardrails} or {@code @OutputGuardrails}: created once per
     * assistant by the generated class and run by the engine. Its result decides the action at run time; the
     * model carries BLOCK, what a failure does.
     *
     * @param input whether it is an input guardrail (run before the model is called)
     * @param maxRetries for an output guardrail, {@code @OutputGuardrails(maxRetries)}; 0 for an input one
     */
    record GuardrailRule(String id, Level level, Action action, boolean userOverridable, String origin,
            com.palantir.javapoet.ClassName guardrailClass, boolean input, int maxRetries)
            implements RuleModel {
    }
}
