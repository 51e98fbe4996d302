package dev.modelspec4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.processor.fixtures.SupportAssistant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a representative assistant, compared as text with a golden file that a reader can
 * open to see what the processor writes. Regenerate with {@code MODELSPEC4J_UPDATE_GOLDEN=true}.
 */
class GoldenSourceTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/GuardedSupportAssistant.java.txt");

    @Test
    void generatedSourceMatchesTheGoldenFile() throws IOException {
        String generated = Fixtures.generatedSource(SupportAssistant.class);
        if (Boolean.parseBoolean(System.getenv("MODELSPEC4J_UPDATE_GOLDEN"))) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, generated, StandardCharsets.UTF_8);
        }
        assertThat(generated).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void generationIsDeterministic() {
        String first = Fixtures.generatedSource(SupportAssistant.class);
        String second = Fixtures.generatedSourceFresh(SupportAssistant.class);
        assertThat(second).isEqualTo(first);
    }
}
