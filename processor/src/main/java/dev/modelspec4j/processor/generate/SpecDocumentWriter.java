package dev.modelspec4j.processor.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * <p>Jackson's tree model writes it: Jackson is a dependency of {@code modelspec4j-runtime}, which the
 * processor needs anyway, so it adds nothing to a user's annotation processor path, and it escapes strings
 * correctly where a hand-written writer might not.
 */
public final class SpecDocumentWriter {

    /** The version of the document's format; it changes when a field changes meaning or is removed. */
    public static final int FORMAT = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        WRITER = JsonMapper.builder().build().writer(printer);
    }

    /** The document as an object tree. */
    public ObjectNode tree(SpecDocumentModel document) {
        AssistantModel assistant = document.assistant();
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("specId", assistant.specId());
        root.put("specVersion", assistant.specVersion());
        root.put("description", assistant.description());
        root.put("hash", assistant.hash());
        root.put("assistant", assistant.interfaceName().canonicalName());
        root.put("interface", document.binaryName());
        root.put("generatedClass", assistant.generatedName().canonicalName());
        position(root, document.position());
        ArrayNode methods = root.putArray("methods");
        for (MethodDocument method : document.methods()) {
            methods.add(method(method));
        }
        return root;
    }

    /** The document as JSON text, ending with a line break. */
    public String write(SpecDocumentModel document) {
        try {
            return WRITER.writeValueAsString(tree(document)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private ObjectNode method(MethodDocument document) {
        MethodModel method = document.method();
        ObjectNode node = NODES.objectNode();
        node.put("name", method.name());
        node.put("returnType", method.returnType().toString());
        position(node, document.position());
        if (!method.systemMessage().isEmpty()) {
            node.put("systemMessage", RuleText.template(method.systemMessage()));
        }
        node.put("userMessage", RuleText.template(method.userMessage()));
        ArrayNode variables = node.putArray("variables");
        variablesOf(method).forEach(variables::add);
        ArrayNode parameters = node.putArray("parameters");
        for (MethodModel.ParameterModel parameter : method.parameters()) {
            parameters.add(parameter(method, parameter));
        }
        node.put("maxAttempts", method.maxAttempts());
        if (!method.refusal().isEmpty()) {
            node.put("refusal", method.refusal());
        }
        if (method.fallbackMethod() != null) {
            node.put("fallback", method.fallbackMethod());
        }
        ArrayNode rules = node.putArray("rules");
        for (RuleModel rule : method.rules()) {
            rules.add(rule(rule, document.rulePositions().get(rule.id())));
        }
        ArrayNode examples = node.putArray("examples");
        for (ExampleModel example : document.examples()) {
            ObjectNode e = examples.addObject();
            e.put("index", example.index());
            e.put("user", example.user());
            e.put("good", example.good());
            if (!example.bad().isEmpty()) {
                e.put("bad", example.bad());
            }
            if (!example.rule().isEmpty()) {
                e.put("rule", example.rule());
            }
            position(e, example.position());
        }
        return node;
    }

    private static ObjectNode parameter(MethodModel method, MethodModel.ParameterModel parameter) {
        ObjectNode node = NODES.objectNode();
        String name = parameter.name();
        node.put("name", name);
        node.put("type", parameter.type().toString());
        if (name.equals(method.memoryIdParameter())) {
            node.put("role", "memoryId");
            return node;
        }
        for (MethodModel.UntrustedParameter untrusted : method.untrusted()) {
            if (untrusted.name().equals(name)) {
                node.put("role", "untrusted");
                node.put("label", untrusted.label());
                return node;
            }
        }
        if (method.userMessage().size() == 1 && method.userMessage().get(0) instanceof TemplatePart.Variable v
                && v.parameter().equals(name)) {
            node.put("role", "userMessage");
            return node;
        }
        node.put("role", "variable");
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
            node.put("variable", names.get(0));
        }
        return node;
    }

    private static ObjectNode rule(RuleModel rule, SourcePosition position) {
        ObjectNode node = NODES.objectNode();
        node.put("id", rule.id());
        node.put("kind", rule.kind());
        node.put("level", rule.level().name());
        node.put("action", rule.action().name());
        node.put("origin", rule.origin());
        node.put("description", RuleText.describe(rule));
        ObjectNode parameters = node.putObject("parameters");
        if (rule instanceof RuleModel.LengthRule length) {
            positive(parameters, "maxChars", length.maxChars());
            positive(parameters, "maxWords", length.maxWords());
            positive(parameters, "maxSentences", length.maxSentences());
            positive(parameters, "minChars", length.minChars());
        } else if (rule instanceof RuleModel.ForbidRule forbid) {
            ArrayNode patterns = parameters.putArray("patterns");
            forbid.patterns().forEach(patterns::add);
            ArrayNode descriptions = parameters.putArray("descriptions");
            forbid.descriptions().forEach(descriptions::add);
        } else if (rule instanceof RuleModel.RequireRule require) {
            ArrayNode patterns = parameters.putArray("patterns");
            require.patterns().forEach(patterns::add);
        } else if (rule instanceof RuleModel.PiiRule pii) {
            ArrayNode types = parameters.putArray("types");
            pii.types().forEach(t -> types.add(t.name()));
            parameters.put("input", pii.input().name());
            parameters.put("output", pii.output().name());
        } else if (rule instanceof RuleModel.SecretsRule) {
            parameters.put("detector", "defaults");
        } else if (rule instanceof RuleModel.PromptInjectionRule injection) {
            ArrayNode scopes = parameters.putArray("scope");
            injection.scopes().forEach(scope -> scopes.add(scope.name()));
        } else if (rule instanceof RuleModel.CustomRule custom) {
            parameters.put("class", custom.checkClass().canonicalName());
        } else if (rule instanceof RuleModel.KeepPrivateRule) {
            parameters.put("canary", true);
            parameters.put("shingles", true);
        } else {
            parameters.put("canonical", rule.canonical());
        }
        SpecSections.Section section = SpecSections.of(rule.kind());
        ObjectNode modelSpec = node.putObject("section");
        modelSpec.put("title", section.title());
        modelSpec.put("anchor", section.anchor());
        position(node, position);
        return node;
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

    private static void positive(ObjectNode node, String name, int value) {
        if (value > 0) {
            node.put(name, value);
        }
    }

    private static void position(ObjectNode node, SourcePosition position) {
        if (position != null) {
            ObjectNode source = node.putObject("source");
            source.put("file", position.file());
            source.put("line", position.line());
        }
    }
}
