package dev.modelspec4j.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.ModelSpecException;
import java.time.Instant;

/**
 * The JSON form of an audit record: one object on one line, whatever characters its strings hold. Besides the
 * control characters JSON itself requires escaped, these are written as {@code \}{@code uXXXX} escapes, so that
 * no reader splits a record and no terminal or viewer reorders or hides part of it: other control characters
 * (DEL, C1), the line and paragraph separators U+2028 and U+2029, the bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), and lone surrogates, which have no UTF-8 form and
 * would otherwise be replaced by {@code ?}. Every other character, supplementary ones included, is written as
 * itself.
 */
public final class AuditJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private AuditJson() {
    }

    /** The record as one line of JSON. */
    public static String toJson(AuditRecord record) {
        String json;
        try {
            json = MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new ModelSpecException("audit record could not be written as JSON", e);
        }
        return escapeUnsafe(json);
    }

    /**
     * {@code json} with the characters listed above written as escapes. Outside strings, JSON written by
     * Jackson is ASCII, so every character changed here stands inside a string, where an escape means the same.
     */
    static String escapeUnsafe(String json) {
        int first = 0;
        int length = json.length();
        while (first < length && !unsafe(json, first)) {
            first++;
        }
        if (first == length) {
            return json;
        }
        StringBuilder out = new StringBuilder(length + 16).append(json, 0, first);
        for (int i = first; i < length; i++) {
            char c = json.charAt(i);
            if (unsafe(json, i)) {
                out.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 0xF]).append(HEX[(c >>> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Whether the character at {@code i} must be escaped; ASCII other than DEL never is. */
    private static boolean unsafe(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x7F) {
            return c < 0x20; // Jackson escapes these already
        }
        if (c <= 0x9F) {
            return true; // DEL and the C1 controls (NEL among them)
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == '\u2028' || c == '\u2029' || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
