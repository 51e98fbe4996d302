package dev.modelspec4j.processor.validate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.validate.RuleReader.Draft;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The chain of command at compile time: a lower level may tighten a higher-level rule, never weaken it.
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
    List<Draft> check(TypeElement assistant, List<Draft> all, Action scopeAction, Element onViolationAt,
            AnnotationMirror onViolation) {
        List<Draft> drafts = all;
        if (scopeAction != null) {
            for (Draft draft : drafts) {
                Action floor = draft.scopeAction();
                if (floor != null && draft.ownAction() == null && isAbove(draft.level(), Level.DEVELOPER)
                        && scopeAction.severity() < floor.severity()) {
                    diagnostics.report(Message.WEAKENS_ACTION, onViolationAt, onViolation,
                            Mirrors.explicit(onViolation, "action"), scopeAction, draft.id(),
                            policyName(draft), floor, draft.level(), floor);
                }
            }
        }
        List<Draft> result = new ArrayList<>(drafts);
        // Of a kind that applies once per method, the most specific rule of a level wins (method over interface).
        for (Draft draft : all) {
            if (draft.singleton()) {
                result.removeIf(other -> other != draft && other.kind().equals(draft.kind())
                        && other.level() == draft.level() && all.indexOf(other) < all.indexOf(draft));
            }
        }
        drafts = List.copyOf(result);
        for (Draft lower : drafts) {
            for (Draft higher : drafts) {
                if (!isAbove(higher.level(), lower.level())) {
                    continue;
                }
                RuleModel hi = higher.model(Action.BLOCK);
                RuleModel lo = lower.model(Action.BLOCK);
                if (hi instanceof RuleModel.LengthRule hiLength && lo instanceof RuleModel.LengthRule loLength) {
                    checkLength(assistant, lower, higher, hiLength, loLength);
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

    private void checkLength(TypeElement assistant, Draft lower, Draft higher, RuleModel.LengthRule hi,
            RuleModel.LengthRule lo) {
        checkMax(assistant, lower, higher, "maxChars", hi.maxChars(), lo.maxChars());
        checkMax(assistant, lower, higher, "maxWords", hi.maxWords(), lo.maxWords());
        checkMax(assistant, lower, higher, "maxSentences", hi.maxSentences(), lo.maxSentences());
        if (hi.minChars() > 0 && lo.minChars() > 0 && lo.minChars() < hi.minChars()) {
            report(assistant, lower, "minChars", higher,
                    "minChars " + lo.minChars() + " is below " + hi.minChars());
        }
    }

    private void checkMax(TypeElement assistant, Draft lower, Draft higher, String bound, int hi, int lo) {
        if (hi > 0 && lo > hi) {
            report(assistant, lower, bound, higher, bound + " " + lo + " raises the limit of " + hi);
        }
    }

    /** Why {@code lo} is weaker than {@code hi}, or null when it is at least as strict. */
    private static String weaker(RuleModel hi, RuleModel lo) {
        if (lo.userOverridable() && !hi.userOverridable()) {
            return "it lets the end user relax a rule that the higher level does not";
        }
        if (hi instanceof RuleModel.ForbidRule h && lo instanceof RuleModel.ForbidRule l) {
            List<String> dropped = h.patterns().stream().filter(p -> !l.patterns().contains(p)).toList();
            return dropped.isEmpty() ? null : "it drops " + dropped.size() + " forbidden pattern(s) or phrase(s)";
        }
        if (hi instanceof RuleModel.RequireRule h && lo instanceof RuleModel.RequireRule l) {
            List<String> dropped = h.patterns().stream().filter(p -> !l.patterns().contains(p)).toList();
            return dropped.isEmpty() ? null : "it drops " + dropped.size() + " required pattern(s)";
        }
        if (hi instanceof RuleModel.PiiRule h && lo instanceof RuleModel.PiiRule l) {
            if (!l.types().containsAll(h.types())) {
                return "it stops looking for some personal data types";
            }
            if (RuleModel.PiiRule.strength(l.input()) < RuleModel.PiiRule.strength(h.input())) {
                return "its input mode " + l.input() + " is weaker than " + h.input();
            }
            if (RuleModel.PiiRule.strength(l.output()) < RuleModel.PiiRule.strength(h.output())) {
                return "its output mode " + l.output() + " is weaker than " + h.output();
            }
            return null;
        }
        if (hi instanceof RuleModel.KeepPrivateRule h && lo instanceof RuleModel.KeepPrivateRule l) {
            return h.enabled() && !l.enabled() ? "it turns off instruction privacy" : null;
        }
        if (hi instanceof RuleModel.PromptInjectionRule h && lo instanceof RuleModel.PromptInjectionRule l) {
            return l.scopes().containsAll(h.scopes()) ? null : "it stops scanning some inputs for injection";
        }
        if (hi instanceof RuleModel.LengthRule h && lo instanceof RuleModel.LengthRule l) {
            if ((h.maxChars() > 0 && (l.maxChars() == 0 || l.maxChars() > h.maxChars()))
                    || (h.maxWords() > 0 && (l.maxWords() == 0 || l.maxWords() > h.maxWords()))
                    || (h.maxSentences() > 0 && (l.maxSentences() == 0 || l.maxSentences() > h.maxSentences()))
                    || (h.minChars() > 0 && l.minChars() < h.minChars())) {
                return "it removes or loosens a length bound";
            }
            return null;
        }
        return null;
    }

    private void report(TypeElement assistant, Draft lower, String attribute, Draft higher, String why) {
        boolean inSource = lower.element().getKind() != ElementKind.ANNOTATION_TYPE;
        Element at = inSource ? lower.element() : assistant;
        AnnotationMirror mirror = inSource ? lower.mirror() : null;
        AnnotationValue value = inSource ? Mirrors.explicit(lower.mirror(), attribute) : null;
        diagnostics.report(Message.WEAKENS_RULE, at, mirror, value, "@" + lower.kind() + " on " + lower.origin(),
                higher.id(), higher.origin(), higher.level(), why);
    }

    private static String policyName(Draft draft) {
        return draft.origin();
    }

    /** Whether {@code a} carries strictly more authority than {@code b}. */
    private static boolean isAbove(Level a, Level b) {
        return a.ordinal() < b.ordinal();
    }
}
