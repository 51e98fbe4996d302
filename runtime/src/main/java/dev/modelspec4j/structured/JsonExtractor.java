package dev.modelspec4j.structured;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the JSON value in a model's answer: models wrap it in Markdown fences or put prose around it. The
 * first fenced block is preferred; otherwise the first balanced object or array (strings and escapes
 * respected); otherwise the whole answer, trimmed, when it is a bare value such as {@code null}.
 */
public final class JsonExtractor {

    private JsonExtractor() {
    }

    /** The JSON text in {@code answer}, or empty when there is none. */
    public static Optional<String> extract(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String text = fenced(answer).orElse(answer).strip();
        int start = firstOpening(text);
        if (start < 0) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        int end = closing(text, start);
        return Optional.of(end < 0 ? text.substring(start) : text.substring(start, end + 1));
    }

    /** The content of the first Markdown fenced block of {@code answer}, when it has one. */
    static Optional<String> fenced(String answer) {
        int open = answer.indexOf("```");
        if (open < 0) {
            return Optional.empty();
        }
        int lineEnd = answer.indexOf('\n', open);
        if (lineEnd < 0) {
            return Optional.empty();
        }
        int close = answer.indexOf("```", lineEnd);
        return Optional.of(close < 0 ? answer.substring(lineEnd + 1) : answer.substring(lineEnd + 1, close));
    }

    /** Every balanced object of {@code answer} that is not inside another, in order (strings respected). */
    static List<String> blocks(String answer) {
        List<String> blocks = new ArrayList<>(1);
        int from = 0;
        while (true) {
            int start = answer.indexOf('{', from);
            if (start < 0) {
                return blocks;
            }
            int end = closing(answer, start);
            if (end < 0) {
                return blocks;
            }
            blocks.add(answer.substring(start, end + 1));
            from = end + 1;
        }
    }

    private static int firstOpening(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket that closes the one at {@code start}, or -1 when the text ends first. */
    private static int closing(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
