package dev.modelspec4j.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonWriter} writes the same text as Jackson's pretty printer did for the spec documents: trees written
 * both ways are compared as strings, for every character of the Basic Multilingual Plane, hand-picked hard
 * strings, every shape of container and random trees.
 */
class JsonWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> HARD_STRINGS = List.of(
            "",
            "plain text",
            "\"quoted\" and 'single'",
            "back\\slash, \\\\ two, \\u0041 and \\n written out",
            "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F"
                    + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F",
            "line one\r\nline two\n\ttabbed",
            "delete \u007F and C1 \u0080\u009F",
            "non-ASCII: caf\u00E9, \u00FCber, \u4E2D\u6587, \u0440\u0443\u0441",
            "emoji: \uD83D\uDE00 \uD83D\uDC4D\uD83C\uDFFD",
            "separators: \u2028 and \u2029",
            "lone high \uD83D",
            "\uDE00 lone low",
            "reversed \uDE00\uD83D pair",
            "byte order mark \uFEFF, non-character \uFFFF, replacement \uFFFD",
            "</script><!-- / -->",
            "{\"not\" : [\"json\"]}");

    /** The tree written with {@link JsonWriter}, walking it in its own order. */
    private static String written(JsonNode tree) {
        JsonWriter json = new JsonWriter();
        write(json, tree);
        return json.text();
    }

    private static void write(JsonWriter json, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.beginObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    json.name(field.getKey());
                    write(json, field.getValue());
                }
                json.endObject();
            }
            case ARRAY -> {
                json.beginArray();
                node.forEach(element -> write(json, element));
                json.endArray();
            }
            case STRING -> json.value(node.textValue());
            case NUMBER -> json.value(node.longValue());
            case BOOLEAN -> json.value(node.booleanValue());
            case NULL -> json.nullValue();
            default -> throw new AssertionError("not written by the spec documents: " + node.getNodeType());
        }
    }

    private static void assertSameAsJackson(JsonNode tree) {
        assertThat(written(tree)).isEqualTo(JacksonText.of(tree));
    }

    @Test
    void everyCharacterOfTheBasicPlaneIsWrittenAsJacksonWritesIt() {
        ArrayNode values = NODES.arrayNode();
        ObjectNode names = NODES.objectNode();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            values.add(String.valueOf(c));
            names.put(c + "name", (int) c);
        }
        values.add(String.valueOf(Character.MAX_VALUE));
        assertSameAsJackson(values);
        assertSameAsJackson(names);
    }

    @Test
    void hardStringsAreWrittenAsJacksonWritesThem() {
        ObjectNode root = NODES.objectNode();
        ArrayNode all = root.putArray("all");
        for (String text : HARD_STRINGS) {
            root.put(text, text);
            all.add(text);
            root.putObject("nested " + text).putArray(text).add(text).addObject().put(text, text);
        }
        root.put(String.join("", HARD_STRINGS), String.join("|", HARD_STRINGS));
        assertSameAsJackson(root);
    }

    @Test
    void containersNumbersAndLiteralsAreLaidOutAsJacksonLaysThemOut() {
        assertSameAsJackson(NODES.objectNode());
        assertSameAsJackson(NODES.arrayNode());
        ObjectNode root = NODES.objectNode();
        root.putObject("empty object");
        root.putArray("empty array");
        root.putArray("empties").add(NODES.objectNode()).add(NODES.arrayNode()).addArray().addArray();
        root.putArray("numbers").add(0).add(-1).add(42).add(Integer.MIN_VALUE).add(Integer.MAX_VALUE)
                .add(Long.MIN_VALUE).add(Long.MAX_VALUE);
        root.put("true", true);
        root.put("false", false);
        root.putNull("null");
        root.put("null string", (String) null);
        root.putArray("literals").add(true).add(false).addNull();
        root.putObject("a").putObject("b").putArray("c").addObject().putObject("d").put("e", 1);
        assertSameAsJackson(root);
    }

    @Test
    void randomTreesAreWrittenAsJacksonWritesThem() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 300; i++) {
            assertSameAsJackson(randomNode(random, 0));
        }
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(randomString(random));
            case 1 -> NODES.numberNode(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(1000) - 10);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.textNode(HARD_STRINGS.get(random.nextInt(HARD_STRINGS.size())));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.set(randomString(random), randomNode(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            int c = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x20);
                case 2 -> 0xD800 + random.nextInt(0x800);
                default -> random.nextInt(0x10000);
            };
            text.append((char) c);
        }
        return text.toString();
    }

    @Test
    void fieldShortcutsWriteWhatJacksonWritesForTheSameFields() {
        ObjectNode expected = NODES.objectNode();
        expected.put("text", "a \"b\"");
        expected.put("absent", (String) null);
        expected.put("count", 3);
        expected.put("flag", true);
        expected.putArray("list").add("x").add("y\n");
        expected.putArray("none");

        String written = new JsonWriter().beginObject()
                .field("text", "a \"b\"")
                .field("absent", (String) null)
                .field("count", 3)
                .field("flag", true)
                .field("list", List.of("x", "y\n"))
                .field("none", List.of())
                .endObject().text();
        assertThat(written).isEqualTo(JacksonText.of(expected));
    }

    @Test
    void callsOutOfPlaceFailInsteadOfWritingBrokenJson() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value("no name"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("name"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").name("b"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("dangling").endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().endArray())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().text())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().text())
                .isInstanceOf(IllegalStateException.class);
    }
}
