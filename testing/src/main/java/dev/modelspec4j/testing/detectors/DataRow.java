package dev.modelspec4j.testing.detectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a detection corpus ({@code data/SOURCES.md}): its text, label and expected spans in UTF-16 offsets
 * ({@code spans_utf16} where the file gives them, {@code spans} otherwise).
 *
 * @param expectedCount the count the source asserts without positions, or -1
 * @param subtypes      secret subtype of each expected span, by span start (secrets corpus only)
 */
record DataRow(String id, String text, boolean pass, List<Span> spans, int expectedCount,
        Map<Integer, String> subtypes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<DataRow> read(Path file) {
        List<DataRow> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(parse(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    private static DataRow parse(JsonNode node) {
        JsonNode spanNodes = node.has("spans_utf16") ? node.get("spans_utf16") : node.path("spans");
        List<Span> spans = new ArrayList<>();
        Map<Integer, String> subtypes = new HashMap<>();
        for (JsonNode s : spanNodes) {
            spans.add(new Span(s.path("type").asText(), s.path("start").asInt(), s.path("end").asInt()));
            if (s.has("subtype")) {
                subtypes.put(s.path("start").asInt(), s.path("subtype").asText());
            }
        }
        return new DataRow(node.path("id").asText(), node.path("text").asText(),
                "pass".equals(node.path("expect").asText()), List.copyOf(spans),
                node.has("expected_count") ? node.get("expected_count").asInt() : -1, Map.copyOf(subtypes));
    }
}
