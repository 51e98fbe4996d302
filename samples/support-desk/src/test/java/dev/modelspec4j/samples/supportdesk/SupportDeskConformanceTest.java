package dev.modelspec4j.samples.supportdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelspec4j.testing.conformance.ConformanceReport;
import dev.modelspec4j.testing.conformance.ConformanceRunner;
import dev.modelspec4j.testing.conformance.ConformanceTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.modelspec4j.testing.conformance.ExampleResult;
import dev.modelspec4j.testing.spec.SpecDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's own examples, run against the generated GuardedSupportAssistant. */
class SupportDeskConformanceTest {

    private static int sourceLine(String text) throws IOException {
        List<String> lines = Files.readAllLines(
                Path.of("src/main/java/dev/modelspec4j/samples/supportdesk/SupportAssistant.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    /** Every example of the spec, each answer its own JUnit test. */
    @TestFactory
    Stream<DynamicTest> examples() {
        return ConformanceTests.of(SupportAssistant.class);
    }

    @Test
    void theExamplesOfTheSpecConform() {
        ConformanceReport report = ConformanceRunner.run(SupportAssistant.class).assertPassed();

        assertThat(report.specId()).isEqualTo("acme.support");
        assertThat(report.results()).extracting(ExampleResult::method, ExampleResult::answer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("answer", "good"),
                        org.assertj.core.groups.Tuple.tuple("answer", "bad"),
                        org.assertj.core.groups.Tuple.tuple("triage", "good"),
                        org.assertj.core.groups.Tuple.tuple("triage", "bad"));
        assertThat(report.results().get(1).detail()).isEqualTo("caught by answer.forbid (outcome REFUSED)");
    }

    @Test
    void aMisleadingExampleFailsWithItsLocation() throws IOException {
        SpecDocument document = SpecDocument.of(SupportAssistant.class);
        ObjectNode example = null;
        for (var method : document.json().get("methods")) {
            if (method.get("name").asText().equals("answer")) {
                example = (ObjectNode) method.get("examples").get(0);
            }
        }
        // As if the document came from a stale build: the good answer breaks the root policy, the bad one is fine.
        example.put("good", "Unplug it. You get a guaranteed refund anyway.");
        example.put("bad", "Unplug it for ten seconds.");

        ConformanceReport report = ConformanceRunner.run(SupportAssistant.class, document);

        String location = "dev.modelspec4j.samples.supportdesk.SupportAssistant.answer @Example[0]"
                + " (dev/modelspec4j/samples/supportdesk/SupportAssistant.java:"
                + sourceLine("@Example(user = \"My router blinks red.\"") + ")";
        assertThat(report.failures()).hasSize(2);
        assertThatThrownBy(report::assertPassed)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FAIL " + location + ", good answer: broke acmeBaseline.forbid (outcome REFUSED)")
                .hasMessageContaining("FAIL " + location + ", bad answer: rule answer.forbid did not catch it;"
                        + " broken: no rule (outcome DELIVERED)");
    }
}
