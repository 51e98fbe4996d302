package dev.modelspec4j.processor.kind;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.model.RuleModel;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * A rule before its id and action are settled: the validation stage works on drafts, the model stage turns the
 * surviving ones into {@link RuleModel}s.
 *
 * @param descriptor the rule's kind
 * @param kind the name rules of the same kind share; {@code Check<class>} for a custom check, so that two
 *     checks of different classes never count as one rule
 * @param explicitId the id written in the annotation; empty for the default
 * @param idPrefix the prefix of the default id ({@code answer.}, empty, or {@code acmeBaseline.})
 * @param level the rule's level of authority
 * @param origin where the rule is written, for messages
 * @param element the annotated element
 * @param mirror the rule's annotation, to point diagnostics at; null for a built-in default
 * @param scopeAction the action of an {@code @OnViolation} next to the rule on a policy; null for none
 * @param ownAction the action written on the rule annotation itself, which wins over any {@code @OnViolation};
 *     null when the annotation has none or leaves it at its default
 * @param defaultAction the action when nothing else sets one
 * @param builtin whether it is a built-in default that no annotation states
 * @param build makes the rule model from its id, level and action
 */
public record RuleDraft(RuleKind<?> descriptor, String kind, String explicitId, String idPrefix, Level level,
        String origin, Element element, AnnotationMirror mirror, Action scopeAction, Action ownAction,
        Action defaultAction, boolean builtin, RuleFactory build) {

    /** Makes a rule model once its id, level and action are settled. */
    @FunctionalInterface
    public interface RuleFactory {
        RuleModel make(String id, Level level, Action action);
    }

    /** A draft of a rule written in {@code scope}, with the action BLOCK unless something sets one. */
    static RuleDraft of(RuleKind<?> descriptor, String explicitId, ReadScope scope, Element element,
            AnnotationMirror mirror, RuleFactory build) {
        return of(descriptor, explicitId, scope, element, mirror, null, Action.BLOCK, build);
    }

    static RuleDraft of(RuleKind<?> descriptor, String explicitId, ReadScope scope, Element element,
            AnnotationMirror mirror, Action ownAction, Action defaultAction, RuleFactory build) {
        return new RuleDraft(descriptor, descriptor.name(), explicitId, scope.idPrefix(), scope.level(),
                scope.origin(), element, mirror, scope.scopeAction(), ownAction, defaultAction, false, build);
    }

    /** The same rule at another level. */
    public RuleDraft atLevel(Level other) {
        return new RuleDraft(descriptor, kind, explicitId, idPrefix, other, origin, element, mirror, scopeAction,
                ownAction, defaultAction, builtin, build);
    }

    /** Whether at most one rule of this kind applies to a method (a lower one replaces a higher one). */
    public boolean singleton() {
        return descriptor.singleton();
    }

    /** Whether the REDACT action can mask what the rule finds. */
    public boolean redactable() {
        return descriptor.redactable();
    }

    /** The action: the rule's own, else the one in scope, else the policy's, else the default. */
    public Action action(Action inScope) {
        if (ownAction != null) {
            return ownAction;
        }
        if (inScope != null) {
            return inScope;
        }
        return scopeAction != null ? scopeAction : defaultAction;
    }

    /** The rule's model with its own id and level and the given action. */
    public RuleModel model(Action action) {
        return build.make(id(), level, action);
    }

    public String defaultId() {
        return idPrefix + Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
    }

    public String id() {
        return explicitId.isEmpty() ? defaultId() : explicitId;
    }
}
