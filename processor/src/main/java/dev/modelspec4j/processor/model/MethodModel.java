package dev.modelspec4j.processor.model;

import com.palantir.javapoet.TypeName;
import dev.modelspec4j.processor.schema.StructuredModel;
import java.util.List;

/**
 * One abstract method of an assistant.
 *
 * @param name the method name
 * @param returnKind how the answer is returned
 * @param returnType the declared return type
 * @param parameters every parameter, in order
 * @param thrownTypes declared exceptions, repeated on the implementation
 * @param systemMessage the system message template; empty for none
 * @param userMessage the user message template (a parameter alone is a template of one variable)
 * @param memoryIdParameter the {@code @MemoryId} parameter's name, or null
 * @param contextParameter the {@code SpecContext} parameter's name, or null
 * @param untrusted the {@code @Untrusted} parameters
 * @param rules the rules, cheapest check first
 * @param maxAttempts the most model calls per call
 * @param refusal the refusal text; empty for none
 * @param fallbackMethod the fallback method's name, or null
 * @param structured the structured output (JSON schema, field rules), or null for text
 * @param bufferStream for a {@link ReturnKind#TOKEN_STREAM} method: whether the whole answer is checked before
 *     any of it is released ({@code @Streaming(buffer = true)})
 * @param contentParameters the parameters whose arguments are contents of the user message (images, audio,
 *     lists of contents...), in order
 * @param contentsBeforeText how many of {@code contentParameters} come before the user message's text
 * @param userNameParameter the {@code @UserName} parameter's name, or null
 */
public record MethodModel(
        String name,
        ReturnKind returnKind,
        TypeName returnType,
        List<ParameterModel> parameters,
        List<TypeName> thrownTypes,
        List<TemplatePart> systemMessage,
        List<TemplatePart> userMessage,
        String memoryIdParameter,
        String contextParameter,
        List<UntrustedParameter> untrusted,
        List<RuleModel> rules,
        int maxAttempts,
        String refusal,
        String fallbackMethod,
        StructuredModel structured,
        boolean bufferStream,
        List<String> contentParameters,
        int contentsBeforeText,
        String userNameParameter) {

    /** A method whose answer is text. */
    public MethodModel(String name, ReturnKind returnKind, TypeName returnType, List<ParameterModel> parameters,
            List<TypeName> thrownTypes, List<TemplatePart> systemMessage, List<TemplatePart> userMessage,
            String memoryIdParameter, String contextParameter, List<UntrustedParameter> untrusted,
            List<RuleModel> rules, int maxAttempts, String refusal, String fallbackMethod) {
        this(name, returnKind, returnType, parameters, thrownTypes, systemMessage, userMessage, memoryIdParameter,
                contextParameter, untrusted, rules, maxAttempts, refusal, fallbackMethod, null, false, List.of(), 0,
                null);
    }

    public MethodModel {
        parameters = List.copyOf(parameters);
        thrownTypes = List.copyOf(thrownTypes);
        systemMessage = List.copyOf(systemMessage);
        userMessage = List.copyOf(userMessage);
        untrusted = List.copyOf(untrusted);
        rules = List.copyOf(rules);
        contentParameters = List.copyOf(contentParameters);
    }

    /** A parameter of an assistant method. */
    public record ParameterModel(String name, TypeName type) {
    }

    /** An {@code @Untrusted} parameter and its label. */
    public record UntrustedParameter(String name, String label) {
    }
}
