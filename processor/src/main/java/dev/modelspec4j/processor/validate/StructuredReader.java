package dev.modelspec4j.processor.validate;

import com.palantir.javapoet.TypeName;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.RuleDraft;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.schema.SchemaReader;
import dev.modelspec4j.processor.schema.SchemaReader.Component;
import dev.modelspec4j.processor.schema.SchemaReader.Schema;
import dev.modelspec4j.processor.schema.StructuredModel;
import dev.modelspec4j.processor.schema.StructuredModel.FieldModel;
import dev.modelspec4j.processor.kind.RuleDraft;
import dev.modelspec4j.processor.kind.RuleKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Reads the structured output of a method that returns a record, an enum, a collection, an {@code Optional} of
 * those, a primitive or another scalar, or a {@code Result<T>}: its JSON schema ({@link SchemaReader}) and the
 * rules written on record components, each with the action of its own {@code @OnViolation}, else the method's.
 */
final class StructuredReader {

    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");
    private static final Set<String> TEXT = Set.of("java.lang.String", "java.lang.CharSequence");
    /** The origin of the rules that apply without an annotation. */
    private static final String BUILT_IN = "built-in default";
    /** Return types of AiServices that are not values read from JSON, and that a guarded method cannot return. */
    private static final Set<String> NOT_VALUES = Set.of("java.lang.Void", "dev.langchain4j.model.output.Response",
            "dev.langchain4j.data.image.Image", "dev.langchain4j.data.message.ImageContent");

    private final Types types;
    private final Mirrors mirrors;
    private final Diagnostics diagnostics;
    private final RuleReader rules;
    private final SchemaReader schemas;

    StructuredReader(ProcessingEnvironment env, Mirrors mirrors, Diagnostics diagnostics, RuleReader rules) {
        this.types = env.getTypeUtils();
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
        this.rules = rules;
        this.schemas = new SchemaReader(env, diagnostics);
    }

    /** The qualified name of a declared type, or empty. */
    String name(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                ? ((TypeElement) types.asElement(type)).getQualifiedName().toString() : "";
    }

    /**
     * The structured output of {@code method}, whose value (inside {@code Result}, when it returns one) is of
     * type {@code value}; empty when it has errors, all reported.
     */
    Optional<StructuredModel> read(ExecutableElement method, TypeMirror value, Action scopeAction) {
        String shape = "PLAIN";
        TypeMirror read = value;
        String name = name(value);
        if (value.getKind() == TypeKind.VOID
                || value.getKind() == TypeKind.ARRAY && value.equals(method.getReturnType())) {
            return Optional.empty(); // reported as a return type that no guarded method can have (MS-002)
        }
        if (NOT_VALUES.contains(name)) {
            diagnostics.report(Message.UNSUPPORTED_RETURN_TYPE, method, method.getSimpleName(), value);
            return Optional.empty();
        }
        if (value.getKind().isPrimitive()) {
            shape = "PRIMITIVE";
        } else if (name.equals("java.util.Optional") && !((DeclaredType) value).getTypeArguments().isEmpty()) {
            shape = "OPTIONAL";
            read = ((DeclaredType) value).getTypeArguments().get(0);
        } else if (name.equals("java.util.Set")) {
            shape = "SET";
        } else if (COLLECTIONS.contains(name)) {
            shape = "LIST";
        }
        Optional<Schema> schema = schemas.read(method, read);
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        String methodName = method.getSimpleName().toString();
        List<FieldModel> fields = new ArrayList<>();
        boolean ok = true;
        for (Component component : schema.get().components()) {
            List<RuleDraft> drafts = rules.read(component.element(), Level.DEVELOPER,
                    methodName + "." + component.idPath() + ".",
                    "component " + component.idPath() + " of method " + methodName, null);
            if (drafts.isEmpty()) {
                continue;
            }
            Optional<TypeMirror> text = text(component.valueType());
            Action action = mirrors.find(component.element(), Names.ON_VIOLATION)
                    .map(m -> Action.valueOf(mirrors.enumConstant(m, "action")))
                    .orElse(scopeAction != null ? scopeAction : Action.BLOCK);
            for (RuleDraft draft : drafts) {
                if (text.isEmpty()) {
                    diagnostics.report(Message.FIELD_RULE_NOT_TEXT, SchemaReader.position(component.element()),
                            draft.kind(), component.element().getSimpleName(), component.valueType());
                    ok = false;
                    continue;
                }
                if (action == Action.REDACT && !draft.redactable()) {
                    diagnostics.report(Message.REDACT_NOT_APPLICABLE, SchemaReader.position(component.element()),
                            draft.id(), draft.kind());
                    ok = false;
                    continue;
                }
                boolean each = COLLECTIONS.contains(name(component.valueType()));
                // @Pii on a value masks by its output mode, whatever action is in scope.
                Action ruleAction = draft.descriptor() == RuleKinds.PII ? draft.action(null) : action;
                fields.add(new FieldModel(component.path() + (each ? "[]" : ""), draft.model(ruleAction)));
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        String schemaName = read.getKind().isPrimitive()
                ? types.boxedClass((PrimitiveType) read).getSimpleName().toString()
                : name(read).isEmpty() || COLLECTIONS.contains(name(read)) ? methodName
                : types.asElement(read).getSimpleName().toString();
        return Optional.of(new StructuredModel(TypeName.get(read), schemaName, schema.get().root(),
                schema.get().wrapper(), shape, schemaAction(scopeAction), fields));
    }

    /**
     * A primitive has no value to stand for a refusal. The built-in instruction-privacy rule, which refuses by
     * default, blocks instead on such a method ({@code rules} is changed in place, so that the generated code and
     * the spec document say BLOCK); any other rule that can end the call in a refusal (REFUSE, or REASK when a
     * refusal text is set) is an error, reported at the method, naming the first such rule.
     */
    void checkRefusal(ExecutableElement method, StructuredModel model, List<RuleModel> rules, String refusal) {
        if (!model.shape().equals("PRIMITIVE")) {
            return;
        }
        rules.replaceAll(r -> r instanceof RuleModel.KeepPrivateRule k && k.origin().equals(BUILT_IN)
                && k.action() == Action.REFUSE
                ? new RuleModel.KeepPrivateRule(k.id(), k.level(), Action.BLOCK, k.userOverridable(), k.origin(),
                        k.enabled())
                : r);
        Map<String, Action> actions = new LinkedHashMap<>();
        actions.put(method.getSimpleName() + ".schema", model.schemaAction());
        // Guideline rules only report, whatever their action.
        rules.stream().filter(r -> r.level() != Level.GUIDELINE).forEach(r -> actions.put(r.id(), r.action()));
        model.fields().stream().filter(f -> f.rule().level() != Level.GUIDELINE)
                .forEach(f -> actions.put(f.rule().id(), f.rule().action()));
        for (Map.Entry<String, Action> rule : actions.entrySet()) {
            String how = rule.getValue() == Action.REFUSE ? "refuses (REFUSE)"
                    : rule.getValue() == Action.REASK && !refusal.isEmpty()
                            ? "ends in the refusal text when its re-asks run out (REASK with a refusal)" : null;
            if (how != null) {
                PrimitiveType type = (PrimitiveType) method.getReturnType(); // only a returned primitive is PRIMITIVE
                diagnostics.report(Message.PRIMITIVE_REFUSAL, method, method.getSimpleName(), type, rule.getKey(),
                        how, types.boxedClass(type).getSimpleName());
                return;
            }
        }
    }

    private static Action schemaAction(Action scopeAction) {
        return scopeAction == null || scopeAction == Action.REDACT || scopeAction == Action.REPORT ? Action.BLOCK
                : scopeAction;
    }

    /** The text type of a component's values: itself, or the elements of a collection. */
    private Optional<TypeMirror> text(TypeMirror type) {
        TypeMirror t = type;
        if (COLLECTIONS.contains(name(t)) && !((DeclaredType) t).getTypeArguments().isEmpty()) {
            t = ((DeclaredType) t).getTypeArguments().get(0);
        }
        return TEXT.contains(name(t)) ? Optional.of(t) : Optional.empty();
    }
}
