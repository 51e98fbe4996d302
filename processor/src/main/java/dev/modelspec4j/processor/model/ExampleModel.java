package dev.modelspec4j.processor.model;

/**
 * An {@code @Example} of a method.
 *
 * @param index the example's place among the method's examples, from 0
 * @param user what the user says
 * @param good an answer that passes every rule
 * @param bad an answer that {@code rule} must catch; empty for none
 * @param rule the id of the rule that catches {@code bad}; empty for none
 * @param position where the example is written, or null when unknown
 */
public record ExampleModel(int index, String user, String good, String bad, String rule, SourcePosition position) {
}
