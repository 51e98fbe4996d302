package dev.modelspec4j.processor.validate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import dev.modelspec4j.annotation.InjectionScope;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;

/**
 * Reads the rule annotations of one element (a method, the interface, or a policy type) into drafts, checking
 * each rule's own parameters: regexes compile, length bounds make sense. Ids and actions are settled per
 * method by {@link AssistantReader}, which knows the scope.
 */
final class RuleReader {

    /**
     * A rule before its id and action are settled.
     *
     * @param kind the annotation's simple name
     * @param explicitId the id written in the annotation; empty for the default
     * @param idPrefix the prefix of the default id ({@code answer.}, empty, or {@code acmeBaseline.})
     * @param level the rule's level of authority
     * @param origin where the rule is written, for messages
     * @param element the annotated element
     * @param mirror the rule's annotation, to point diagnostics at
     * @param scopeAction the action of an {@code @OnViolation} next to the rule on a policy; null for none
     * @param ownAction the action written on the rule annotation itself, which wins over any
     *     {@code @OnViolation}; null when the annotation has none or leaves it at its default
     * @param defaultAction the action when nothing else sets one
     * @param build makes the rule model from its id, level and action
     */
    record Draft(String kind, String explicitId, String idPrefix, Level level, String origin, Element element,
            AnnotationMirror mirror, Action scopeAction, Action ownAction, Action defaultAction, boolean builtin,
            RuleFactory build) {

        Draft(String kind, String explicitId, String idPrefix, Level level, String origin, Element element,
                AnnotationMirror mirror, Action scopeAction, RuleFactory build) {
            this(kind, explicitId, idPrefix, level, origin, element, mirror, scopeAction, null, Action.BLOCK, false,
                    build);
        }

        Draft(String kind, String explicitId, String idPrefix, Level level, String origin, Element element,
                AnnotationMirror mirror, Action scopeAction, Action ownAction, Action defaultAction,
                RuleFactory build) {
            this(kind, explicitId, idPrefix, level, origin, element, mirror, scopeAction, ownAction, defaultAction,
                    false, build);
        }

        /** The same rule at another level. */
        Draft atLevel(Level other) {
            return new Draft(kind, explicitId, idPrefix, other, origin, element, mirror, scopeAction, ownAction,
                    defaultAction, builtin, build);
        }

        /** Whether at most one rule of this kind applies to a method (a lower one replaces a higher one). */
        boolean singleton() {
            return kind.equals("Pii") || kind.equals("Secrets") || kind.equals("PromptInjection")
                    || kind.equals("KeepInstructionsPrivate");
        }

        /** The action: the rule's own, else the one in scope, else the policy's, else the default. */
        Action action(Action inScope) {
            if (ownAction != null) {
                return ownAction;
            }
            if (inScope != null) {
                return inScope;
            }
            return scopeAction != null ? scopeAction : defaultAction;
        }

        /** The rule's model with its own id and level and the given action. */
        RuleModel model(Action action) {
            return build.make(id(), level, action);
        }

        String defaultId() {
            return idPrefix + Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
        }

        String id() {
            return explicitId.isEmpty() ? defaultId() : explicitId;
        }

        boolean redactable() {
            return !kind.equals("Length") && !kind.equals("Require");
        }
    }

    /** Makes a rule model once its id, level and action are settled. */
    @FunctionalInterface
    interface RuleFactory {
        RuleModel make(String id, Level level, Action action);
    }

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    RuleReader(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    /** The rules written directly on {@code element}. */
    List<Draft> read(Element element, Level level, String idPrefix, String origin, Action scopeAction) {
        List<Draft> drafts = new ArrayList<>();
        if (level == Level.ROOT) {
            for (String rule : List.of(Names.LENGTH, Names.FORBID, Names.REQUIRE)) {
                mirrors.find(element, rule).filter(this::overridable).ifPresent(m -> diagnostics.report(
                        Message.OVERRIDABLE_HIGH_LEVEL, element, m, Mirrors.explicit(m, "userOverridable"),
                        origin + " @" + rule.substring(rule.lastIndexOf('.') + 1), level));
            }
        }
        mirrors.find(element, Names.LENGTH).ifPresent(
                m -> length(element, m, level, idPrefix, origin, scopeAction).ifPresent(drafts::add));
        mirrors.find(element, Names.FORBID).ifPresent(
                m -> forbid(element, m, level, idPrefix, origin, scopeAction).ifPresent(drafts::add));
        mirrors.find(element, Names.REQUIRE).ifPresent(
                m -> require(element, m, level, idPrefix, origin, scopeAction).ifPresent(drafts::add));
        mirrors.find(element, Names.PII).ifPresent(m -> drafts.add(pii(element, m, level, idPrefix, origin)));
        for (AnnotationMirror m : repeated(element, Names.CHECK, Names.CHECKS)) {
            custom(element, m, level, idPrefix, origin, scopeAction).ifPresent(drafts::add);
        }
        mirrors.find(element, Names.PROMPT_INJECTION).ifPresent(
                m -> drafts.add(promptInjection(element, m, level, idPrefix, origin, scopeAction)));
        mirrors.find(element, Names.KEEP_INSTRUCTIONS_PRIVATE).ifPresent(
                m -> drafts.add(keepPrivate(element, m, level, idPrefix, origin, scopeAction)));
        mirrors.find(element, Names.SECRETS).ifPresent(
                m -> drafts.add(secrets(element, m, level, idPrefix, origin, scopeAction)));
        mirrors.find(element, Names.MODERATE).ifPresent(m -> drafts.add(new Draft("Moderate", "", idPrefix, level,
                origin, element, m, scopeAction,
                (id, lvl, action) -> new RuleModel.ModerateRule(id, lvl, action, false, origin))));
        return drafts;
    }

    /**
     * The rules of every policy applied to {@code element}, directly or through other policies, each at its
     * policy's level. A policy reached twice counts once; a cycle is an error.
     */
    List<Draft> readPolicies(TypeElement element) {
        return readPolicies(element, new ArrayList<>());
    }

    /** As {@link #readPolicies(TypeElement)}; {@code applied} receives the qualified names of the policies. */
    List<Draft> readPolicies(TypeElement element, List<String> applied) {
        List<Draft> drafts = new ArrayList<>();
        collectPolicies(element, element, new ArrayDeque<>(), applied, drafts);
        return drafts;
    }

    private void collectPolicies(TypeElement assistant, Element annotated, Deque<String> path, List<String> seen,
            List<Draft> drafts) {
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

    private Optional<Draft> length(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        int maxChars = mirrors.integer(m, "maxChars");
        int maxWords = mirrors.integer(m, "maxWords");
        int maxSentences = mirrors.integer(m, "maxSentences");
        int minChars = mirrors.integer(m, "minChars");
        boolean ok = true;
        for (String bound : List.of("maxChars", "maxWords", "maxSentences", "minChars")) {
            int value = mirrors.integer(m, bound);
            if (value < 0) {
                diagnostics.report(Message.LENGTH_NEGATIVE, element, m, Mirrors.explicit(m, bound), bound, value);
                ok = false;
            }
        }
        if (ok && maxChars == 0 && maxWords == 0 && maxSentences == 0 && minChars == 0) {
            diagnostics.report(Message.LENGTH_NO_BOUND, element, m);
            ok = false;
        }
        if (ok && maxChars > 0 && minChars > maxChars) {
            diagnostics.report(Message.LENGTH_CONTRADICTORY, element, m, Mirrors.explicit(m, "minChars"),
                    minChars, maxChars);
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Draft("Length", mirrors.string(m, "id"), prefix, level, origin, element, m,
                scopeAction, (id, lvl, action) -> new RuleModel.LengthRule(id, lvl, action, overridable(m), origin, maxChars,
                        maxWords, maxSentences, minChars)));
    }

    private Optional<Draft> forbid(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        List<String> patterns = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        boolean ok = regexes(element, m, "patterns", "Forbid", patterns);
        for (String p : patterns) {
            descriptions.add("the pattern " + p);
        }
        int declared = mirrors.integer(m, "lookAhead");
        if (declared < 0) {
            diagnostics.report(Message.BAD_LOOK_AHEAD, element, m, Mirrors.explicit(m, "lookAhead"), declared);
            ok = false;
        }
        int lookAhead = patterns.isEmpty() ? declared : declared == 0 ? OutputCheck.WHOLE_ANSWER : declared;
        for (AnnotationValue v : mirrors.array(m, "phrases")) {
            String phrase = (String) v.getValue();
            if (phrase.isBlank()) {
                diagnostics.report(Message.EMPTY_RULE, element, m, v, "Forbid", "non-blank phrase in phrases");
                ok = false;
                continue;
            }
            patterns.add(ForbidCheck.phrase(phrase));
            lookAhead = Math.max(lookAhead, ForbidCheck.phraseLookAhead(phrase));
            descriptions.add("the phrase \"" + phrase.strip() + "\"");
        }
        if (ok && patterns.isEmpty()) {
            diagnostics.report(Message.EMPTY_RULE, element, m, "Forbid", "patterns or phrases");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        int window = lookAhead;
        return Optional.of(new Draft("Forbid", mirrors.string(m, "id"), prefix, level, origin, element, m,
                scopeAction, (id, lvl, action) -> new RuleModel.ForbidRule(id, lvl, action, overridable(m), origin, patterns,
                        descriptions, window)));
    }

    private Optional<Draft> require(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        List<String> patterns = new ArrayList<>();
        boolean ok = regexes(element, m, "patterns", "Require", patterns);
        if (ok && patterns.isEmpty()) {
            diagnostics.report(Message.EMPTY_RULE, element, m, Mirrors.explicit(m, "patterns"), "Require", "patterns");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Draft("Require", mirrors.string(m, "id"), prefix, level, origin, element, m,
                scopeAction, (id, lvl, action) -> new RuleModel.RequireRule(id, lvl, action, overridable(m), origin, patterns)));
    }

    private Draft pii(Element element, AnnotationMirror m, Level level, String prefix, String origin) {
        List<PiiType> types = new ArrayList<>();
        for (AnnotationValue v : mirrors.array(m, "types")) {
            PiiType type = PiiType.valueOf(((VariableElement) v.getValue()).getSimpleName().toString());
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        types.sort(null);
        PiiMode input = PiiMode.valueOf(mirrors.enumConstant(m, "input"));
        PiiMode output = PiiMode.valueOf(mirrors.enumConstant(m, "output"));
        if (types.isEmpty()) {
            diagnostics.report(Message.EMPTY_RULE, element, m, Mirrors.explicit(m, "types"), "Pii", "types");
        }
        Action action = input == PiiMode.BLOCK || output == PiiMode.BLOCK ? Action.BLOCK : Action.REDACT;
        return new Draft("Pii", mirrors.string(m, "id"), prefix, level, origin, element, m, null, action, action,
                (id, lvl, ignored) -> new RuleModel.PiiRule(id, lvl, action, false, origin, types, input, output));
    }

    private Draft secrets(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        Action own = Mirrors.explicit(m, "action") == null ? null : Action.valueOf(mirrors.enumConstant(m, "action"));
        return new Draft("Secrets", mirrors.string(m, "id"), prefix, level, origin, element, m, scopeAction, own,
                Action.valueOf(mirrors.enumConstant(m, "action")),
                (id, lvl, action) -> new RuleModel.SecretsRule(id, lvl, action, false, origin));
    }

    private List<AnnotationMirror> repeated(Element element, String single, String container) {
        List<AnnotationMirror> found = new ArrayList<>();
        mirrors.find(element, single).ifPresent(found::add);
        mirrors.find(element, container).ifPresent(
                c -> mirrors.array(c, "value").forEach(v -> found.add((AnnotationMirror) v.getValue())));
        return found;
    }

    private Optional<Draft> custom(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        AnnotationValue value = Mirrors.explicit(m, "value");
        javax.lang.model.type.TypeMirror type = (javax.lang.model.type.TypeMirror) mirrors.value(m, "value").getValue();
        TypeElement check = (TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement();
        String problem = checkClassProblem(check);
        if (problem != null) {
            diagnostics.report(Message.BAD_CHECK_CLASS, element, m, value, check.getSimpleName(), problem);
            return Optional.empty();
        }
        com.palantir.javapoet.ClassName name = com.palantir.javapoet.ClassName.get(check);
        String explicit = mirrors.string(m, "id");
        String id = explicit.isEmpty() ? "" : explicit;
        return Optional.of(new Draft("Check" + check.getSimpleName(), id, prefix, level, origin, element, m,
                scopeAction, (ruleId, lvl, action) -> new RuleModel.CustomRule(ruleId, lvl, action, false, origin,
                        name)));
    }

    /** Why generated code could not create the check with {@code new}, or null. */
    static String checkClassProblem(TypeElement check) {
        if (check.getKind() != javax.lang.model.element.ElementKind.CLASS) {
            return "it is not a class";
        }
        if (check.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
            return "it is abstract";
        }
        if (!check.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
            return "it is not public";
        }
        if (check.getNestingKind().isNested()
                && !check.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
            return "it is an inner class";
        }
        boolean noArg = javax.lang.model.util.ElementFilter.constructorsIn(check.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty()
                        && c.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC));
        return noArg ? null : "it has no public no-argument constructor";
    }

    private Draft promptInjection(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        List<InjectionScope> scopes = new ArrayList<>();
        for (AnnotationValue v : mirrors.array(m, "scope")) {
            InjectionScope scope = InjectionScope.valueOf(((VariableElement) v.getValue()).getSimpleName().toString());
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        scopes.sort(null);
        Action own = Mirrors.explicit(m, "action") == null ? null : Action.valueOf(mirrors.enumConstant(m, "action"));
        return new Draft("PromptInjection", mirrors.string(m, "id"), prefix, level, origin, element, m, scopeAction,
                own, Action.valueOf(mirrors.enumConstant(m, "action")),
                (id, lvl, action) -> new RuleModel.PromptInjectionRule(id, lvl, action, false, origin, scopes));
    }

    private Draft keepPrivate(Element element, AnnotationMirror m, Level level, String prefix, String origin,
            Action scopeAction) {
        boolean enabled = mirrors.bool(m, "value");
        List<String> confidential = mirrors.strings(m, "confidential");
        Action own = Mirrors.explicit(m, "action") == null ? null : Action.valueOf(mirrors.enumConstant(m, "action"));
        return new Draft("KeepInstructionsPrivate", mirrors.string(m, "id"), prefix, level, origin, element, m,
                scopeAction, own, Action.valueOf(mirrors.enumConstant(m, "action")),
                (id, lvl, action) -> new RuleModel.KeepPrivateRule(id, lvl, action, false, origin, enabled,
                        confidential));
    }

    /** The built-in rules that no annotation states: defaults that the developer may change. */
    static Draft builtinInjection(Element method, String prefix) {
        return new Draft("PromptInjection", "", prefix, Level.ROOT, "built-in default", method, null, null,
                Action.BLOCK, Action.BLOCK, true, (id, lvl, action) -> new RuleModel.PromptInjectionRule(id, lvl, action, false,
                        "built-in default", List.of(InjectionScope.UNTRUSTED)));
    }

    static Draft builtinKeepPrivate(Element method, String prefix) {
        return new Draft("KeepInstructionsPrivate", "", prefix, Level.ROOT, "built-in default", method, null, null,
                Action.REFUSE, Action.REFUSE, true, (id, lvl, action) -> new RuleModel.KeepPrivateRule(id, lvl, action, false,
                        "built-in default", true));
    }

    private boolean overridable(AnnotationMirror m) {
        return mirrors.bool(m, "userOverridable");
    }

    private boolean regexes(Element element, AnnotationMirror m, String attribute, String kind, List<String> out) {
        boolean ok = true;
        for (AnnotationValue v : mirrors.array(m, attribute)) {
            String regex = (String) v.getValue();
            try {
                Pattern.compile(regex);
                out.add(regex);
            } catch (PatternSyntaxException e) {
                diagnostics.report(Message.INVALID_REGEX, element, m, v, kind,
                        e.getDescription() + " near index " + e.getIndex() + " of \"" + regex + "\"");
                ok = false;
            } catch (StackOverflowError e) {
                diagnostics.report(Message.INVALID_REGEX, element, m, v, kind,
                        "it is nested too deeply to compile (" + regex.length() + " characters)");
                ok = false;
            }
        }
        return ok;
    }
}
