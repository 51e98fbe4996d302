package dev.modelspec4j.processor.validate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.KindReader;
import dev.modelspec4j.processor.kind.ReadScope;
import dev.modelspec4j.processor.kind.RuleDraft;
import dev.modelspec4j.processor.kind.RuleKind;
import dev.modelspec4j.processor.kind.RuleKinds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads the rule annotations of one element (a method, the interface, or a policy type) into drafts, each kind
 * through its descriptor ({@link RuleKinds}), which checks the rule's own parameters: regexes compile, length
 * bounds make sense. Ids and actions are settled per method by {@link AssistantReader}, which knows the scope.
 */
final class RuleReader {

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;
    private final KindReader kinds;

    RuleReader(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
        this.kinds = new KindReader(mirrors, diagnostics);
    }

    /** The rules written directly on {@code element}. */
    List<RuleDraft> read(Element element, Level level, String idPrefix, String origin, Action scopeAction) {
        List<RuleDraft> drafts = new ArrayList<>();
        if (level == Level.ROOT) {
            for (RuleKind<?> kind : RuleKinds.ALL) {
                if (!kind.hasUserOverridable()) {
                    continue;
                }
                mirrors.find(element, kind.annotation()).filter(m -> mirrors.bool(m, "userOverridable"))
                        .ifPresent(m -> diagnostics.report(Message.OVERRIDABLE_HIGH_LEVEL, element, m,
                                Mirrors.explicit(m, "userOverridable"), origin + " @" + kind.name(), level));
            }
        }
        ReadScope scope = new ReadScope(level, idPrefix, origin, scopeAction);
        for (RuleKind<?> kind : RuleKinds.ALL) {
            kind.read(kinds, element, scope, drafts);
        }
        return drafts;
    }

    /**
     * The rules of every policy applied to {@code element}, directly or through other policies, each at its
     * policy's level. A policy reached twice counts once; a cycle is an error.
     */
    List<RuleDraft> readPolicies(TypeElement element) {
        return readPolicies(element, new ArrayList<>());
    }

    /** As {@link #readPolicies(TypeElement)}; {@code applied} receives the qualified names of the policies. */
    List<RuleDraft> readPolicies(TypeElement element, List<String> applied) {
        List<RuleDraft> drafts = new ArrayList<>();
        collectPolicies(element, element, new ArrayDeque<>(), applied, drafts);
        return drafts;
    }

    private void collectPolicies(TypeElement assistant, Element annotated, Deque<String> path, List<String> seen,
            List<RuleDraft> drafts) {
        for (AnnotationMirror applied : annotated.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) applied.getAnnotationType().asElement();
            Optional<AnnotationMirror> policy = mirrors.find(type, Names.POLICY);
            if (policy.isEmpty()) {
                continue;
            }
            String name = type.getQualifiedName().toString();
            if (path.contains(name)) {
                List<String> cycle = new ArrayList<>(path);
                diagnostics.report(Message.POLICY_CYCLE, assistant, findOn(assistant, path.peekFirst()), name,
                        String.join(" -> ", cycle) + " -> " + name);
                continue;
            }
            if (seen.contains(name)) {
                continue;
            }
            seen.add(name);
            Level level = Level.valueOf(mirrors.enumConstant(policy.get(), "level"));
            if (level == Level.USER) {
                AnnotationMirror at = findOn(assistant, name);
                diagnostics.report(Message.USER_LEVEL_POLICY, at != null ? assistant : type,
                        at != null ? at : policy.get());
                continue;
            }
            Action scopeAction = mirrors.find(type, Names.ON_VIOLATION)
                    .map(m -> Action.valueOf(mirrors.enumConstant(m, "action"))).orElse(null);
            String simple = type.getSimpleName().toString();
            String prefix = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + ".";
            // Rules on a policy in another jar are reported at the place it is applied.
            drafts.addAll(read(type, level, prefix, "policy " + name, scopeAction));
            path.addLast(name);
            collectPolicies(assistant, type, path, seen, drafts);
            path.removeLast();
        }
    }

    private AnnotationMirror findOn(Element element, String annotation) {
        return annotation == null ? null : mirrors.find(element, annotation).orElse(null);
    }
}
