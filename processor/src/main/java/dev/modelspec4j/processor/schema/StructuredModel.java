package dev.modelspec4j.processor.schema;

import com.palantir.javapoet.TypeName;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.List;

/**
 * The structured output of one method: what the generated code needs to build its {@code StructuredOutput}.
 *
 * @param readType the type Jackson reads (inside {@code Optional} or {@code Result})
 * @param schemaName the schema's name, e.g. the record's simple name
 * @param root the schema's root: always an object
 * @param wrapper the root property holding the value when the value is not an object itself; null for none
 * @param shape {@code PLAIN}, {@code OPTIONAL}, {@code LIST}, {@code SET} or {@code PRIMITIVE}: what a refusal
 *     returns ({@code PRIMITIVE}: none, the call is blocked)
 * @param schemaAction the action when an answer is not JSON following the schema: the method's action;
 *     REDACT and REPORT, which cannot apply to an unreadable answer, become BLOCK
 * @param fields the rules written on record components, with the paths of their values
 */
public record StructuredModel(TypeName readType, String schemaName, SchemaNode.ObjectNode root, String wrapper,
        String shape, Action schemaAction, List<FieldModel> fields) {

    public StructuredModel {
        fields = List.copyOf(fields);
    }

    /** A rule on the text values at {@code path} (e.g. {@code contacts[].note}). */
    public record FieldModel(String path, RuleModel rule) {
    }
}
