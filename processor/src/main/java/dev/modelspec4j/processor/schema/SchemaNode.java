package dev.modelspec4j.processor.schema;

import java.util.List;

/**
 * The JSON schema of a structured return type, as the processor derives it from the Java types; the generators
 * turn it into LangChain4j schema elements. {@code description} is empty when there is none.
 */
public sealed interface SchemaNode {

    String description();

    /** A record (closed: no other properties) or a map with string keys ({@code open}). */
    record ObjectNode(String description, List<Property> properties, boolean open) implements SchemaNode {
        public ObjectNode {
            properties = List.copyOf(properties);
        }

        public List<String> required() {
            return properties.stream().filter(Property::required).map(Property::name).toList();
        }
    }

    /**
     * A property of an object.
     *
     * @param required whether the property must be present (not for {@code Optional} and {@code @Nullable})
     * @param nullable whether {@code null} is allowed
     */
    record Property(String name, SchemaNode node, boolean required, boolean nullable) {
    }

    /** A {@code List}, {@code Set} or {@code Collection}. */
    record ArrayNode(String description, SchemaNode items) implements SchemaNode {
    }

    /** A string, integer, number or boolean. */
    record ScalarNode(Scalar type, String description) implements SchemaNode {
    }

    /** A string with a format ({@code date}, {@code date-time}, {@code uuid}...) or a pattern. */
    record FormattedNode(String format, String pattern, String description) implements SchemaNode {
    }

    /** An enum: the names of its constants. */
    record EnumNode(List<String> values, String description) implements SchemaNode {
        public EnumNode {
            values = List.copyOf(values);
        }
    }

    /** The JSON types of {@link ScalarNode}. */
    enum Scalar {
        STRING, INTEGER, NUMBER, BOOLEAN
    }
}
