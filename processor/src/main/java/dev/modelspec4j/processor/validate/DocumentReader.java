package dev.modelspec4j.processor.validate;

import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.ExampleModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.SourcePosition;
import dev.modelspec4j.processor.model.SpecDocumentModel;
import dev.modelspec4j.processor.model.SpecDocumentModel.MethodDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads what the spec documents need beyond the {@link AssistantModel} of a sound interface: the
 * {@code @Example}s of each method, checked against the method's rules by {@link ExampleChecker}, and the
 * source position of the interface, its methods, rules and examples.
 */
public final class DocumentReader {

    private final Elements elements;
    private final Mirrors mirrors;
    private final Positions positions;
    private final Diagnostics diagnostics;

    public DocumentReader(ProcessingEnvironment env, Diagnostics diagnostics) {
        this.elements = env.getElementUtils();
        this.mirrors = new Mirrors(elements);
        this.positions = Positions.of(env);
        this.diagnostics = diagnostics;
    }

    /** The document model of {@code type}, or empty when an example is wrong (every problem reported). */
    public Optional<SpecDocumentModel> read(TypeElement type, AssistantModel assistant) {
        int errorsBefore = diagnostics.errorCount();
        Map<String, ExecutableElement> methods = new HashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                methods.putIfAbsent(method.getSimpleName().toString(), method);
            }
        }
        List<MethodDocument> documents = new ArrayList<>();
        for (MethodModel method : assistant.methods()) {
            ExecutableElement element = methods.get(method.name());
            List<ExampleModel> examples = new ArrayList<>();
            List<AnnotationMirror> exampleMirrors = examples(element);
            for (int i = 0; i < exampleMirrors.size(); i++) {
                AnnotationMirror m = exampleMirrors.get(i);
                ExampleModel example = new ExampleModel(i, mirrors.string(m, "user"), mirrors.string(m, "good"),
                        mirrors.string(m, "bad"), mirrors.string(m, "rule"), positions.ofRepeated(element, "Example", i));
                new ExampleChecker(diagnostics, positions).check(element, m, method, example);
                examples.add(example);
            }
            documents.add(new MethodDocument(method, positions.of(element, null), examples,
                    rulePositions(type, element, method)));
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new SpecDocumentModel(assistant, elements.getBinaryName(type).toString(),
                positions.of(type, null), documents));
    }

    /** The {@code @Example}s of {@code method}, written once or repeated, in source order. */
    private List<AnnotationMirror> examples(ExecutableElement method) {
        List<AnnotationMirror> found = new ArrayList<>();
        if (method == null) {
            return found;
        }
        mirrors.find(method, Names.EXAMPLE).ifPresent(found::add);
        mirrors.find(method, Names.EXAMPLES).ifPresent(list -> {
            for (AnnotationValue v : mirrors.array(list, "value")) {
                found.add((AnnotationMirror) v.getValue());
            }
        });
        return found;
    }

    private Map<String, SourcePosition> rulePositions(TypeElement type, ExecutableElement method,
            MethodModel model) {
        Map<String, SourcePosition> found = new HashMap<>();
        for (RuleModel rule : model.rules()) {
            Element at = ruleElement(type, method, rule.origin());
            if (at == null) {
                continue;
            }
            Optional<AnnotationMirror> annotation = mirrors.find(at, RuleKinds.of(rule).annotation(rule));
            SourcePosition position = annotation.map(a -> positions.of(at, a)).orElse(null);
            if (position != null) {
                found.put(rule.id(), position);
            }
        }
        return found;
    }

    /** The element a rule is written on, from its origin: {@code method m}, {@code interface} or {@code policy P}. */
    private Element ruleElement(TypeElement type, ExecutableElement method, String origin) {
        if (origin.equals("interface")) {
            return type;
        }
        if (origin.startsWith("method ")) {
            return method;
        }
        if (origin.startsWith("policy ")) {
            return elements.getTypeElement(origin.substring("policy ".length()));
        }
        return null;
    }
}
