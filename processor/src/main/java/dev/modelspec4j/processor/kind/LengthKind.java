package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.LengthCheck;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel.LengthRule;
import dev.modelspec4j.processor.validate.Mirrors;
import dev.modelspec4j.processor.validate.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** {@code @Length}: bounds on the answer's characters, words and sentences. */
public final class LengthKind extends RuleKind<LengthRule> {

    private static final List<String> BOUNDS = List.of("maxChars", "maxWords", "maxSentences", "minChars");

    LengthKind() {
        super(LengthRule.class, SpecKind.LENGTH, Names.LENGTH);
    }

    @Override
    public boolean hasUserOverridable() {
        return true;
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        Optional<AnnotationMirror> found = reader.mirrors().find(element, Names.LENGTH);
        if (found.isEmpty()) {
            return;
        }
        AnnotationMirror m = found.get();
        Mirrors mirrors = reader.mirrors();
        int maxChars = mirrors.integer(m, "maxChars");
        int maxWords = mirrors.integer(m, "maxWords");
        int maxSentences = mirrors.integer(m, "maxSentences");
        int minChars = mirrors.integer(m, "minChars");
        boolean ok = true;
        for (String bound : BOUNDS) {
            int value = mirrors.integer(m, bound);
            if (value < 0) {
                reader.diagnostics().report(Message.LENGTH_NEGATIVE, element, m, Mirrors.explicit(m, bound), bound,
                        value);
                ok = false;
            }
        }
        if (ok && maxChars == 0 && maxWords == 0 && maxSentences == 0 && minChars == 0) {
            reader.diagnostics().report(Message.LENGTH_NO_BOUND, element, m);
            ok = false;
        }
        if (ok && maxChars > 0 && minChars > maxChars) {
            reader.diagnostics().report(Message.LENGTH_CONTRADICTORY, element, m, Mirrors.explicit(m, "minChars"),
                    minChars, maxChars);
            ok = false;
        }
        if (!ok) {
            return;
        }
        boolean overridable = reader.overridable(m);
        out.add(RuleDraft.of(this, reader.id(m), scope, element, m, (id, level, action) -> new LengthRule(id, level,
                action, overridable, scope.origin(), maxChars, maxWords, maxSentences, minChars)));
    }

    @Override
    public boolean redactable() {
        return false;
    }

    @Override
    public int cost() {
        return 0;
    }

    @Override
    public String canonical(LengthRule rule) {
        return "maxChars=" + rule.maxChars() + ",maxWords=" + rule.maxWords() + ",maxSentences="
                + rule.maxSentences() + ",minChars=" + rule.minChars();
    }

    @Override
    public CodeBlock check(LengthRule rule) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.length()", Code.CHECKS);
        bound(code, "maxChars", rule.maxChars());
        bound(code, "maxWords", rule.maxWords());
        bound(code, "maxSentences", rule.maxSentences());
        bound(code, "minChars", rule.minChars());
        return code.add("$Z.build()").build();
    }

    private static void bound(CodeBlock.Builder code, String bound, int value) {
        if (value > 0) {
            code.add("$Z.$L($L)", bound, value);
        }
    }

    @Override
    public Optional<WholeAnswer> wholeAnswer(LengthRule rule) {
        return rule.minChars() > 0 ? Optional.of(new WholeAnswer("a minimum length", "remove minChars"))
                : Optional.empty();
    }

    @Override
    public String describe(LengthRule rule) {
        List<String> bounds = new ArrayList<>();
        bound(bounds, "at most", rule.maxChars(), "character");
        bound(bounds, "at most", rule.maxWords(), "word");
        bound(bounds, "at most", rule.maxSentences(), "sentence");
        bound(bounds, "at least", rule.minChars(), "character");
        return "The answer has " + Words.join(bounds, "and") + ".";
    }

    private static void bound(List<String> bounds, String how, int value, String unit) {
        if (value > 0) {
            bounds.add(how + " " + value + " " + unit + (value == 1 ? "" : "s"));
        }
    }

    @Override
    public void parameters(LengthRule rule, JsonWriter json) {
        positive(json, "maxChars", rule.maxChars());
        positive(json, "maxWords", rule.maxWords());
        positive(json, "maxSentences", rule.maxSentences());
        positive(json, "minChars", rule.minChars());
    }

    private static void positive(JsonWriter json, String name, int value) {
        if (value > 0) {
            json.field(name, value);
        }
    }

    @Override
    public String weaker(LengthRule h, LengthRule l) {
        if ((h.maxChars() > 0 && (l.maxChars() == 0 || l.maxChars() > h.maxChars()))
                || (h.maxWords() > 0 && (l.maxWords() == 0 || l.maxWords() > h.maxWords()))
                || (h.maxSentences() > 0 && (l.maxSentences() == 0 || l.maxSentences() > h.maxSentences()))
                || (h.minChars() > 0 && l.minChars() < h.minChars())) {
            return "it removes or loosens a length bound";
        }
        return null;
    }

    @Override
    public List<Loosened> loosened(LengthRule hi, LengthRule lo) {
        List<Loosened> found = new ArrayList<>();
        max(found, "maxChars", hi.maxChars(), lo.maxChars());
        max(found, "maxWords", hi.maxWords(), lo.maxWords());
        max(found, "maxSentences", hi.maxSentences(), lo.maxSentences());
        if (hi.minChars() > 0 && lo.minChars() > 0 && lo.minChars() < hi.minChars()) {
            found.add(new Loosened("minChars", "minChars " + lo.minChars() + " is below " + hi.minChars()));
        }
        return found;
    }

    private static void max(List<Loosened> found, String bound, int hi, int lo) {
        if (hi > 0 && lo > hi) {
            found.add(new Loosened(bound, bound + " " + lo + " raises the limit of " + hi));
        }
    }

    @Override
    public Optional<OutputCheck> exampleCheck(LengthRule rule) {
        return Optional.of(new LengthCheck(rule.maxChars(), rule.maxWords(), rule.maxSentences(), rule.minChars()));
    }
}
