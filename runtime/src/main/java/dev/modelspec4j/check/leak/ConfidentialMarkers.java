package dev.modelspec4j.check.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spans of the instructions marked confidential: {@code [[confidential: the value]]}. The model needs the value,
 * so it keeps it; the marker itself is removed from the text sent, and the value is remembered so that an answer
 * that contains it, even on its own, is a leak ({@link InstructionLeakDetector}).
 *
 * <pre>{@code
 * @SystemMessage("Managers may ask for the headcount report with the passphrase [[confidential: amber-falcon-19]].")
 * }</pre>
 *
 * The model reads {@code "... with the passphrase amber-falcon-19."}. A value ends at the first {@code "]]"}; it
 * may not be blank nor hold {@code "[["}. Stateless.
 */
public final class ConfidentialMarkers {

    /** What starts a marker. */
    public static final String OPEN = "[[confidential:";
    /** What ends a marker. */
    public static final String CLOSE = "]]";

    /**
     * Instructions without their markers, and the values they marked.
     *
     * @param text   the text to send: each marker replaced by its value
     * @param values the marked values, trimmed, in order
     */
    public record Marked(String text, List<String> values) {

        public Marked {
            values = List.copyOf(values);
        }
    }

    private ConfidentialMarkers() {
    }

    /** Whether {@code text} holds a marker: a cheap test before {@link #strip}. */
    public static boolean hasMarkers(String text) {
        return text != null && text.contains(OPEN);
    }

    /**
     * Removes the markers of {@code text}, keeping their values.
     *
     * @throws IllegalArgumentException for a marker without its end, with a blank value, or with a marker inside;
     *                                  the processor reports these at compile time for templates it can read
     */
    public static Marked strip(String text) {
        Objects.requireNonNull(text, "text");
        int open = text.indexOf(OPEN);
        if (open < 0) {
            return new Marked(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length());
        List<String> values = new ArrayList<>(2);
        int from = 0;
        while (open >= 0) {
            int close = text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw new IllegalArgumentException("a " + OPEN + " marker at index " + open + " has no " + CLOSE);
            }
            String raw = text.substring(open + OPEN.length(), close);
            String value = raw.strip();
            if (value.isEmpty() || raw.contains("[[")) {
                throw new IllegalArgumentException("the " + OPEN + " marker at index " + open
                        + " must hold a value, and no other marker");
            }
            out.append(text, from, open).append(value);
            values.add(value);
            from = close + CLOSE.length();
            open = text.indexOf(OPEN, from);
        }
        out.append(text, from, text.length());
        return new Marked(out.toString(), values);
    }

    /** The problem with the markers of {@code text}, or null when they are well formed (compile-time checks). */
    public static String problem(String text) {
        try {
            strip(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
