package dev.modelspec4j.testing.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of an eval data set: {@code {"id": "...", "user": "...", "vars": {"product": "..."}}}; {@code vars}
 * is optional and fills template variables and untrusted parameters by name.
 */
public record EvalCase(String id, String user, Map<String, String> vars) {

    public EvalCase {
        vars = Map.copyOf(vars);
    }

    /** The cases of a JSON Lines file; blank lines are skipped. */
    public static List<EvalCase> readJsonLines(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<EvalCase> cases = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data set " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not JSON: " + e.getMessage(), e);
            }
            if (!node.hasNonNull("id") || !node.hasNonNull("user")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": a case needs \"id\" and \"user\"");
            }
            Map<String, String> vars = new LinkedHashMap<>();
            node.path("vars").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
            cases.add(new EvalCase(node.get("id").asText(), node.get("user").asText(), vars));
        }
        return cases;
    }
}
