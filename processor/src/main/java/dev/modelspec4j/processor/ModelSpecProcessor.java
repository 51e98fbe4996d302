package dev.modelspec4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.discover.AssistantDiscovery;
import dev.modelspec4j.processor.generate.GuardedClassWriter;
import dev.modelspec4j.processor.generate.ProcessorVersion;
import dev.modelspec4j.processor.generate.SpecDocumentWriter;
import dev.modelspec4j.processor.generate.SpecSheetWriter;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.SpecDocumentModel;
import dev.modelspec4j.processor.validate.AssistantReader;
import dev.modelspec4j.processor.validate.DocumentReader;
import dev.modelspec4j.processor.validate.Names;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The modelspec4j annotation processor: discover → validate → model → generate. It only wires the stages and
 * turns anything unexpected into one error naming the interface, so that javac never crashes because of it.
 */
@AutoService(Processor.class)
public final class ModelSpecProcessor extends AbstractProcessor {

    private final Consumer<Element> beforeEach;
    private AssistantDiscovery discovery;
    /** Which interface wrote the documents of each spec id, across rounds. */
    private final Map<String, String> documentOwners = new HashMap<>();
    /** Which interface each generated class implements, across rounds. */
    private final Map<String, String> generatedOwners = new HashMap<>();

    /** The processor as javac finds it through {@code META-INF/services}. */
    public ModelSpecProcessor() {
        this(element -> { });
    }

    /** For tests: {@code beforeEach} runs before each interface is processed, e.g. to simulate a fault. */
    ModelSpecProcessor(Consumer<Element> beforeEach) {
        this.beforeEach = beforeEach;
    }

    /** Processor option: comma-separated qualified names of policies that every assistant must apply. */
    public static final String REQUIRED_POLICIES = "modelspec4j.requiredPolicies";

    private List<String> requiredPolicies;

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(REQUIRED_POLICIES);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Names.MODEL_SPEC);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement modelSpec = processingEnv.getElementUtils().getTypeElement(Names.MODEL_SPEC);
        if (modelSpec == null) {
            return false;
        }
        if (discovery == null) {
            discovery = new AssistantDiscovery(processingEnv.getElementUtils());
        }
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        if (requiredPolicies == null) {
            requiredPolicies = requiredPolicies(diagnostics);
        }
        List<Element> ready = discovery.ready(round, modelSpec);
        for (Element element : ready) {
            try {
                process(element, diagnostics);
            } catch (Throwable e) { // anything, a StackOverflowError included: javac must not crash because of us
                diagnostics.report(Message.PROCESSOR_ERROR, element, element, trace(e));
            }
        }
        if (round.processingOver()) {
            for (String name : discovery.deferred()) {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                if (type != null) {
                    diagnostics.report(Message.UNRESOLVED_TYPE, type, name,
                            String.join(", ", discovery.unresolvedTypes(type)));
                }
            }
        }
        return false;
    }

    /** The stack trace of an unexpected fault, cut short: a stack overflow would otherwise repeat for pages. */
    private static String trace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++lines == 60) {
                return text.substring(0, i + 1) + "\t...\n";
            }
        }
        return text;
    }

    /** Reads and checks the required-policies option; names that are not policies are reported and dropped. */
    private List<String> requiredPolicies(Diagnostics diagnostics) {
        String option = processingEnv.getOptions().get(REQUIRED_POLICIES);
        if (option == null || option.isBlank()) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        for (String raw : option.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.BAD_OPTION.format(
                        REQUIRED_POLICIES, "no type " + name + " on the class path of this compilation"));
            } else if (type.getAnnotationMirrors().stream()
                    .noneMatch(m -> m.getAnnotationType().toString().equals(Names.POLICY))) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.BAD_OPTION.format(
                        REQUIRED_POLICIES, name + " is not annotated with @Policy"));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private void process(Element element, Diagnostics diagnostics) {
        beforeEach.accept(element);
        Optional<AssistantModel> model = new AssistantReader(processingEnv, diagnostics, requiredPolicies).read(element);
        if (model.isEmpty()) {
            return;
        }
        Optional<SpecDocumentModel> document =
                new DocumentReader(processingEnv, diagnostics).read((TypeElement) element, model.get());
        if (document.isEmpty()) {
            return;
        }
        boolean generatedAvailable =
                processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
        String generated = model.get().generatedName().canonicalName();
        String owner = model.get().interfaceName().canonicalName();
        String previous = generatedOwners.putIfAbsent(generated, owner);
        if (previous != null) {
            diagnostics.report(Message.GENERATED_NAME_CLASH, element, owner, generated,
                    "is already generated for " + previous);
            return;
        }
        JavaFile file = new GuardedClassWriter(generatedAvailable, ProcessorVersion.get()).write(model.get(), element);
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (javax.annotation.processing.FilerException e) {
            diagnostics.report(Message.GENERATED_NAME_CLASH, element, owner, generated,
                    "cannot be written: " + e.getMessage());
            return;
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.PROCESSOR_ERROR.format(element, "could not write " + model.get().generatedName() + ": " + e), element);
        }
        writeDocuments(document.get(), element, diagnostics);
    }

    /**
     * Writes the spec documents under {@code META-INF/modelspec/}: {@code <id>.json}, {@code <id>.md},
     * {@code <id>.html}, and {@code assistants/<interface binary name>}, which holds the spec id so that tools
     * can find an interface's documents from its class. The interface is the only originating element.
     *
     * <p>Two assistants with one spec id would write the same documents. The processor is isolating: it sees the
     * interfaces of one compilation only (with Gradle's incremental compilation, those that changed), so the
     * check covers exactly that, through this compilation's owners and the {@code Filer}, which refuses a second
     * file of one name; it never reads documents of earlier compilations, which may be stale.
     */
    private void writeDocuments(SpecDocumentModel document, Element element, Diagnostics diagnostics) {
        String id = document.assistant().specId();
        String owner = document.assistant().interfaceName().canonicalName();
        String previous = documentOwners.putIfAbsent(id, owner);
        if (previous != null && !previous.equals(owner)) {
            diagnostics.report(Message.DUPLICATE_SPEC_ID, element, id, previous);
            return;
        }
        SpecSheetWriter sheets = new SpecSheetWriter();
        String base = "META-INF/modelspec/";
        try {
            writeResource(base + id + ".json", new SpecDocumentWriter().write(document), element);
            writeResource(base + id + ".md", sheets.markdown(document), element);
            writeResource(base + id + ".html", sheets.html(document), element);
            writeResource(base + "assistants/" + document.binaryName(), id + "\n", element);
        } catch (javax.annotation.processing.FilerException e) {
            diagnostics.report(Message.DUPLICATE_SPEC_ID, element, id, "another assistant or processor");
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.PROCESSOR_ERROR.format(element, "could not write the spec documents of " + id + ": " + e),
                    element);
        }
    }

    private void writeResource(String path, String content, Element element) throws IOException {
        FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, element);
        try (OutputStream out = file.openOutputStream()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
