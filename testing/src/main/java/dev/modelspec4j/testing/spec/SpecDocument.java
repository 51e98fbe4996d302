package dev.modelspec4j.testing.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spec document ({@code META-INF/modelspec/<id>.json}, written by the processor) as read by the testing
 * tools. Its format is published in {@code docs/spec-document.schema.json}.
 */
public final class SpecDocument {

    /** Where the processor writes spec documents, on the class path. */
    public static final String FOLDER = "META-INF/modelspec/";

    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    public SpecDocument(JsonNode root) {
        this.root = root;
    }

    /** The document of {@code assistant}, from the class path of its class loader. */
    public static SpecDocument of(Class<?> assistant) {
        ClassLoader loader = assistant.getClassLoader();
        String pointer = FOLDER + "assistants/" + assistant.getName();
        String id = resource(loader, pointer)
                .orElseThrow(() -> new IllegalArgumentException("No spec document for " + assistant.getName()
                        + " on the class path (" + pointer + "): is it annotated with @ModelSpec, and does the"
                        + " build run the modelspec4j-processor?"))
                .strip();
        String json = resource(loader, FOLDER + id + ".json")
                .orElseThrow(() -> new IllegalArgumentException("Spec document " + FOLDER + id + ".json is missing"));
        return parse(json);
    }

    /** The document in {@code file}. */
    public static SpecDocument read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the spec document " + file, e);
        }
    }

    public static SpecDocument parse(String json) {
        try {
            return new SpecDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a spec document: " + e.getMessage(), e);
        }
    }

    private static Optional<String> resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json() {
        return root;
    }

    public String specId() {
        return root.path("specId").asText();
    }

    public String specVersion() {
        return root.path("specVersion").asText();
    }

    public String hash() {
        return root.path("hash").asText();
    }

    /** The canonical name of the assistant interface. */
    public String assistant() {
        return root.path("assistant").asText();
    }

    /** Every method, in document order. */
    public List<JsonNode> methods() {
        List<JsonNode> methods = new ArrayList<>();
        root.path("methods").forEach(methods::add);
        return methods;
    }

    /** The method called {@code name}. */
    public JsonNode method(String name) {
        return methods().stream().filter(m -> m.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("spec " + specId() + " has no method " + name));
    }

    /** {@code file:line} of a node's {@code source}, or {@code unknown source}. */
    public static String where(JsonNode node) {
        JsonNode source = node.path("source");
        return source.isMissingNode() ? "unknown source"
                : source.path("file").asText() + ":" + source.path("line").asInt();
    }
}
