package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.CustomRule;
import dev.modelspec4j.processor.validate.Mirrors;
import dev.modelspec4j.processor.validate.Names;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** {@code @Check}: a check class of the user's, created once by the generated class; repeatable. */
public final class CheckKind extends RuleKind<CustomRule> {

    CheckKind() {
        super(CustomRule.class, SpecKind.CHECK, Names.CHECK);
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        for (AnnotationMirror m : reader.repeated(element, Names.CHECK, Names.CHECKS)) {
            draft(reader, element, m, scope).ifPresent(out::add);
        }
    }

    private Optional<RuleDraft> draft(KindReader reader, Element element, AnnotationMirror m, ReadScope scope) {
        TypeMirror type = (TypeMirror) reader.mirrors().value(m, "value").getValue();
        TypeElement check = (TypeElement) ((DeclaredType) type).asElement();
        String problem = problem(check);
        if (problem != null) {
            reader.diagnostics().report(Message.BAD_CHECK_CLASS, element, m, Mirrors.explicit(m, "value"),
                    check.getSimpleName(), problem);
            return Optional.empty();
        }
        ClassName name = ClassName.get(check);
        return Optional.of(new RuleDraft(this, name() + check.getSimpleName(), reader.id(m), scope.idPrefix(),
                scope.level(), scope.origin(), element, m, scope.scopeAction(), null, Action.BLOCK, false,
                (id, level, action) -> new CustomRule(id, level, action, false, scope.origin(), name)));
    }

    /** Why generated code could not create {@code check} with {@code new}, or null. */
    public static String problem(TypeElement check) {
        if (check.getKind() != ElementKind.CLASS) {
            return "it is not a class";
        }
        if (check.getModifiers().contains(Modifier.ABSTRACT)) {
            return "it is abstract";
        }
        if (!check.getModifiers().contains(Modifier.PUBLIC)) {
            return "it is not public";
        }
        if (check.getNestingKind().isNested() && !check.getModifiers().contains(Modifier.STATIC)) {
            return "it is an inner class";
        }
        boolean noArg = ElementFilter.constructorsIn(check.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
        return noArg ? null : "it has no public no-argument constructor";
    }

    @Override
    public int cost() {
        return 4;
    }

    @Override
    public String canonical(CustomRule rule) {
        return "class=" + rule.checkClass().canonicalName();
    }

    @Override
    public boolean sharesCheckAcrossRules() {
        return false;
    }

    @Override
    public CodeBlock check(CustomRule rule) {
        return CodeBlock.of("new $T()", rule.checkClass());
    }

    @Override
    public Optional<WholeAnswer> wholeAnswer(CustomRule rule) {
        return Optional.of(new WholeAnswer("a custom check's look-ahead is only known at run time",
                "check it in a non-streaming method"));
    }

    @Override
    public String describe(CustomRule rule) {
        return "The answer passes the check " + rule.checkClass().simpleName() + ".";
    }

    @Override
    public void parameters(CustomRule rule, JsonWriter json) {
        json.field("class", rule.checkClass().canonicalName());
    }
}
