package dev.modelspec4j.processor.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads descriptions from a doc comment: its summary text and its {@code @param} tags. */
final class Javadoc {

    private Javadoc() {
    }

    /** The text before the first block tag, white space collapsed; empty for none. */
    static String summary(String comment) {
        if (comment == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\n")) {
            if (line.strip().startsWith("@")) {
                break;
            }
            text.append(' ').append(line.strip());
        }
        return collapse(text.toString());
    }

    /** The text of each {@code @param name text} tag (record components are documented this way). */
    static Map<String, String> params(String comment) {
        Map<String, String> params = new LinkedHashMap<>();
        if (comment == null) {
            return params;
        }
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String raw : comment.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("@")) {
                if (current != null) {
                    params.put(current, collapse(text.toString()));
                }
                current = null;
                text.setLength(0);
                String[] parts = line.split("\\s+", 3);
                if (parts[0].equals("@param") && parts.length >= 2) {
                    current = parts[1];
                    text.append(parts.length == 3 ? parts[2] : "");
                }
            } else if (current != null) {
                text.append(' ').append(line);
            }
        }
        if (current != null) {
            params.put(current, collapse(text.toString()));
        }
        return params;
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
