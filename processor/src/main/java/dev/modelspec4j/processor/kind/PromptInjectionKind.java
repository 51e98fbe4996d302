package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.InjectionScope;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.PromptInjectionRule;
import dev.modelspec4j.processor.validate.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/** {@code @PromptInjection}: the inputs in its scopes are scanned before the model is called; on by default. */
public final class PromptInjectionKind extends RuleKind<PromptInjectionRule> {

    private static final ClassName INPUT_CHECK = ClassName.get("dev.modelspec4j.check", "InputCheck");
    private static final ClassName INJECTION_CHECK =
            ClassName.get("dev.modelspec4j.check.injection", "PromptInjectionCheck");
    private static final ClassName INJECTION_SCOPE = ClassName.get("dev.modelspec4j.annotation", "InjectionScope");

    PromptInjectionKind() {
        super(PromptInjectionRule.class, SpecKind.PROMPT_INJECTION, Names.PROMPT_INJECTION);
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        reader.mirrors().find(element, Names.PROMPT_INJECTION).ifPresent(m -> out.add(draft(reader, element, m,
                scope)));
    }

    private RuleDraft draft(KindReader reader, Element element, AnnotationMirror m, ReadScope scope) {
        List<InjectionScope> scopes = new ArrayList<>();
        for (AnnotationValue v : reader.mirrors().array(m, "scope")) {
            InjectionScope s = InjectionScope.valueOf(((VariableElement) v.getValue()).getSimpleName().toString());
            if (!scopes.contains(s)) {
                scopes.add(s);
            }
        }
        scopes.sort(null);
        return RuleDraft.of(this, reader.id(m), scope, element, m, reader.ownAction(m), reader.action(m),
                (id, level, action) -> new PromptInjectionRule(id, level, action, false, scope.origin(), scopes));
    }

    /** The built-in default that no annotation states: untrusted input is scanned, and BLOCK stops the call. */
    RuleDraft builtin(Element method, String prefix) {
        return new RuleDraft(this, name(), "", prefix, Level.ROOT, BUILT_IN, method, null, null, Action.BLOCK,
                Action.BLOCK, true, (id, level, action) -> new PromptInjectionRule(id, level, action, false,
                        BUILT_IN, List.of(InjectionScope.UNTRUSTED)));
    }

    static final String BUILT_IN = "built-in default";

    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public int cost() {
        return 3;
    }

    @Override
    public String canonical(PromptInjectionRule rule) {
        return "scopes=" + rule.scopes();
    }

    @Override
    public boolean inEffect(PromptInjectionRule rule) {
        return !rule.scopes().isEmpty();
    }

    @Override
    public ClassName checkType(PromptInjectionRule rule) {
        return INPUT_CHECK;
    }

    @Override
    public CodeBlock check(PromptInjectionRule rule) {
        return CodeBlock.of("$T.of($L)", INJECTION_CHECK, Code.constants(INJECTION_SCOPE, rule.scopes()));
    }

    @Override
    public void plan(PromptInjectionRule rule, CodeBlock check, PlanCode plan) {
        plan.input(rule, check);
    }

    @Override
    public String describe(PromptInjectionRule rule) {
        List<String> parts = rule.scopes().stream()
                .map(scope -> scope == InjectionScope.USER ? "the user's messages" : "untrusted data").toList();
        return "Instructions hidden in " + Words.join(parts, "and") + " are detected before the model sees them.";
    }

    @Override
    public void parameters(PromptInjectionRule rule, JsonWriter json) {
        json.field("scope", rule.scopes().stream().map(Enum::name).toList());
    }

    @Override
    public String weaker(PromptInjectionRule h, PromptInjectionRule l) {
        return l.scopes().containsAll(h.scopes()) ? null : "it stops scanning some inputs for injection";
    }
}
