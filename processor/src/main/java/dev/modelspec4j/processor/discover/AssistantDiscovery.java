package dev.modelspec4j.processor.discover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds the {@code @ModelSpec} elements of a round. An interface whose methods refer to a type that does not
 * exist yet (another processor may generate it) is deferred by qualified name and retried next round.
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
        List<String> names = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            collect(method.getReturnType(), names);
            for (VariableElement p : method.getParameters()) {
                collect(p.asType(), names);
            }
        }
        return names;
    }

    private boolean hasUnresolvedTypes(TypeElement type) {
        return !unresolvedTypes(type).isEmpty();
    }

    private static void collect(TypeMirror type, List<String> names) {
        if (type.getKind() == TypeKind.ERROR) {
            names.add(type.toString());
        }
    }
}
