package dev.modelspec4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * Entry point for code that knows an assistant interface but not its generated class.
 *
 * <pre>{@code
 * SupportAssistant assistant = ModelSpecs.builder(SupportAssistant.class)
 *         .chatModel(model)
 *         .build();
 * }</pre>
 *
 * The generated class is found once, by name ({@code com.acme.GuardedSupportAssistant} for
 * {@code com.acme.SupportAssistant}, nested types joined with {@code _}); calls to the built assistant go
 * straight to the generated code.
 */
public final class ModelSpecs {

    private ModelSpecs() {
    }

    /** The builder of the generated implementation of {@code assistant}. */
    @SuppressWarnings("unchecked")
    public static <T> AssistantBuilder<T, ?> builder(Class<T> assistant) {
        Objects.requireNonNull(assistant, "assistant");
        String name = generatedClassName(assistant);
        Class<?> generated;
        try {
            generated = Class.forName(name, true, assistant.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("No generated implementation " + name + " for "
                    + assistant.getName() + ": is it annotated with @ModelSpec, and does the build run the"
                    + " modelspec4j-processor (annotationProcessorPaths)?", e);
        }
        if (!assistant.isAssignableFrom(generated)) {
            throw new IllegalArgumentException(name + " does not implement " + assistant.getName());
        }
        try {
            Class<?> builderType = Class.forName(name + "$Builder", true, assistant.getClassLoader());
            return (AssistantBuilder<T, ?>) MethodHandles.publicLookup()
                    .findStatic(generated, "builder", MethodType.methodType(builderType))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not create the builder of " + name, e);
        }
    }

    /** The name of the class generated for {@code assistant}. */
    public static String generatedClassName(Class<?> assistant) {
        String packageName = assistant.getPackageName();
        String binary = assistant.getName();
        String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
        String joined = "Guarded" + simple.replace('$', '_');
        return packageName.isEmpty() ? joined : packageName + "." + joined;
    }
}
