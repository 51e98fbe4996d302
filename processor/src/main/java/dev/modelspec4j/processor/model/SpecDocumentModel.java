package dev.modelspec4j.processor.model;

import java.util.List;
import java.util.Map;

/**
 * What the spec documents say about one assistant beyond its {@link AssistantModel}: where things are written
 * and the worked examples. Built by the validate stage; the document writers read nothing else.
 *
 * @param assistant the assistant
 * @param binaryName the interface's binary name, as {@code Class.getName()} gives it
 * @param position where the interface is declared, or null when unknown
 * @param methods for each method of {@code assistant.methods()}, in the same order, its examples and positions
 */
public record SpecDocumentModel(AssistantModel assistant, String binaryName, SourcePosition position,
        List<MethodDocument> methods) {

    public SpecDocumentModel {
        methods = List.copyOf(methods);
    }

    /**
     * @param method the method
     * @param position where the method is declared, or null when unknown
     * @param examples its examples, in source order
     * @param rulePositions where each rule is written, by rule id; rules from compiled policies have none
     */
    public record MethodDocument(MethodModel method, SourcePosition position, List<ExampleModel> examples,
            Map<String, SourcePosition> rulePositions) {

        public MethodDocument {
            examples = List.copyOf(examples);
            rulePositions = Map.copyOf(rulePositions);
        }
    }
}
