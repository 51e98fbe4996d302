package dev.modelspec4j.processor.validate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
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
 * true)}). Every {@code @Pii} output mode streams: its look-ahead is the longest value of its types.
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
            String[] why = wholeAnswer(rule);
            if (why != null) {
                diagnostics.report(Message.WHOLE_ANSWER_ON_STREAM, method, rule.id(), rule.kind(), why[0], name,
                        why[1]);
            }
        }
        return false;
    }

    private static RuleModel first(List<RuleModel> rules, Action action) {
        return rules.stream().filter(r -> r.action() == action).findFirst().orElse(null);
    }

    /** Why {@code rule} needs the whole answer, and what to do instead; null when it judges a growing answer. */
    private static String[] wholeAnswer(RuleModel rule) {
        if (rule instanceof RuleModel.RequireRule) {
            return new String[] {"a required pattern may arrive with the last token",
                "check it in a non-streaming method"};
        }
        if (rule instanceof RuleModel.LengthRule length && length.minChars() > 0) {
            return new String[] {"a minimum length", "remove minChars"};
        }
        if (rule instanceof RuleModel.CustomRule) {
            return new String[] {"a custom check's look-ahead is only known at run time",
                "check it in a non-streaming method"};
        }
        if (rule instanceof RuleModel.ForbidRule forbid && forbid.lookAhead() == OutputCheck.WHOLE_ANSWER) {
            return new String[] {"a pattern with no bound on its length",
                "set @Forbid(lookAhead = ...) to the longest text one match can span"};
        }
        return null;
    }
}
