package dev.modelspec4j.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.CheckKind;
import dev.modelspec4j.processor.model.ReturnKind;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads LangChain4j's {@code @InputGuardrails} and {@code @OutputGuardrails} of one method, as {@code AiServices}
 * resolves them: an annotation on the method replaces the same annotation on the interface (an empty one on the
 * method switches the interface's off), and the guardrails run in the order listed. Each guardrail becomes a
 * developer-level rule with the id {@code guardrail.<SimpleName>}.
 */
final class GuardrailReader {

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    GuardrailReader(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    /**
     * The guardrails of {@code method}, input ones first; reports what the generated class could not run.
     *
     * @param kind the method's return kind, or null when it is not supported
     * @param rules the method's other rules, whose ids the guardrails may not take
     */
    List<RuleModel> read(TypeElement type, ExecutableElement method, ReturnKind kind, List<RuleModel> rules) {
        String name = method.getSimpleName().toString();
        Set<String> others = new HashSet<>();
        rules.forEach(r -> others.add(r.id()));
        List<RuleModel> found = new ArrayList<>();
        for (boolean input : new boolean[] {true, false}) {
            String annotation = input ? Names.INPUT_GUARDRAILS : Names.OUTPUT_GUARDRAILS;
            Element at = method;
            Optional<AnnotationMirror> mirror = mirrors.find(method, annotation);
            if (mirror.isEmpty()) {
                at = type;
                mirror = mirrors.find(type, annotation);
            }
            if (mirror.isEmpty()) {
                continue;
            }
            AnnotationMirror m = mirror.get();
            // A class may be both an input and an output guardrail: its id is unique within each phase.
            Set<String> ids = new HashSet<>(others);
            String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
            String origin = at == method ? "method " + name : "interface";
            List<? extends AnnotationValue> classes = mirrors.array(m, "value");
            int maxRetries = input ? 0 : mirrors.integer(m, "maxRetries");
            if (maxRetries < 0) {
                diagnostics.report(Message.NEGATIVE_GUARDRAIL_RETRIES, at, m, Mirrors.explicit(m, "maxRetries"),
                        maxRetries);
            }
            boolean buffered = mirrors.find(method, Names.STREAMING).map(b -> mirrors.bool(b, "buffer"))
                    .orElse(false);
            if (!input && kind == ReturnKind.TOKEN_STREAM && !buffered && !classes.isEmpty()) {
                diagnostics.report(Message.OUTPUT_GUARDRAILS_ON_STREAM, at, m, name, "a retry or a rewrite"
                        + " cannot take back tokens the caller already received");
                continue;
            }
            for (AnnotationValue v : classes) {
                if (!(v.getValue() instanceof DeclaredType declared)) {
                    continue; // a class that does not exist: javac reports it
                }
                TypeElement guardrail = (TypeElement) declared.asElement();
                String problem = CheckKind.problem(guardrail);
                if (problem == null && throwsChecked(guardrail)) {
                    problem = "its no-argument constructor declares a checked exception";
                }
                if (problem != null) {
                    diagnostics.report(Message.BAD_GUARDRAIL_CLASS, at, m, v, simple, guardrail.getSimpleName(),
                            problem);
                    continue;
                }
                ClassName className = ClassName.get(guardrail);
                String id = "guardrail." + String.join(".", className.simpleNames());
                if (!ids.add(id)) {
                    diagnostics.report(Message.DUPLICATE_GUARDRAIL, at, m, v, simple, guardrail.getSimpleName(), name,
                            id);
                    continue;
                }
                found.add(new RuleModel.GuardrailRule(id, Level.DEVELOPER, Action.BLOCK, false, origin, className,
                        input, Math.max(0, maxRetries)));
            }
        }
        return found;
    }

    /**
     * Reports LangChain4j guardrails on a policy applied to {@code type}, directly or through another policy:
     * {@code AiServices} reads them on the service interface and its methods only, and so does modelspec4j.
     */
    void checkPolicies(TypeElement type) {
        for (AnnotationMirror applied : type.getAnnotationMirrors()) {
            checkPolicy(type, applied, (TypeElement) applied.getAnnotationType().asElement(), new HashSet<>());
        }
    }

    private void checkPolicy(TypeElement assistant, AnnotationMirror use, TypeElement annotation, Set<String> seen) {
        if (mirrors.find(annotation, Names.POLICY).isEmpty() || !seen.add(annotation.getQualifiedName().toString())) {
            return;
        }
        for (String name : List.of(Names.INPUT_GUARDRAILS, Names.OUTPUT_GUARDRAILS)) {
            if (mirrors.find(annotation, name).isPresent()) {
                diagnostics.report(Message.GUARDRAILS_ON_POLICY, assistant, use,
                        annotation.getQualifiedName(), name.substring(name.lastIndexOf('.') + 1));
            }
        }
        for (AnnotationMirror inner : annotation.getAnnotationMirrors()) {
            checkPolicy(assistant, use, (TypeElement) inner.getAnnotationType().asElement(), seen);
        }
    }

    /** Whether the public no-argument constructor of {@code type} declares a checked exception. */
    private static boolean throwsChecked(TypeElement type) {
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (!c.getParameters().isEmpty() || !c.getModifiers().contains(Modifier.PUBLIC)) {
                continue;
            }
            for (TypeMirror thrown : c.getThrownTypes()) {
                if (!unchecked(thrown)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unchecked(TypeMirror type) {
        while (type instanceof DeclaredType declared) {
            String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
            if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
                return true;
            }
            type = ((TypeElement) declared.asElement()).getSuperclass();
        }
        return false;
    }
}
