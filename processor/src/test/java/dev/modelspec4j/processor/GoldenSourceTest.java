package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.processor.fixtures.GuardrailAssistant;
import dev.modelspec4j.processor.fixtures.PrivateAssistant;
import dev.modelspec4j.processor.fixtures.StreamingAssistant;
import dev.modelspec4j.processor.fixtures.SupportAssistant;
import dev.modelspec4j.processor.fixtures.TriageAssistant;
import dev.modelspec4j.processor.fixtures.golden.CheckAssistant;
import dev.modelspec4j.processor.fixtures.golden.ForbidAssistant;
import dev.modelspec4j.processor.fixtures.golden.KeepInstructionsPrivateAssistant;
import dev.modelspec4j.processor.fixtures.golden.LengthAssistant;
import dev.modelspec4j.processor.fixtures.golden.ModerateAssistant;
import dev.modelspec4j.processor.fixtures.golden.PolicyAssistant;
import dev.modelspec4j.processor.fixtures.golden.PromptInjectionAssistant;
import dev.modelspec4j.processor.fixtures.golden.RequireAssistant;
import dev.modelspec4j.processor.fixtures.golden.SecretsAssistant;
import dev.modelspec4j.processor.generate.ProcessorVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated sources of one assistant per rule kind, streaming, structured output, privacy and policies,
 * compared as text with golden files that a reader can open to see what the processor writes. Regenerate with
 * {@code MODELSPEC4J_UPDATE_GOLDEN=true}. The processor's version is written {@value #VERSION} in the files.
 */
class GoldenSourceTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String VERSION = "@processor.version@";
    private static final int MAX_LINE = 120;

    static Stream<Class<?>> assistants() {
        return Stream.of(
                SupportAssistant.class, // several kinds together, fallback, templates
                LengthAssistant.class,
                ForbidAssistant.class,
                RequireAssistant.class,
                SecretsAssistant.class,
                PromptInjectionAssistant.class,
                KeepInstructionsPrivateAssistant.class,
                CheckAssistant.class,
                ModerateAssistant.class,
                GuardrailAssistant.class, // LangChain4j's input and output guardrails
                PrivateAssistant.class, // @Pii: privacy
                StreamingAssistant.class,
                TriageAssistant.class, // structured output
                PolicyAssistant.class);
    }

    @ParameterizedTest
    @MethodSource("assistants")
    void generatedSourceMatchesTheGoldenFile(Class<?> assistant) throws IOException {
        String generated = Fixtures.generatedSource(assistant)
                .replace("PROCESSOR_VERSION = \"" + ProcessorVersion.get() + "\";", "PROCESSOR_VERSION = \""
                        + VERSION + "\";");
        Path golden = GOLDEN.resolve("Guarded" + assistant.getSimpleName() + ".java.txt");
        if (Boolean.parseBoolean(System.getenv("MODELSPEC4J_UPDATE_GOLDEN"))) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
        }
        assertThat(generated).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void everyGoldenFileHasAnAssistantAndLinesOfAtMost120Characters() throws IOException {
        List<String> names = assistants().map(a -> "Guarded" + a.getSimpleName() + ".java.txt").toList();
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.sorted().toList()) {
                assertThat(names).as("the assistant of %s", file).contains(file.getFileName().toString());
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).length() > MAX_LINE) {
                        tooLong.add(file.getFileName() + ":" + (i + 1) + " (" + lines.get(i).length() + ")");
                    }
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void generationIsDeterministic() {
        String first = Fixtures.generatedSource(SupportAssistant.class);
        String second = Fixtures.generatedSourceFresh(SupportAssistant.class);
        assertThat(second).isEqualTo(first);
    }
}
