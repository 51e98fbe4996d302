package dev.modelspec4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;

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
 * @param inheritedNames simple names that would not mean in the generated class what they mean in an ordinary
 *     file: the fields and member types it inherits from the interface, and types of the interface's package
 *     named like a {@code java.lang} type; the generated code qualifies types of these names
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
        boolean chatMemoryAccess,
        Set<String> inheritedNames) {

    public AssistantModel {
        methods = List.copyOf(methods);
        inheritedNames = Set.copyOf(inheritedNames);
    }
}
