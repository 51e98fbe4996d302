package dev.modelspec4j.processor.kind;

import dev.modelspec4j.processor.model.RuleModel;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/** Every kind of rule the processor knows, in the order their rules are read from an element. */
public final class RuleKinds {

    public static final LengthKind LENGTH = new LengthKind();
    public static final ForbidKind FORBID = new ForbidKind();
    public static final RequireKind REQUIRE = new RequireKind();
    public static final PiiKind PII = new PiiKind();
    public static final CheckKind CHECK = new CheckKind();
    public static final PromptInjectionKind PROMPT_INJECTION = new PromptInjectionKind();
    public static final KeepInstructionsPrivateKind KEEP_INSTRUCTIONS_PRIVATE = new KeepInstructionsPrivateKind();
    public static final SecretsKind SECRETS = new SecretsKind();
    public static final ModerateKind MODERATE = new ModerateKind();
    public static final GuardrailKind GUARDRAILS = new GuardrailKind();

    /** All kinds, in reading order: the order of a method's rules in its plan follows it. */
    public static final List<RuleKind<?>> ALL = List.of(LENGTH, FORBID, REQUIRE, PII, CHECK, PROMPT_INJECTION,
            KEEP_INSTRUCTIONS_PRIVATE, SECRETS, MODERATE, GUARDRAILS);

    private static final Map<Class<?>, RuleKind<?>> BY_MODEL = new IdentityHashMap<>();

    static {
        for (RuleKind<?> kind : ALL) {
            BY_MODEL.put(kind.modelType(), kind);
        }
    }

    private RuleKinds() {
    }

    /** The descriptor of {@code rule}'s kind, typed for calls with the rule. */
    @SuppressWarnings("unchecked")
    public static RuleKind<RuleModel> of(RuleModel rule) {
        RuleKind<?> kind = BY_MODEL.get(rule.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("no rule kind describes " + rule.getClass().getName());
        }
        return (RuleKind<RuleModel>) kind;
    }

    /** The built-in prompt-injection rule of a method that states none. */
    public static RuleDraft builtinInjection(Element method, String prefix) {
        return PROMPT_INJECTION.builtin(method, prefix);
    }

    /** The built-in instruction-privacy rule of a method that states none. */
    public static RuleDraft builtinKeepPrivate(Element method, String prefix) {
        return KEEP_INSTRUCTIONS_PRIVATE.builtin(method, prefix);
    }
}
