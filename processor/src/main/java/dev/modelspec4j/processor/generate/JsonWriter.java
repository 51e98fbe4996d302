package dev.modelspec4j.processor.generate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Appends one JSON value — objects with their fields in the order they are written, arrays, strings, numbers,
 * booleans and {@code null} — as pretty-printed text.
 *
 * <p>The layout is the one the spec documents have always had: an entry per line indented by two spaces,
 * {@code "name" : value}, empty containers as <code>{ }</code> and {@code [ ]}, no line break at the end.
 * Strings are escaped as JSON requires and no further: {@code "} and {@code \} with a backslash, control
 * characters below U+0020 as {@code \b \t \n \f \r} or {@code \}{@code u00XX} with upper-case hex digits;
 * every other character — U+007F, non-ASCII, U+2028 and U+2029, surrogates paired or not — is written as it is.
 * That is what Jackson writes, byte for byte, with a pretty printer whose indenter is two spaces and
 * {@code \n}; {@code JsonWriterTest} holds the two side by side.
 *
 * <p>Calls must form one well-nested value ({@code name} before each value of an object); a call out of place
 * throws {@link IllegalStateException}, so a mistake in a generator fails the build instead of writing a broken
 * document.
 */
public final class JsonWriter {

    private static final String INDENT = "  ";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** An open object or array. */
    private static final class Container {
        final boolean object;
        int entries;
        boolean named;

        Container(boolean object) {
            this.object = object;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Container> open = new ArrayDeque<>();

    public JsonWriter beginObject() {
        return begin(true, '{');
    }

    public JsonWriter endObject() {
        return end(true, '}');
    }

    public JsonWriter beginArray() {
        return begin(false, '[');
    }

    public JsonWriter endArray() {
        return end(false, ']');
    }

    /** The name of the object's next field. */
    public JsonWriter name(String name) {
        Container current = open.peek();
        if (current == null || !current.object || current.named) {
            throw new IllegalStateException("a field name belongs directly in an object, before its value");
        }
        newEntry(current);
        current.named = true;
        string(name);
        out.append(" : ");
        return this;
    }

    /** A string, or {@code null}. */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** A field whose value is a string, or {@code null}. */
    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** A field whose value is an array of strings. */
    public JsonWriter field(String name, Iterable<String> values) {
        name(name).beginArray();
        for (String value : values) {
            value(value);
        }
        return endArray();
    }

    /** The complete value written. */
    String text() {
        if (!open.isEmpty() || out.length() == 0) {
            throw new IllegalStateException("the value is not complete");
        }
        return out.toString();
    }

    private void beforeValue() {
        Container current = open.peek();
        if (current == null) {
            if (out.length() > 0) {
                throw new IllegalStateException("a JSON text holds one value");
            }
        } else if (current.object) {
            if (!current.named) {
                throw new IllegalStateException("a value in an object needs a field name first");
            }
            current.named = false;
        } else {
            newEntry(current);
        }
    }

    private JsonWriter begin(boolean object, char bracket) {
        beforeValue();
        out.append(bracket);
        open.push(new Container(object));
        return this;
    }

    private JsonWriter end(boolean object, char bracket) {
        Container current = open.peek();
        if (current == null || current.object != object || current.named) {
            throw new IllegalStateException("no " + (object ? "object" : "array") + " to end here");
        }
        open.pop();
        if (current.entries > 0) {
            newLine();
        } else {
            out.append(' ');
        }
        out.append(bracket);
        return this;
    }

    private void newEntry(Container current) {
        if (current.entries++ > 0) {
            out.append(',');
        }
        newLine();
    }

    private void newLine() {
        out.append('\n');
        out.append(INDENT.repeat(open.size()));
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
