package dev.modelspec4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Everything the generators need to know about one assistant interface; built from the source by the
 * validate stage, so that generators never look at {@code Element}s.
 *
 * @param interfaceName the assistant interface
 * @param generatedName the class to generate, {@code Guarded<Name>}
 * @param specId the spec id
 * @param specVersion the spec version
 * @param description the spec's description
 * @param hash the content hash of the rules
 * @param needsMemory whether a method has a {@code @MemoryId} parameter
 * @param methods the abstract methods, in source order
 * @param chatMemoryAccess whether the interface extends LangChain4j's {@code ChatMemoryAccess}
 */
public record AssistantModel(
        ClassName interfaceName,
        ClassName generatedName,
        String specId,
        String specVersion,
        String description,
        String hash,
        boolean needsMemory,
        List<MethodModel> methods,
        boolean chatMemoryAccess) {

    public AssistantModel {
        methods = List.copyOf(methods);
    }
}
