package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.generate.SourceText;
import dev.modelspec4j.processor.model.RuleModel.ForbidRule;
import dev.modelspec4j.processor.validate.Mirrors;
import dev.modelspec4j.processor.validate.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** {@code @Forbid}: patterns and phrases the answer must not contain; phrases become patterns when read. */
public final class ForbidKind extends RuleKind<ForbidRule> {

    private static final String PHRASE = "the phrase \"";

    ForbidKind() {
        super(ForbidRule.class, SpecKind.FORBID, Names.FORBID);
    }

    @Override
    public boolean hasUserOverridable() {
        return true;
    }

    @Override
    public void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out) {
        Optional<AnnotationMirror> found = reader.mirrors().find(element, Names.FORBID);
        if (found.isEmpty()) {
            return;
        }
        AnnotationMirror m = found.get();
        List<String> patterns = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        boolean ok = reader.regexes(element, m, "patterns", "Forbid", patterns);
        for (String p : patterns) {
            descriptions.add("the pattern " + p);
        }
        int declared = reader.mirrors().integer(m, "lookAhead");
        if (declared < 0) {
            reader.diagnostics().report(Message.BAD_LOOK_AHEAD, element, m, Mirrors.explicit(m, "lookAhead"),
                    declared);
            ok = false;
        }
        int lookAhead = patterns.isEmpty() ? declared : declared == 0 ? OutputCheck.WHOLE_ANSWER : declared;
        for (AnnotationValue v : reader.mirrors().array(m, "phrases")) {
            String phrase = (String) v.getValue();
            if (phrase.isBlank()) {
                reader.diagnostics().report(Message.EMPTY_RULE, element, m, v, "Forbid",
                        "non-blank phrase in phrases");
                ok = false;
                continue;
            }
            patterns.add(ForbidCheck.phrase(phrase));
            lookAhead = Math.max(lookAhead, ForbidCheck.phraseLookAhead(phrase));
            descriptions.add(PHRASE + phrase.strip() + "\"");
        }
        if (ok && patterns.isEmpty()) {
            reader.diagnostics().report(Message.EMPTY_RULE, element, m, "Forbid", "patterns or phrases");
            ok = false;
        }
        if (!ok) {
            return;
        }
        int window = lookAhead;
        boolean overridable = reader.overridable(m);
        out.add(RuleDraft.of(this, reader.id(m), scope, element, m, (id, level, action) -> new ForbidRule(id, level,
                action, overridable, scope.origin(), patterns, descriptions, window)));
    }

    @Override
    public int cost() {
        return 1;
    }

    @Override
    public String canonical(ForbidRule rule) {
        return "patterns=" + rule.patterns() + ",lookAhead=" + rule.lookAhead();
    }

    @Override
    public CodeBlock check(ForbidRule rule) {
        // Phrases are written as the author wrote them; the runtime turns them into patterns and look-aheads.
        // One step stays on the line where it fits; several take a line each.
        String step = rule.patterns().size() == 1 && rule.lookAhead() != OutputCheck.WHOLE_ANSWER ? "$Z" : "\n";
        CodeBlock.Builder code = CodeBlock.builder().add("$T.forbid()", Code.CHECKS).indent().indent();
        int phraseLookAhead = 0;
        for (int i = 0; i < rule.patterns().size(); i++) {
            String pattern = rule.patterns().get(i);
            String description = rule.descriptions().get(i);
            String phrase = phraseOf(pattern, description);
            if (phrase != null) {
                code.add(step + ".phrase($L)", SourceText.string(phrase));
                phraseLookAhead = Math.max(phraseLookAhead, ForbidCheck.phraseLookAhead(phrase));
            } else if (description.equals("the pattern " + pattern)) {
                code.add(step + ".pattern($L)", SourceText.string(pattern));
            } else {
                code.add(step + ".pattern($L,$W$L)", SourceText.string(pattern), SourceText.string(description));
            }
        }
        if (rule.lookAhead() == OutputCheck.WHOLE_ANSWER) {
            code.add(step + ".wholeAnswer()");
        } else if (rule.lookAhead() > phraseLookAhead) {
            code.add(step + ".lookAhead($L)", rule.lookAhead());
        }
        return code.add(step + ".build()").unindent().unindent().build();
    }

    /** The phrase that {@code pattern} was made of, or null when it is a pattern the author wrote. */
    private static String phraseOf(String pattern, String description) {
        if (!description.startsWith(PHRASE) || !description.endsWith("\"")) {
            return null;
        }
        String phrase = description.substring(PHRASE.length(), description.length() - 1);
        return !phrase.isBlank() && ForbidCheck.phrase(phrase).equals(pattern) ? phrase : null;
    }

    @Override
    public Optional<WholeAnswer> wholeAnswer(ForbidRule rule) {
        return rule.lookAhead() == OutputCheck.WHOLE_ANSWER
                ? Optional.of(new WholeAnswer("a pattern with no bound on its length",
                        "set @Forbid(lookAhead = ...) to the longest text one match can span"))
                : Optional.empty();
    }

    @Override
    public String describe(ForbidRule rule) {
        return "The answer never contains " + Words.join(rule.descriptions(), "or") + ".";
    }

    @Override
    public void parameters(ForbidRule rule, JsonWriter json) {
        json.field("patterns", rule.patterns()).field("descriptions", rule.descriptions());
    }

    @Override
    public String weaker(ForbidRule h, ForbidRule l) {
        List<String> dropped = h.patterns().stream().filter(p -> !l.patterns().contains(p)).toList();
        return dropped.isEmpty() ? null : "it drops " + dropped.size() + " forbidden pattern(s) or phrase(s)";
    }

    @Override
    public Optional<OutputCheck> exampleCheck(ForbidRule rule) {
        return Optional.of(new ForbidCheck(rule.patterns().stream().map(Pattern::compile).toList(),
                rule.descriptions()));
    }
}
