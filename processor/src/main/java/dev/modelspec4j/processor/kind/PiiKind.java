package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.generate.SourceText;
import dev.modelspec4j.processor.model.RuleModel.PiiRule;
import dev.modelspec4j.processor.validate.Mirrors;
import dev.modelspec4j.processor.validate.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * {@code @Pii}: personal data on the way in and out, by mode. It becomes the method's privacy plan; its action
 * stands for its strongest mode (BLOCK, else REDACT) and no {@code @OnViolation} changes it.
 */
public final class PiiKind extends RuleKind<PiiRule> {

    private static final ClassName PRIVACY_PLAN = ClassName.get("dev.modelspec4j.enforce", "PrivacyPlan");
    private static final ClassName PII_CHECK = ClassName.get("dev.modelspec4j.check.pii", "PiiCheck");
    private static final ClassName PII_DETECTOR = ClassName.get("dev.modelspec4j.check.pii", "PiiDetector");
    private static final ClassName PII_TYPE = ClassName.get("dev.modelspec4j.annotation", "PiiType");
    private static final ClassName PII_MODE = ClassName.get("dev.modelspec4j.annotation", "PiiMode");

    PiiKind() {
        super(PiiRule.class, SpecKind.PII, Names.PII);
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        Optional<AnnotationMirror> found = reader.mirrors().find(element, Names.PII);
        if (found.isEmpty()) {
            return;
        }
        AnnotationMirror m = found.get();
        List<PiiType> types = new ArrayList<>();
        for (AnnotationValue v : reader.mirrors().array(m, "types")) {
            PiiType type = PiiType.valueOf(((VariableElement) v.getValue()).getSimpleName().toString());
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        types.sort(null);
        PiiMode input = PiiMode.valueOf(reader.mirrors().enumConstant(m, "input"));
        PiiMode output = PiiMode.valueOf(reader.mirrors().enumConstant(m, "output"));
        if (types.isEmpty()) {
            reader.diagnostics().report(Message.EMPTY_RULE, element, m, Mirrors.explicit(m, "types"), "Pii",
                    "types");
        }
        Action action = input == PiiMode.BLOCK || output == PiiMode.BLOCK ? Action.BLOCK : Action.REDACT;
        ReadScope noScopeAction = new ReadScope(scope.level(), scope.idPrefix(), scope.origin(), null);
        out.add(RuleDraft.of(this, reader.id(m), noScopeAction, element, m, action, action,
                (id, level, ignored) -> new PiiRule(id, level, action, false, scope.origin(), types, input, output)));
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
    public String canonical(PiiRule rule) {
        return "types=" + rule.types() + ",input=" + rule.input() + ",output=" + rule.output();
    }

    @Override
    public String constantSuffix() {
        return "_PLAN";
    }

    @Override
    public ClassName checkType(PiiRule rule) {
        return PRIVACY_PLAN;
    }

    @Override
    public CodeBlock check(PiiRule rule) {
        return CodeBlock.of("$T.privacy($L, $T.$L)$>$>\n.types($L)\n.input($T.$L)\n.output($T.$L)\n.build()$<$<",
                Code.PLANS, SourceText.string(rule.id()), PlanCode.LEVEL, rule.level(),
                Code.constants(PII_TYPE, rule.types()), PII_MODE, rule.input(), PII_MODE, rule.output());
    }

    @Override
    public CodeBlock valueCheck(PiiRule rule) {
        return CodeBlock.of("new $T($L, $T.$L)", PII_CHECK, detector(rule), PII_MODE, rule.output());
    }

    private static CodeBlock detector(PiiRule rule) {
        return CodeBlock.of("$T.of($L)", PII_DETECTOR, Code.constants(PII_TYPE, rule.types()));
    }

    @Override
    public void plan(PiiRule rule, CodeBlock check, PlanCode plan) {
        plan.privacy(check);
    }

    @Override
    public String describe(PiiRule rule) {
        List<String> types = rule.types().stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList();
        return "Personal data (" + Words.join(types, "and") + ") is " + mode(rule.input(), true)
                + " before the model sees it, and " + mode(rule.output(), false) + " in the answer.";
    }

    private static String mode(PiiMode mode, boolean input) {
        return switch (mode) {
            case ALLOW -> "left as it is";
            case MASK -> "replaced by its type, e.g. [EMAIL]";
            case REDACT -> "removed";
            case PSEUDONYMIZE -> input ? "replaced by consistent placeholders, e.g. [EMAIL_1]"
                    : "given back in its original form where it came from the user, and masked otherwise";
            case BLOCK -> input ? "refused: the call stops" : "refused: the answer is withheld";
        };
    }

    @Override
    public void parameters(PiiRule rule, JsonWriter json) {
        json.field("types", rule.types().stream().map(Enum::name).toList())
                .field("input", rule.input().name())
                .field("output", rule.output().name());
    }

    @Override
    public String weaker(PiiRule h, PiiRule l) {
        if (!l.types().containsAll(h.types())) {
            return "it stops looking for some personal data types";
        }
        if (SpecKind.piiStrength(l.input()) < SpecKind.piiStrength(h.input())) {
            return "its input mode " + l.input() + " is weaker than " + h.input();
        }
        if (SpecKind.piiStrength(l.output()) < SpecKind.piiStrength(h.output())) {
            return "its output mode " + l.output() + " is weaker than " + h.output();
        }
        return null;
    }
}
