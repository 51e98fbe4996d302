package dev.modelspec4j.structured;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence of structured-output problems names places in the answer, never text the model wrote. */
class StructuredEvidenceTest {

    record Scores(Map<String, Integer> scores) {
    }

    private static StructuredOutput scores() {
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("scores", JsonObjectSchema.builder().additionalProperties(true).build())
                .required("scores")
                .additionalProperties(false)
                .build();
        return StructuredOutput.builder("rate", new TypeReference<Scores>() { })
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("Scores").rootElement(root).build()).build())
                .build();
    }

    @Test
    void aMapKeyTheModelWroteIsNotQuoted() {
        StructuredOutput.Reading reading = scores().read(
                "{\"scores\": {\"mail jane.doe@example.com\": \"many\"}}", rule -> true);

        assertThat(reading.invalid()).isTrue();
        String evidence = reading.problems().get(0).finding().evidence();
        assertThat(evidence).isEqualTo("At $.scores.*: the value cannot be read as Integer");
        assertThat(reading.problems().get(0).finding().message()).contains("$.scores.*");
    }

    @Test
    void declaredNamesStayInThePath() {
        StructuredOutput.Reading reading = scores().read("{\"scores\": [1]}", rule -> true);

        assertThat(reading.problems().get(0).finding().evidence()).startsWith("At $.scores");
        assertThat(reading.problems().get(0).finding().evidence()).doesNotContain("*");
    }
}
