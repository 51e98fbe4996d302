package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.RequireCheck;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.RequireRule;
import dev.modelspec4j.processor.validate.Mirrors;
import dev.modelspec4j.processor.validate.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** {@code @Require}: patterns every answer must match. */
public final class RequireKind extends RuleKind<RequireRule> {

    private static final ClassName REQUIRE_CHECK = ClassName.get("dev.modelspec4j.check.builtin", "RequireCheck");

    RequireKind() {
        super(RequireRule.class, SpecKind.REQUIRE, Names.REQUIRE);
    }

    @Override
    public boolean hasUserOverridable() {
        return true;
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        Optional<AnnotationMirror> found = reader.mirrors().find(element, Names.REQUIRE);
        if (found.isEmpty()) {
            return;
        }
        AnnotationMirror m = found.get();
        List<String> patterns = new ArrayList<>();
        boolean ok = reader.regexes(element, m, "patterns", "Require", patterns);
        if (ok && patterns.isEmpty()) {
            reader.diagnostics().report(Message.EMPTY_RULE, element, m, Mirrors.explicit(m, "patterns"), "Require",
                    "patterns");
            ok = false;
        }
        if (!ok) {
            return;
        }
        boolean overridable = reader.overridable(m);
        out.add(RuleDraft.of(this, reader.id(m), scope, element, m, (id, level, action) -> new RequireRule(id, level,
                action, overridable, scope.origin(), patterns)));
    }

    @Override
    public boolean redactable() {
        return false;
    }

    @Override
    public int cost() {
        return 1;
    }

    @Override
    public String canonical(RequireRule rule) {
        return "patterns=" + rule.patterns();
    }

    @Override
    public CodeBlock check(RequireRule rule) {
        return CodeBlock.of("new $T($L)", REQUIRE_CHECK, Code.strings(rule.patterns()));
    }

    @Override
    public Optional<WholeAnswer> wholeAnswer(RequireRule rule) {
        return Optional.of(new WholeAnswer("a required pattern may arrive with the last token",
                "check it in a non-streaming method"));
    }

    @Override
    public String describe(RequireRule rule) {
        List<String> patterns = rule.patterns().stream().map(p -> "the pattern " + p).toList();
        return "The answer always matches " + Words.join(patterns, "and") + ".";
    }

    @Override
    public void parameters(RequireRule rule, JsonWriter json) {
        json.field("patterns", rule.patterns());
    }

    @Override
    public String weaker(RequireRule h, RequireRule l) {
        List<String> dropped = h.patterns().stream().filter(p -> !l.patterns().contains(p)).toList();
        return dropped.isEmpty() ? null : "it drops " + dropped.size() + " required pattern(s)";
    }

    @Override
    public Optional<OutputCheck> exampleCheck(RequireRule rule) {
        return Optional.of(new RequireCheck(rule.patterns().stream().map(Pattern::compile).toList()));
    }
}
