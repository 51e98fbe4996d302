package dev.modelspec4j.processor.discover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds the {@code @ModelSpec} elements of a round. An interface that refers to a type that does not exist yet
 * (another processor may generate it) is deferred by qualified name and retried next round: in its method
 * signatures, in class values of the annotations on it and its methods (a {@code @Check} class, a guardrail),
 * and in the components of the records its methods return, with their annotations, however deep.
 */
public final class AssistantDiscovery {

    private final Elements elements;
    private final Set<String> deferred = new LinkedHashSet<>();

    public AssistantDiscovery(Elements elements) {
        this.elements = elements;
    }

    /** What is ready to process this round: new elements and earlier deferred ones, minus those deferred now. */
    public List<Element> ready(RoundEnvironment round, TypeElement modelSpec) {
        List<Element> candidates = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                candidates.add(type);
            }
        }
        deferred.clear();
        candidates.addAll(round.getElementsAnnotatedWith(modelSpec));
        List<Element> ready = new ArrayList<>();
        for (Element candidate : candidates) {
            if (candidate instanceof TypeElement type && hasUnresolvedTypes(type)) {
                deferred.add(type.getQualifiedName().toString());
            } else {
                ready.add(candidate);
            }
        }
        return ready;
    }

    /** The qualified names still deferred. */
    public Set<String> deferred() {
        return Set.copyOf(deferred);
    }

    /** The unresolved types that a deferred interface refers to, for the final error. */
    public List<String> unresolvedTypes(TypeElement type) {
        Set<String> names = new LinkedHashSet<>();
        Set<TypeElement> records = new HashSet<>();
        annotations(type, names);
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            annotations(method, names);
            collect(method.getReturnType(), names);
            records(method.getReturnType(), names, records);
            for (VariableElement p : method.getParameters()) {
                collect(p.asType(), names);
                annotations(p, names);
            }
        }
        return List.copyOf(names);
    }

    private boolean hasUnresolvedTypes(TypeElement type) {
        return !unresolvedTypes(type).isEmpty();
    }

    /** The components of a record that {@code type} is or holds as a type argument, with their annotations. */
    private static void records(TypeMirror type, Set<String> names, Set<TypeElement> seen) {
        if (!(type instanceof DeclaredType declared) || type.getKind() != TypeKind.DECLARED) {
            return;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
            records(argument, names, seen);
        }
        if (!(declared.asElement() instanceof TypeElement element) || element.getKind() != ElementKind.RECORD
                || !seen.add(element)) {
            return;
        }
        for (RecordComponentElement component : element.getRecordComponents()) {
            collect(component.asType(), names);
            annotations(component, names);
            records(component.asType(), names, seen);
        }
    }

    /** Unresolved annotation types and class values of the annotations written on {@code element}. */
    private static void annotations(Element element, Set<String> names) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            values(mirror, names);
        }
    }

    private static void values(AnnotationMirror mirror, Set<String> names) {
        collect(mirror.getAnnotationType(), names);
        mirror.getElementValues().forEach((attribute, value) -> value(mirror, attribute, value.getValue(), names));
    }

    private static void value(AnnotationMirror mirror, ExecutableElement attribute, Object value, Set<String> names) {
        if (value instanceof TypeMirror type) {
            collect(type, names);
        } else if (value instanceof AnnotationMirror nested) {
            values(nested, names);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof AnnotationValue v) {
                    value(mirror, attribute, v.getValue(), names);
                }
            }
        } else if (value instanceof String && isClassValued(attribute)) {
            // javac gives a class literal it cannot resolve as the text "<error>": name the place instead.
            names.add("the class in @" + mirror.getAnnotationType().asElement().getSimpleName() + "("
                    + attribute.getSimpleName() + ")");
        }
    }

    /** Whether the attribute holds a {@code Class} or an array of them. */
    private static boolean isClassValued(ExecutableElement attribute) {
        TypeMirror type = attribute.getReturnType();
        if (type.getKind() == TypeKind.ARRAY) {
            type = ((javax.lang.model.type.ArrayType) type).getComponentType();
        }
        return type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.Class");
    }

    private static void collect(TypeMirror type, Set<String> names) {
        if (type.getKind() == TypeKind.ERROR) {
            names.add(type.toString());
        }
    }
}
