package dev.modelspec4j.testing.conformance;

import java.util.List;
import java.util.stream.Collectors;

/** Every verdict of a conformance run, in document order. */
public record ConformanceReport(String specId, String specVersion, List<ExampleResult> results) {

    public ConformanceReport {
        results = List.copyOf(results);
    }

    public List<ExampleResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Throws an {@link AssertionError} naming every misleading example, or does nothing when all conform. */
    public ConformanceReport assertPassed() {
        if (results.isEmpty()) {
            throw new AssertionError("spec " + specId + " " + specVersion + " has no @Example to run");
        }
        if (!passed()) {
            throw new AssertionError("spec " + specId + " " + specVersion + ": " + failures().size() + " of "
                    + results.size() + " example answers are judged otherwise than the example says:\n"
                    + failures().stream().map(ExampleResult::toString).collect(Collectors.joining("\n")));
        }
        return this;
    }
}
