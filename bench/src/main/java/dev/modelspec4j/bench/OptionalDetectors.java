package dev.modelspec4j.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Detectors that not every branch of the runtime has yet. They are looked up by name, so that the benchmarks
 * compile without them and skip them when they are absent.
 */
final class OptionalDetectors {

    static final String PROMPT_INJECTION = "dev.modelspec4j.check.injection.PromptInjectionDetector";

    private OptionalDetectors() {
    }

    /** {@code PromptInjectionDetector.standard().scan(text).size()}, when the class is on the class path. */
    static Optional<ToIntFunction<String>> promptInjection() {
        Class<?> type;
        try {
            type = Class.forName(PROMPT_INJECTION);
        } catch (ClassNotFoundException absent) {
            return Optional.empty();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object detector = lookup.findStatic(type, "standard", MethodType.methodType(type)).invoke();
            MethodHandle scan = lookup.findVirtual(type, "scan", MethodType.methodType(List.class, String.class))
                    .bindTo(detector);
            return Optional.of(text -> {
                try {
                    return ((List<?>) scan.invokeExact(text)).size();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Throwable e) {
            throw new IllegalStateException(PROMPT_INJECTION + " is present but has no standard().scan(String)", e);
        }
    }
}
