package dev.modelspec4j.processor.validate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.ReturnKind;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks what a streaming method (one returning {@code TokenStream}) can enforce while tokens flow: no REASK or
 * FALLBACK, and only rules that judge a growing answer, unless the method buffers ({@code @Streaming(buffer =
 * true)}). Which rules judge a growing answer is their kind's to say. Every {@code @Pii} output mode streams:
 * its look-ahead is the longest value of its types.
 */
final class StreamingValidator {

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    StreamingValidator(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    /**
     * Reports what {@code method} cannot enforce; returns whether it buffers.
     *
     * @param onViolation the {@code @OnViolation} in scope, if any
     * @param onViolationAt the element it is written on
     */
    boolean check(ExecutableElement method, ReturnKind kind, List<RuleModel> rules,
            Optional<AnnotationMirror> onViolation, Element onViolationAt) {
        String name = method.getSimpleName().toString();
        Optional<AnnotationMirror> streaming = mirrors.find(method, Names.STREAMING);
        if (kind != ReturnKind.TOKEN_STREAM) {
            streaming.ifPresent(m -> diagnostics.report(Message.STREAMING_WITHOUT_STREAM, method, m, name,
                    method.getReturnType()));
            return false;
        }
        boolean buffer = streaming.map(m -> mirrors.bool(m, "buffer")).orElse(false);
        Element actionAt = onViolation.isPresent() ? onViolationAt : method;
        AnnotationMirror actionMirror = onViolation.orElse(null);
        RuleModel fallback = first(rules, Action.FALLBACK);
        if (fallback != null) {
            diagnostics.report(Message.FALLBACK_ON_STREAM, actionAt, actionMirror, name);
        }
        if (buffer) {
            return true;
        }
        RuleModel reask = first(rules, Action.REASK);
        if (reask != null) {
            diagnostics.report(Message.REASK_ON_STREAM, actionAt, actionMirror, name, reask.id());
        }
        for (RuleModel rule : rules) {
            RuleKinds.of(rule).wholeAnswer(rule).ifPresent(why -> diagnostics.report(
                    Message.WHOLE_ANSWER_ON_STREAM, method, rule.id(), rule.kind(), why.why(), name, why.instead()));
        }
        return false;
    }

    private static RuleModel first(List<RuleModel> rules, Action action) {
        return rules.stream().filter(r -> r.action() == action).findFirst().orElse(null);
    }
}
