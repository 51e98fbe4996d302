package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.ModerateRule;
import dev.modelspec4j.processor.validate.Names;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * LangChain4j's {@code @Moderate}: the input goes to the assistant's moderation model before the chat model, so
 * the builder must be given one.
 */
public final class ModerateKind extends RuleKind<ModerateRule> {

    private static final ClassName MODERATION_CHECK = ClassName.get("dev.modelspec4j.check", "ModerationCheck");

    ModerateKind() {
        super(ModerateRule.class, SpecKind.MODERATE, Names.MODERATE);
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        reader.mirrors().find(element, Names.MODERATE).ifPresent(m -> out.add(RuleDraft.of(this, "", scope, element,
                m, (id, level, action) -> new ModerateRule(id, level, action, false, scope.origin()))));
    }

    @Override
    public int cost() {
        return 10;
    }

    @Override
    public String canonical(ModerateRule rule) {
        return "moderationModel";
    }

    @Override
    public boolean needsModerationModel() {
        return true;
    }

    @Override
    public boolean sharesCheck() {
        return false;
    }

    @Override
    public CodeBlock check(ModerateRule rule) {
        return CodeBlock.of("$T.INSTANCE", MODERATION_CHECK);
    }

    @Override
    public void plan(ModerateRule rule, CodeBlock check, PlanCode plan) {
        plan.input(rule, check);
    }

    @Override
    public String describe(ModerateRule rule) {
        return "A @" + name() + " rule.";
    }

    @Override
    public void parameters(ModerateRule rule, JsonWriter json) {
        json.field("canonical", canonical(rule));
    }
}
