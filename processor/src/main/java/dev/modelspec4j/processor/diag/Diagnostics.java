package dev.modelspec4j.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reports diagnostics at the most precise place available (element, annotation, annotation value) and counts
 * errors, so that a stage can go on collecting problems and the processor can skip generation afterwards.
 */
public final class Diagnostics {

    private final Messager messager;
    private final java.util.Set<java.util.List<Object>> reported = new java.util.HashSet<>();
    private int errors;

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    public void report(Message message, Element element, Object... args) {
        report(message, element, null, null, args);
    }

    public void report(Message message, Element element, AnnotationMirror annotation, Object... args) {
        report(message, element, annotation, null, args);
    }

    public void report(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        // A rule inherited by several methods is checked once per method: report each problem once.
        // The error still counts, so that the method it was found for is not generated.
        if (!reported.add(java.util.List.of(message, element, String.valueOf(annotation), String.valueOf(value),
                java.util.Arrays.asList(args)))) {
            if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
                errors++;
            }
            return;
        }
        if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
            errors++;
        }
        if (annotation == null) {
            messager.printMessage(message.kind(), message.format(args), element);
        } else if (value == null) {
            messager.printMessage(message.kind(), message.format(args), element, annotation);
        } else {
            messager.printMessage(message.kind(), message.format(args), element, annotation, value);
        }
    }

    /** How many errors were reported so far. */
    public int errorCount() {
        return errors;
    }

    /** Prints a diagnostic at a place the {@link javax.annotation.processing.Messager} cannot name. */
    @FunctionalInterface
    public interface Placer {
        /** Prints {@code text} at the place; false when the place is unknown. */
        boolean print(javax.tools.Diagnostic.Kind kind, String text);
    }

    /**
     * Reports through {@code placer}, e.g. at an annotation nested in a container, which javac cannot map back
     * to its source; where {@code placer} cannot place it, at {@code element}, {@code annotation}, {@code value}.
     */
    public void report(Message message, Placer placer, Element element, AnnotationMirror annotation,
            AnnotationValue value, Object... args) {
        if (placer.print(message.kind(), message.format(args))) {
            if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
                errors++;
            }
            return;
        }
        report(message, element, annotation, value, args);
    }
}
