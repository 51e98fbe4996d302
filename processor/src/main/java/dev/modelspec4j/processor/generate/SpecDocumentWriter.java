package dev.modelspec4j.processor.generate;

import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.ExampleModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.SourcePosition;
import dev.modelspec4j.processor.model.SpecDocumentModel;
import dev.modelspec4j.processor.model.SpecDocumentModel.MethodDocument;
import dev.modelspec4j.processor.model.SpecSections;
import dev.modelspec4j.processor.model.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes the spec document {@code META-INF/modelspec/<id>.json}: the machine-readable, public form of a spec,
 * described by {@code docs/spec-document.schema.json}. Output is deterministic — fields in a fixed order, rules
 * in enforcement order, examples in source order, line breaks {@code \n}, no timestamps — so that the document
 * changes only when the spec does.
 *
 * <p>The small {@link JsonWriter} of this package writes it, not Jackson: loading and initialising Jackson's
 * databind takes a few hundred milliseconds in every fresh compiler JVM, a visible share of a cold build, for a
 * document of strings and numbers. The text is the same as Jackson's pretty printer wrote it, byte for byte.
 */
public final class SpecDocumentWriter {

    /** The version of the document's format; it changes when a field changes meaning or is removed. */
    public static final int FORMAT = 1;

    /** The document as JSON text, ending with a line break. */
    public String write(SpecDocumentModel document) {
        AssistantModel assistant = document.assistant();
        JsonWriter json = new JsonWriter().beginObject()
                .field("format", FORMAT)
                .field("specId", assistant.specId())
                .field("specVersion", assistant.specVersion())
                .field("description", assistant.description())
                .field("hash", assistant.hash())
                .field("assistant", assistant.interfaceName().canonicalName())
                .field("interface", document.binaryName())
                .field("generatedClass", assistant.generatedName().canonicalName());
        position(json, document.position());
        json.name("methods").beginArray();
        for (MethodDocument method : document.methods()) {
            method(json, method);
        }
        return json.endArray().endObject().text() + "\n";
    }

    private static void method(JsonWriter json, MethodDocument document) {
        MethodModel method = document.method();
        json.beginObject()
                .field("name", method.name())
                .field("returnType", method.returnType().toString());
        position(json, document.position());
        if (!method.systemMessage().isEmpty()) {
            json.field("systemMessage", RuleText.template(method.systemMessage()));
        }
        json.field("userMessage", RuleText.template(method.userMessage()))
                .field("variables", variablesOf(method))
                .name("parameters").beginArray();
        for (MethodModel.ParameterModel parameter : method.parameters()) {
            json.beginObject();
            parameter(json, method, parameter);
            json.endObject();
        }
        json.endArray().field("maxAttempts", method.maxAttempts());
        if (!method.refusal().isEmpty()) {
            json.field("refusal", method.refusal());
        }
        if (method.fallbackMethod() != null) {
            json.field("fallback", method.fallbackMethod());
        }
        json.name("rules").beginArray();
        for (RuleModel rule : method.rules()) {
            rule(json, rule, document.rulePositions().get(rule.id()));
        }
        json.endArray().name("examples").beginArray();
        for (ExampleModel example : document.examples()) {
            json.beginObject()
                    .field("index", example.index())
                    .field("user", example.user())
                    .field("good", example.good());
            if (!example.bad().isEmpty()) {
                json.field("bad", example.bad());
            }
            if (!example.rule().isEmpty()) {
                json.field("rule", example.rule());
            }
            position(json, example.position());
            json.endObject();
        }
        json.endArray().endObject();
    }

    /** The fields of a parameter's object. */
    private static void parameter(JsonWriter json, MethodModel method, MethodModel.ParameterModel parameter) {
        String name = parameter.name();
        json.field("name", name).field("type", parameter.type().toString());
        if (name.equals(method.memoryIdParameter())) {
            json.field("role", "memoryId");
            return;
        }
        for (MethodModel.UntrustedParameter untrusted : method.untrusted()) {
            if (untrusted.name().equals(name)) {
                json.field("role", "untrusted").field("label", untrusted.label());
                return;
            }
        }
        if (method.userMessage().size() == 1 && method.userMessage().get(0) instanceof TemplatePart.Variable v
                && v.parameter().equals(name)) {
            json.field("role", "userMessage");
            return;
        }
        if (method.contentParameters().contains(name)) {
            json.field("role", "content");
            return;
        }
        json.field("role", name.equals(method.userNameParameter()) ? "userName" : "variable");
        List<String> names = new ArrayList<>();
        for (List<TemplatePart> template : List.of(method.systemMessage(), method.userMessage())) {
            for (TemplatePart part : template) {
                if (part instanceof TemplatePart.Variable v && v.parameter().equals(name)
                        && !names.contains(v.variable())) {
                    names.add(v.variable());
                }
            }
        }
        if (!names.isEmpty()) {
            json.field("variable", names.get(0));
        }
    }

    private static void rule(JsonWriter json, RuleModel rule, SourcePosition position) {
        json.beginObject()
                .field("id", rule.id())
                .field("kind", rule.kind())
                .field("level", rule.level().name())
                .field("action", rule.action().name())
                .field("origin", rule.origin())
                .field("description", RuleText.describe(rule))
                .name("parameters").beginObject();
        RuleKinds.of(rule).parameters(rule, json);
        SpecSections.Section section = SpecSections.of(rule.kind());
        json.endObject()
                .name("section").beginObject()
                .field("title", section.title())
                .field("anchor", section.anchor())
                .endObject();
        position(json, position);
        json.endObject();
    }

    /** Every template variable of the method, sorted. */
    static List<String> variablesOf(MethodModel method) {
        TreeSet<String> names = new TreeSet<>();
        for (List<TemplatePart> template : List.of(method.systemMessage(), method.userMessage())) {
            for (TemplatePart part : template) {
                if (part instanceof TemplatePart.Variable v) {
                    names.add(v.variable());
                } else if (part instanceof TemplatePart.Special s) {
                    names.add(s.variable());
                }
            }
        }
        return List.copyOf(names);
    }

    private static void position(JsonWriter json, SourcePosition position) {
        if (position != null) {
            json.name("source").beginObject()
                    .field("file", position.file())
                    .field("line", position.line())
                    .endObject();
        }
    }
}
