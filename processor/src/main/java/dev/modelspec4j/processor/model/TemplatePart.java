package dev.modelspec4j.processor.model;

/** A piece of a parsed prompt template. */
public sealed interface TemplatePart {

    /** Text sent as written. */
    record Literal(String text) implements TemplatePart {
    }

    /** The value of a parameter; {@code variable} is the name used in the template. */
    record Variable(String variable, String parameter) implements TemplatePart {
    }

    /** {@code current_date}, {@code current_time} or {@code current_date_time}. */
    record Special(String variable) implements TemplatePart {
    }
}
