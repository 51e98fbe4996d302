package dev.modelspec4j.processor.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, with defaults, never through {@code getAnnotation}: class values
 * and annotations from other jars read the same way, and every value has a position for diagnostics.
 */
public final class Mirrors {

    private final Elements elements;

    public Mirrors(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of type {@code qualifiedName} directly present on {@code element}. */
    public Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (qualifiedName(mirror).equals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The qualified name of the annotation's type. */
    public static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    /** The value of {@code name}, explicit or default. */
    public AnnotationValue value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("@" + qualifiedName(mirror) + " has no attribute " + name);
    }

    /** The value of {@code name} if it is written in the source; the place to point a diagnostic at. */
    public static AnnotationValue explicit(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String string(AnnotationMirror mirror, String name) {
        return (String) value(mirror, name).getValue();
    }

    public int integer(AnnotationMirror mirror, String name) {
        return (Integer) value(mirror, name).getValue();
    }

    public boolean bool(AnnotationMirror mirror, String name) {
        return (Boolean) value(mirror, name).getValue();
    }

    /** The constant name of an enum value. */
    public String enumConstant(AnnotationMirror mirror, String name) {
        return ((VariableElement) value(mirror, name).getValue()).getSimpleName().toString();
    }

    /** The values of an array attribute, each with its own position. */
    public List<AnnotationValue> array(AnnotationMirror mirror, String name) {
        Object value = value(mirror, name).getValue();
        List<AnnotationValue> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                values.add((AnnotationValue) o);
            }
        }
        return values;
    }

    /** The values of a {@code String[]} attribute. */
    public List<String> strings(AnnotationMirror mirror, String name) {
        List<String> strings = new ArrayList<>();
        for (AnnotationValue v : array(mirror, name)) {
            strings.add((String) v.getValue());
        }
        return strings;
    }
}
