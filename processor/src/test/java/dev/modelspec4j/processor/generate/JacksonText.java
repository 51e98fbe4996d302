package dev.modelspec4j.processor.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The reference for {@link JsonWriter}: a JSON tree as Jackson writes it, configured as the spec documents were
 * written while Jackson wrote them (a pretty printer with a two-space indenter for objects and arrays).
 */
public final class JacksonText {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        WRITER = MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    private JacksonText() {
    }

    /** The tree as Jackson writes it, with no line break at the end. */
    public static String of(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A spec document parsed, fields in their order, and written again by Jackson, with a line break at the end. */
    public static String rewritten(String document) {
        try {
            return of(MAPPER.readTree(document)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
