package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.GuardrailRule;
import dev.modelspec4j.processor.validate.Names;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A LangChain4j guardrail of {@code @InputGuardrails} or {@code @OutputGuardrails}. The guardrail reader reads
 * them, since one annotation names several guardrails and the method's guardrail settings; the generated class
 * creates each once per assistant and hands them to the engine apart from the method's plan.
 */
public final class GuardrailKind extends RuleKind<GuardrailRule> {

    GuardrailKind() {
        super(GuardrailRule.class, SpecKind.INPUT_GUARDRAILS, null);
    }

    @Override
    public SpecKind spec(GuardrailRule rule) {
        return rule.input() ? SpecKind.INPUT_GUARDRAILS : SpecKind.OUTPUT_GUARDRAILS;
    }

    @Override
    public String annotation(GuardrailRule rule) {
        return rule.input() ? Names.INPUT_GUARDRAILS : Names.OUTPUT_GUARDRAILS;
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        // Read with the method's guardrail settings by the guardrail reader.
    }

    @Override
    public int cost() {
        return 20;
    }

    @Override
    public String canonical(GuardrailRule rule) {
        return "class=" + rule.guardrailClass().canonicalName() + (rule.input() ? "" : ",maxRetries="
                + rule.maxRetries());
    }

    @Override
    public boolean sharesCheck() {
        return false;
    }

    @Override
    public CodeBlock check(GuardrailRule rule) {
        throw new IllegalArgumentException("a guardrail has no check: the generated class creates it as a field");
    }

    @Override
    public boolean inPlan() {
        return false; // created once per assistant and passed to each call: see GuardrailFields
    }

    @Override
    public String describe(GuardrailRule rule) {
        String name = rule.guardrailClass().simpleName();
        if (rule.input()) {
            return "The user's message passes the LangChain4j input guardrail " + name + " before the model sees"
                    + " it: a failure stops the call, a rewrite is what the model sees.";
        }
        int calls = Math.max(1, rule.maxRetries());
        return "The answer passes the LangChain4j output guardrail " + name + ": a failure stops the call, a"
                + " retry or reprompt asks the model again (" + calls + (calls == 1 ? " model call" : " model calls")
                + " at most), a rewrite is what the user receives.";
    }

    @Override
    public void parameters(GuardrailRule rule, JsonWriter json) {
        json.field("class", rule.guardrailClass().canonicalName())
                .field("phase", rule.input() ? "input" : "output");
        if (!rule.input()) {
            json.field("maxRetries", rule.maxRetries());
        }
    }
}
