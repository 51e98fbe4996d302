package dev.modelspec4j.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A rule written on a record component: its check runs on each text value at {@code path} in the answer.
 * Paths are dot-separated property names from the root object; {@code []} after a name stands for every
 * element of that array, e.g. {@code contacts[].note}.
 *
 * @param path where the values are
 * @param rule the rule, whose output check receives each value
 */
public record FieldRule(String path, Rule rule) {

    public FieldRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        if (rule.output() == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " on " + path + " must check output");
        }
    }

    /** A text value found at the path, with its concrete place (e.g. {@code $.contacts[1].note}). */
    public record Located(String where, String text) {
    }

    /** Every text value at the path in {@code root}. */
    public List<Located> values(JsonNode root) {
        List<Located> out = new ArrayList<>();
        visit(root, segments(), 0, "$", (where, text) -> {
            out.add(new Located(where, text));
            return null;
        });
        return out;
    }

    /** Replaces the text value at the concrete place {@code where} by {@code change} applied to it. */
    public void replace(JsonNode root, String where, UnaryOperator<String> change) {
        visit(root, segments(), 0, "$", (at, text) -> at.equals(where) ? change.apply(text) : null);
    }

    private String[] segments() {
        return path.split("\\.");
    }

    /** Calls {@code visitor} on each text value; a non-null result replaces the value. */
    private static void visit(JsonNode node, String[] segments, int index, String where, Visitor visitor) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String segment = segments[index];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = object.get(name);
        if (child == null || child.isNull()) {
            return;
        }
        String at = where + "." + name;
        if (each) {
            if (child instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    String element = at + "[" + i + "]";
                    if (index == segments.length - 1) {
                        if (array.get(i).isTextual()) {
                            String replaced = visitor.visit(element, array.get(i).textValue());
                            if (replaced != null) {
                                array.set(i, TextNode.valueOf(replaced));
                            }
                        }
                    } else {
                        visit(array.get(i), segments, index + 1, element, visitor);
                    }
                }
            }
        } else if (index == segments.length - 1) {
            if (child.isTextual()) {
                String replaced = visitor.visit(at, child.textValue());
                if (replaced != null) {
                    object.set(name, TextNode.valueOf(replaced));
                }
            }
        } else {
            visit(child, segments, index + 1, at, visitor);
        }
    }

    @FunctionalInterface
    private interface Visitor {
        String visit(String where, String text);
    }
}
