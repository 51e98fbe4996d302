package dev.modelspec4j.embeddings.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of an injection corpus ({@code data/injection-*.jsonl}, format in {@code data/SOURCES.md}).
 *
 * @param language the row's {@code lang} or {@code language} field, {@code "?"} when it has none
 */
public record LabelledText(String id, String text, boolean injection, String language) {

    /** Reads a JSONL corpus; rows whose label is neither {@code injection} nor {@code benign} are an error. */
    public static List<LabelledText> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<LabelledText> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                String label = row.path("label").asText();
                if (!label.equals("injection") && !label.equals("benign")) {
                    throw new IOException(file + ":" + lineNumber + ": label must be injection or benign, was '"
                            + label + "'");
                }
                String language = row.hasNonNull("lang") ? row.get("lang").asText()
                        : row.hasNonNull("language") ? row.get("language").asText() : "?";
                rows.add(new LabelledText(row.required("id").asText(), row.required("text").asText(),
                        label.equals("injection"), language));
            }
        }
        return rows;
    }
}
