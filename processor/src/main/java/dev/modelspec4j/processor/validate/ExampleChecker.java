package dev.modelspec4j.processor.validate;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.ExampleModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Runs the spec's worked examples at compile time: the good answer of an {@code @Example} must pass every rule
 * of its method, and the named rule must catch the bad one. The checks are the runtime's own built-in checks,
 * built from the rule models by the rules' kinds, which also write the generated code, so the compiler and the
 * running assistant judge an answer the same way. Rules of kinds with no built-in check are not evaluated here; the
 * conformance runner of {@code modelspec4j-testing} runs them against the generated class.
 */
final class ExampleChecker {

    private final Diagnostics diagnostics;
    private final Positions positions;

    ExampleChecker(Diagnostics diagnostics, Positions positions) {
        this.diagnostics = diagnostics;
        this.positions = positions;
    }

    /** Reports at the example's {@code attribute}, also when the example sits in a container. */
    private void report(Message message, Element method, AnnotationMirror mirror, ExampleModel example,
            String attribute, Object... args) {
        diagnostics.report(message, positions.placerOf(method, "Example", example.index(), attribute), method,
                mirror, Mirrors.explicit(mirror, attribute), args);
    }

    void check(Element method, AnnotationMirror mirror, MethodModel model, ExampleModel example) {
        int index = example.index();
        String name = model.name();
        boolean hasBad = !example.bad().isEmpty();
        boolean hasRule = !example.rule().isEmpty();
        if (hasBad && !hasRule) {
            report(Message.EXAMPLE_INCOMPLETE, method, mirror, example, "bad", index,
                    name, "a bad answer", "rule");
        } else if (hasRule && !hasBad) {
            report(Message.EXAMPLE_INCOMPLETE, method, mirror, example, "rule", index,
                    name, "a rule", "bad answer");
        }
        for (RuleModel rule : model.rules()) {
            Optional<OutputCheck> check = checkOf(rule);
            if (check.isEmpty()) {
                continue;
            }
            List<Finding> findings = check.get().check(example.good());
            if (!findings.isEmpty()) {
                report(Message.EXAMPLE_GOOD_BREAKS_RULE, method, mirror, example, "good", index, name, rule.id(),
                        findings.get(0).message());
            }
        }
        if (!hasRule) {
            return;
        }
        Optional<RuleModel> named = model.rules().stream().filter(r -> r.id().equals(example.rule())).findFirst();
        if (named.isEmpty()) {
            String ids = model.rules().stream().map(RuleModel::id).sorted().collect(Collectors.joining(", "));
            report(Message.EXAMPLE_UNKNOWN_RULE, method, mirror, example, "rule", index,
                    name, example.rule(), ids.isEmpty() ? "(the method has no rules)" : ids);
            return;
        }
        Optional<OutputCheck> check = checkOf(named.get());
        if (hasBad && check.isPresent() && check.get().check(example.bad()).isEmpty()) {
            report(Message.EXAMPLE_BAD_NOT_CAUGHT, method, mirror, example, "bad", index, name, example.rule());
        }
    }

    /** The runtime check of a built-in rule, configured as in the generated class. */
    static Optional<OutputCheck> checkOf(RuleModel rule) {
        return RuleKinds.of(rule).exampleCheck(rule);
    }
}
