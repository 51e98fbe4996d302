package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.SecretsRule;
import dev.modelspec4j.processor.validate.Names;
import java.util.List;
import javax.lang.model.element.Element;

/** {@code @Secrets}: credentials never reach the model and never come back; one check serves both ways. */
public final class SecretsKind extends RuleKind<SecretsRule> {

    private static final ClassName SECRETS_CHECK = ClassName.get("dev.modelspec4j.check.secrets", "SecretsCheck");

    SecretsKind() {
        super(SecretsRule.class, SpecKind.SECRETS, Names.SECRETS);
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        reader.mirrors().find(element, Names.SECRETS).ifPresent(m -> out.add(RuleDraft.of(this, reader.id(m), scope,
                element, m, reader.ownAction(m), reader.action(m),
                (id, level, action) -> new SecretsRule(id, level, action, false, scope.origin()))));
    }

    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public int cost() {
        return 2;
    }

    @Override
    public String canonical(SecretsRule rule) {
        return "detector=defaults";
    }

    @Override
    public int checkUses(SecretsRule rule) {
        return 2;
    }

    @Override
    public ClassName checkType(SecretsRule rule) {
        return SECRETS_CHECK;
    }

    @Override
    public CodeBlock check(SecretsRule rule) {
        return CodeBlock.of("$T.defaults()", SECRETS_CHECK);
    }

    @Override
    public void plan(SecretsRule rule, CodeBlock check, PlanCode plan) {
        plan.input(rule, check);
        plan.output(rule, check);
    }

    @Override
    public String describe(SecretsRule rule) {
        return "Credentials (API keys, tokens, private keys, passwords) never reach the model and never"
                + " appear in an answer.";
    }

    @Override
    public void parameters(SecretsRule rule, JsonWriter json) {
        json.field("detector", "defaults");
    }
}
