package dev.modelspec4j.testing.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The spec's {@code @Example}s as JUnit 5 tests, one per answer of each example, named after where the example
 * is written:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> examples() {
 *     return ConformanceTests.of(SupportAssistant.class);
 * }
 * }</pre>
 *
 * Offline and deterministic: each answer is given to the generated class by a scripted model. A test fails when
 * a good answer breaks a rule, or when the rule an example names does not catch its bad answer.
 */
public final class ConformanceTests {

    private ConformanceTests() {
    }

    /** One dynamic test per example answer of {@code assistant}'s spec document. */
    public static Stream<DynamicTest> of(Class<?> assistant) {
        ConformanceReport report = ConformanceRunner.run(assistant);
        if (report.results().isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(assistant.getSimpleName() + " has examples",
                    () -> Assertions.fail(assistant.getName() + " declares no @Example: nothing to check")));
        }
        return report.results().stream().map(result -> DynamicTest.dynamicTest(
                result.method() + " @Example[" + result.index() + "] " + result.answer() + " answer",
                () -> Assertions.assertTrue(result.passed(), result::toString)));
    }
}
