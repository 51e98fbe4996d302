package dev.modelspec4j.processor.validate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.RuleDraft;
import dev.modelspec4j.processor.kind.RuleKind;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The chain of command at compile time: a lower level may tighten a higher-level rule, never weaken it. What
 * weakens a rule is its kind's to say ({@link RuleKind#weaker}, {@link RuleKind#loosened}).
 *
 * <ul>
 *   <li>A length bound above a higher-level bound of the same kind is rejected.</li>
 *   <li>A rule with the id of a higher-level rule overrides it: allowed only when it is at least as strict
 *       (a superset of forbidden or required patterns, bounds no looser); it then keeps the higher level.</li>
 *   <li>An {@code @OnViolation} action below an action that a ROOT or SYSTEM policy states explicitly is
 *       rejected.</li>
 * </ul>
 */
final class AuthorityValidator {

    private final Diagnostics diagnostics;

    AuthorityValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Checks {@code drafts} (highest level first is not required) and returns them with permitted overrides
     * applied.
     *
     * @param assistant the interface, where problems in compiled policies are reported
     * @param scopeAction the action of the {@code @OnViolation} in scope on the interface or method, or null
     * @param onViolationAt where that {@code @OnViolation} is written
     * @param onViolation that {@code @OnViolation}
     */
    List<RuleDraft> check(TypeElement assistant, List<RuleDraft> all, Action scopeAction, Element onViolationAt,
            AnnotationMirror onViolation) {
        List<RuleDraft> drafts = all;
        if (scopeAction != null) {
            for (RuleDraft draft : drafts) {
                Action floor = draft.scopeAction();
                if (floor != null && draft.ownAction() == null && isAbove(draft.level(), Level.DEVELOPER)
                        && scopeAction.severity() < floor.severity()) {
                    diagnostics.report(Message.WEAKENS_ACTION, onViolationAt, onViolation,
                            Mirrors.explicit(onViolation, "action"), scopeAction, draft.id(),
                            policyName(draft), floor, draft.level(), floor);
                }
            }
        }
        List<RuleDraft> result = new ArrayList<>(drafts);
        // Of a kind that applies once per method, the most specific rule of a level wins (method over interface).
        for (RuleDraft draft : all) {
            if (draft.singleton()) {
                result.removeIf(other -> other != draft && other.kind().equals(draft.kind())
                        && other.level() == draft.level() && all.indexOf(other) < all.indexOf(draft));
            }
        }
        drafts = List.copyOf(result);
        for (RuleDraft lower : drafts) {
            for (RuleDraft higher : drafts) {
                if (!isAbove(higher.level(), lower.level())) {
                    continue;
                }
                RuleModel hi = higher.model(Action.BLOCK);
                RuleModel lo = lower.model(Action.BLOCK);
                boolean sameKind = hi.getClass() == lo.getClass();
                if (sameKind) {
                    for (RuleKind.Loosened loosened : RuleKinds.of(hi).loosened(hi, lo)) {
                        report(assistant, lower, loosened.attribute(), higher, loosened.why());
                    }
                }
                boolean sameRule = higher.kind().equals(lower.kind())
                        && (higher.id().equals(lower.id()) || higher.singleton());
                if (!sameRule) {
                    continue;
                }
                if (higher.builtin()) {
                    // A built-in default that no policy states: any stated rule of its kind replaces it.
                    result.remove(higher);
                    continue;
                }
                String weaker = weaker(hi, lo);
                if (weaker == null && higher.singleton()) {
                    Action hiAction = higher.action(null);
                    Action loAction = lower.action(null);
                    if (loAction.severity() < hiAction.severity()) {
                        weaker = "its action " + loAction + " is weaker than " + hiAction;
                    }
                }
                if (weaker != null) {
                    report(assistant, lower, "id", higher, weaker);
                    result.remove(higher); // reported once, as a weakening, not again as a duplicate id
                } else if (result.remove(higher)) {
                    result.set(result.indexOf(lower), lower.atLevel(higher.level()));
                }
            }
        }
        return result;
    }

    /** Why {@code lo} is weaker than {@code hi}, or null when it is at least as strict. */
    private static String weaker(RuleModel hi, RuleModel lo) {
        if (lo.userOverridable() && !hi.userOverridable()) {
            return "it lets the end user relax a rule that the higher level does not";
        }
        return hi.getClass() == lo.getClass() ? RuleKinds.of(hi).weaker(hi, lo) : null;
    }

    private void report(TypeElement assistant, RuleDraft lower, String attribute, RuleDraft higher, String why) {
        boolean inSource = lower.element().getKind() != ElementKind.ANNOTATION_TYPE;
        Element at = inSource ? lower.element() : assistant;
        AnnotationMirror mirror = inSource ? lower.mirror() : null;
        AnnotationValue value = inSource ? Mirrors.explicit(lower.mirror(), attribute) : null;
        diagnostics.report(Message.WEAKENS_RULE, at, mirror, value, "@" + lower.kind() + " on " + lower.origin(),
                higher.id(), higher.origin(), higher.level(), why);
    }

    private static String policyName(RuleDraft draft) {
        return draft.origin();
    }

    /** Whether {@code a} carries strictly more authority than {@code b}. */
    private static boolean isAbove(Level a, Level b) {
        return a.ordinal() < b.ordinal();
    }
}
