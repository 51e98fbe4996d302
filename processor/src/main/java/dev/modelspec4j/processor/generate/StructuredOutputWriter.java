package dev.modelspec4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.schema.SchemaNode;
import dev.modelspec4j.processor.schema.SchemaNode.ArrayNode;
import dev.modelspec4j.processor.schema.SchemaNode.EnumNode;
import dev.modelspec4j.processor.schema.SchemaNode.FormattedNode;
import dev.modelspec4j.processor.schema.SchemaNode.ObjectNode;
import dev.modelspec4j.processor.schema.SchemaNode.Property;
import dev.modelspec4j.processor.schema.SchemaNode.ScalarNode;
import dev.modelspec4j.processor.schema.StructuredModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the initializer of a method's {@code StructuredOutput} constant: the JSON schema as LangChain4j
 * schema elements inside a {@code ResponseFormat}, the Jackson type to read, and the rules on record
 * components. Everything is built once, when the generated class is initialised.
 */
final class StructuredOutputWriter {

    private static final String JSON = "dev.langchain4j.model.chat.request.json";
    static final ClassName STRUCTURED_OUTPUT = ClassName.get("dev.modelspec4j.structured", "StructuredOutput");
    private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
    static final ClassName RESPONSE_FORMAT = ClassName.get("dev.langchain4j.model.chat.request", "ResponseFormat");
    private static final ClassName RESPONSE_FORMAT_TYPE =
            ClassName.get("dev.langchain4j.model.chat.request", "ResponseFormatType");
    private static final ClassName JSON_SCHEMA = ClassName.get(JSON, "JsonSchema");
    private static final ClassName OBJECT = ClassName.get(JSON, "JsonObjectSchema");
    private static final ClassName ARRAY = ClassName.get(JSON, "JsonArraySchema");
    private static final ClassName STRING = ClassName.get(JSON, "JsonStringSchema");
    private static final ClassName INTEGER = ClassName.get(JSON, "JsonIntegerSchema");
    private static final ClassName NUMBER = ClassName.get(JSON, "JsonNumberSchema");
    private static final ClassName BOOLEAN = ClassName.get(JSON, "JsonBooleanSchema");
    private static final ClassName ENUM = ClassName.get(JSON, "JsonEnumSchema");
    private static final ClassName RAW = ClassName.get(JSON, "JsonRawSchema");
    private static final ClassName ANY_OF = ClassName.get(JSON, "JsonAnyOfSchema");
    private static final ClassName NULL = ClassName.get(JSON, "JsonNullSchema");
    private static final ClassName RULE = ClassName.get("dev.modelspec4j.enforce", "Rule");
    private static final ClassName LEVEL = ClassName.get("dev.modelspec4j.annotation", "Level");
    private static final ClassName ACTION = ClassName.get("dev.modelspec4j.annotation", "Action");

    private StructuredOutputWriter() {
    }

    /**
     * The method's {@code StructuredOutput}.
     *
     * @param schema the constant that holds the method's response format, shared with other methods; null to
     *     write it here
     */
    static CodeBlock initializer(MethodModel method, String schema) {
        StructuredModel s = method.structured();
        TypeSpec typeReference = TypeSpec.anonymousClassBuilder("")
                .superclass(ParameterizedTypeName.get(TYPE_REFERENCE, s.readType().box()))
                .build();
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($L,$W$L)", STRUCTURED_OUTPUT, SourceText.string(method.name()), typeReference)
                .indent().indent();
        if (schema != null) {
            code.add("\n.responseFormat($N)", schema);
        } else {
            code.add("\n.responseFormat($L)", responseFormat(s));
        }
        if (s.wrapper() != null) {
            code.add("\n.wrappedIn($L)", SourceText.string(s.wrapper()));
        }
        if (!s.shape().equals("PLAIN")) {
            // Through the outer class: JavaPoet would import it for a nested name without asking whether the generated
            // class must qualify it (an interface member named StructuredOutput).
            code.add("\n.shape($T.Shape.$L)", STRUCTURED_OUTPUT, s.shape());
        }
        code.add("\n.schemaRule($T.DEVELOPER, $T.$L)", LEVEL, ACTION, s.schemaAction());
        for (StructuredModel.FieldModel field : s.fields()) {
            RuleModel rule = field.rule();
            code.add("\n.fieldRule($L,$W$T.output($L, $T.$L, $T.$L,", SourceText.string(field.path()), RULE,
                    SourceText.string(rule.id()), LEVEL,
                    rule.level(), ACTION, rule.action()).indent().indent()
                    .add("\n$L)$L)", RuleKinds.of(rule).valueCheck(rule),
                            rule.userOverridable() ? ".overridableByUser()" : "")
                    .unindent().unindent();
        }
        return code.add("\n.build()").unindent().unindent().build();
    }

    /** The JSON schema of the method's answer, as the response format of a LangChain4j chat request. */
    static CodeBlock responseFormat(StructuredModel s) {
        return CodeBlock.builder()
                .add("$T.builder()", RESPONSE_FORMAT).indent().indent()
                .add("\n.type($T.JSON)", RESPONSE_FORMAT_TYPE)
                .add("\n.jsonSchema($T.builder()", JSON_SCHEMA).indent().indent()
                .add("\n.name($L)", SourceText.string(s.schemaName()))
                .add("\n.rootElement($L)", node(s.root()))
                .add("\n.build())").unindent().unindent()
                .add("\n.build()").unindent().unindent()
                .build();
    }

    private static CodeBlock node(SchemaNode node) {
        if (node instanceof ObjectNode object) {
            CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", OBJECT).indent().indent();
            description(code, object.description());
            for (Property property : object.properties()) {
                CodeBlock value = property.nullable()
                        ? nullable(property.node())
                        : node(property.node());
                code.add("\n.addProperty($L,$W$L)", SourceText.string(property.name()), value);
            }
            if (!object.required().isEmpty()) {
                List<CodeBlock> names = new ArrayList<>();
                object.required().forEach(n -> names.add(SourceText.string(n)));
                code.add("\n.required($L)", CodeBlock.join(names, ",$W"));
            }
            code.add("\n.additionalProperties($L)", object.open());
            return code.add("\n.build()").unindent().unindent().build();
        }
        if (node instanceof ArrayNode array) {
            CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", ARRAY);
            description(code, array.description());
            return code.add("$Z.items($L)$Z.build()", node(array.items())).build();
        }
        if (node instanceof EnumNode enumeration) {
            List<CodeBlock> values = new ArrayList<>();
            enumeration.values().forEach(v -> values.add(SourceText.string(v)));
            CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", ENUM);
            description(code, enumeration.description());
            return code.add("$Z.enumValues($L)$Z.build()", CodeBlock.join(values, ",$W")).build();
        }
        if (node instanceof FormattedNode formatted) {
            return CodeBlock.of("$T.from($L)", RAW, SourceText.string(rawSchema(formatted)));
        }
        ScalarNode scalar = (ScalarNode) node;
        ClassName type = switch (scalar.type()) {
            case STRING -> STRING;
            case INTEGER -> INTEGER;
            case NUMBER -> NUMBER;
            case BOOLEAN -> BOOLEAN;
        };
        if (type == BOOLEAN && scalar.description().isEmpty()) {
            return CodeBlock.of("new $T()", BOOLEAN);
        }
        CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", type);
        description(code, scalar.description());
        return code.add("$Z.build()").build();
    }

    /** {@code anyOf(node, null)}: the description moves to the alternative, where readers look for it. */
    private static CodeBlock nullable(SchemaNode node) {
        return CodeBlock.of("$T.builder()$Z.anyOf($L,$Wnew $T())$Z.build()", ANY_OF, node(node), NULL);
    }

    private static void description(CodeBlock.Builder code, String description) {
        if (!description.isEmpty()) {
            code.add("$Z.description($L)", SourceText.string(description));
        }
    }

    /** The JSON text of a string schema with a format or pattern, written at compile time. */
    static String rawSchema(FormattedNode node) {
        StringBuilder json = new StringBuilder("{\"type\":\"string\"");
        if (node.format() != null) {
            json.append(",\"format\":").append(quote(node.format()));
        }
        if (node.pattern() != null) {
            json.append(",\"pattern\":").append(quote(node.pattern()));
        }
        if (!node.description().isEmpty()) {
            json.append(",\"description\":").append(quote(node.description()));
        }
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
