package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelspec4j.processor.fixtures.DocumentedAssistant;
import dev.modelspec4j.processor.fixtures.SupportAssistant;
import dev.modelspec4j.processor.generate.JacksonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The spec documents: JSON (checked against the published schema), Markdown and HTML. */
class SpecDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String resource(Compilation compilation, String path) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", path)
                .orElseThrow(() -> new AssertionError("not generated: " + path));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec document, after checking that its text is the text Jackson writes for it. */
    static JsonNode document(Compilation compilation, String id) throws IOException {
        String text = resource(compilation, "META-INF/modelspec/" + id + ".json");
        assertThat(text).isEqualTo(JacksonText.rewritten(text));
        return JSON.readTree(text);
    }

    static List<String> schemaErrors(JsonNode document) throws IOException {
        Path root = Path.of(System.getProperty("modelspec4j.project.root", ".."));
        String schemaText = Files.readString(root.resolve("docs/spec-document.schema.json"));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText, InputFormat.JSON);
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            messages.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return messages;
    }

    private static int lineOf(Class<?> fixture, String text) throws IOException {
        List<String> lines = Files.readAllLines(
                Fixtures.SOURCES.resolve(fixture.getName().replace('.', '/') + ".java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    @Test
    void generatedDocumentsValidateAgainstThePublishedSchema() throws IOException {
        assertThat(schemaErrors(document(Fixtures.compilation(DocumentedAssistant.class), "acme.travel"))).isEmpty();
        assertThat(schemaErrors(document(Fixtures.compilation(SupportAssistant.class), "acme.support"))).isEmpty();
    }

    @Test
    void everyFixtureDocumentIsTheTextJacksonWrites() throws IOException, ClassNotFoundException {
        String fixtures = DocumentedAssistant.class.getPackageName();
        List<Path> sources;
        try (Stream<Path> files = Files.list(Fixtures.SOURCES.resolve(fixtures.replace('.', '/')))) {
            sources = files.filter(Files::isRegularFile).sorted().toList();
        }
        int documents = 0;
        for (Path source : sources) {
            String name = source.getFileName().toString().replace(".java", "");
            Compilation compilation = Fixtures.compilation(Class.forName(fixtures + "." + name));
            for (JavaFileObject file : compilation.generatedFiles()) {
                String path = file.toUri().getPath();
                if (path.contains("/META-INF/modelspec/") && path.endsWith(".json")) {
                    String text = file.getCharContent(true).toString();
                    assertThat(text).as(path).isEqualTo(JacksonText.rewritten(text));
                    documents++;
                }
            }
        }
        assertThat(documents).isGreaterThanOrEqualTo(sources.size() - 1);
    }

    @Test
    void theSchemaRejectsABrokenDocument() throws IOException {
        JsonNode document = document(Fixtures.compilation(DocumentedAssistant.class), "acme.travel");
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("methods").get(0).get("rules").get(0))
                .put("action", "SHOUT");
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).remove("hash");
        assertThat(schemaErrors(document)).hasSize(2);
    }

    @Test
    void theDocumentDescribesEveryRuleWithItsSectionAndSource() throws IOException {
        Compilation compilation = Fixtures.compilation(DocumentedAssistant.class);
        JsonNode doc = document(compilation, "acme.travel");
        assertThat(doc.get("specId").asText()).isEqualTo("acme.travel");
        assertThat(doc.get("specVersion").asText()).isEqualTo("3.0");
        assertThat(doc.get("interface").asText()).isEqualTo(DocumentedAssistant.class.getName());
        assertThat(doc.get("source").get("file").asText())
                .isEqualTo("dev/modelspec4j/processor/fixtures/DocumentedAssistant.java");

        JsonNode plan = doc.get("methods").get(0);
        assertThat(plan.get("name").asText()).isEqualTo("plan");
        assertThat(plan.get("variables")).extracting(JsonNode::asText).containsExactly("question", "region");
        assertThat(plan.get("systemMessage").asText()).isEqualTo("You are Acme's travel assistant for {{region}}.");
        assertThat(plan.get("parameters")).extracting(p -> p.get("role").asText())
                .containsExactly("memoryId", "userMessage", "untrusted", "variable");
        assertThat(plan.get("maxAttempts").asInt()).isEqualTo(2);

        JsonNode rules = plan.get("rules");
        assertThat(rules).extracting(r -> r.get("id").asText())
                .containsExactly("plan.length", "baseline.forbid", "plan.forbid", "plan.promptInjection",
                        "plan.keepInstructionsPrivate");
        assertThat(rules.get(3).get("origin").asText()).isEqualTo("built-in default");
        assertThat(rules.get(4).get("section").get("anchor").asText()).isEqualTo("protect_privileged_information");
        JsonNode length = rules.get(0);
        assertThat(length.get("level").asText()).isEqualTo("DEVELOPER");
        assertThat(length.get("action").asText()).isEqualTo("REASK");
        assertThat(length.get("parameters").get("maxChars").asInt()).isEqualTo(120);
        assertThat(length.get("parameters").get("maxSentences").asInt()).isEqualTo(3);
        assertThat(length.get("parameters").has("maxWords")).isFalse();
        assertThat(length.get("section").get("anchor").asText()).isEqualTo("be_thorough_but_efficient");
        assertThat(length.get("source").get("line").asInt())
                .isEqualTo(lineOf(DocumentedAssistant.class, "@Length(maxChars = 120"));
        JsonNode baseline = rules.get(1);
        assertThat(baseline.get("level").asText()).isEqualTo("ROOT");
        assertThat(baseline.get("origin").asText()).isEqualTo("policy " + DocumentedAssistant.class.getCanonicalName()
                + ".Baseline");
        assertThat(baseline.get("section").get("title").asText()).isEqualTo("Stay in bounds");
        assertThat(baseline.get("source").get("line").asInt())
                .isEqualTo(lineOf(DocumentedAssistant.class, "@Forbid(phrases = \"legally binding\")"));
        assertThat(rules.get(2).get("parameters").get("patterns")).hasSize(2);

        JsonNode examples = plan.get("examples");
        assertThat(examples).hasSize(2);
        assertThat(examples.get(1).get("index").asInt()).isEqualTo(1);
        assertThat(examples.get(1).get("rule").asText()).isEqualTo("baseline.forbid");
        assertThat(examples.get(1).get("source").get("line").asInt())
                .isEqualTo(lineOf(DocumentedAssistant.class, "@Example(user = \"Can I cancel?\""));

        JsonNode book = doc.get("methods").get(1);
        assertThat(book.get("rules")).extracting(r -> r.get("id").asText())
                .containsExactly("baseline.forbid", "book.require", "book.keepInstructionsPrivate");
        assertThat(book.get("rules").get(1).get("section").get("anchor").asText())
                .isEqualTo("support_programmatic_use");
        assertThat(book.get("examples").get(0).has("bad")).isFalse();
    }

    @Test
    void theDocumentCarriesTheHashOfTheGeneratedClass() throws IOException {
        Compilation compilation = Fixtures.compilation(SupportAssistant.class);
        String hash = document(compilation, "acme.support").get("hash").asText();
        assertThat(hash).startsWith("sha256:");
        assertThat(Fixtures.generatedSource(SupportAssistant.class)).contains("\"" + hash + "\"");
    }

    @Test
    void theInterfaceNamesItsSpecDocuments() {
        Compilation compilation = Fixtures.compilation(DocumentedAssistant.class);
        assertThat(resource(compilation, "META-INF/modelspec/assistants/" + DocumentedAssistant.class.getName()))
                .isEqualTo("acme.travel\n");
    }

    @Test
    void documentsAreTheSameOnEveryBuild() {
        Compilation first = Fixtures.compilation(DocumentedAssistant.class);
        Compilation second = Compiler.javac().withProcessors(new ModelSpecProcessor())
                .compile(Fixtures.sourceOf(DocumentedAssistant.class));
        for (String ext : List.of("json", "md", "html")) {
            String path = "META-INF/modelspec/acme.travel." + ext;
            assertThat(resource(second, path)).isEqualTo(resource(first, path));
        }
    }

    private static String hashOf(String... lines) throws IOException {
        Compilation compilation = compile(source("test.Assistant", lines));
        assertThat(compilation).succeeded();
        return document(compilation, "t.a").get("hash").asText();
    }

    private static String[] variant(String spec, String length, String example) {
        return new String[] {
            "package test;",
            "import dev.modelspec4j.annotation.*;",
            "import dev.langchain4j.service.*;",
            spec,
            "public interface Assistant {",
            "    " + length,
            "    " + example,
            "    String answer(@UserMessage String question);",
            "}",
        };
    }

    @Test
    void theHashChangesWhenAndOnlyWhenARuleChanges() throws IOException {
        String base = hashOf(variant("@ModelSpec(id = \"t.a\", version = \"1\", description = \"One.\")",
                "@Length(maxChars = 100)", "@Example(user = \"Hi\", good = \"Hello\")"));
        String otherText = hashOf(variant("@ModelSpec(id = \"t.a\", version = \"2\", description = \"Two.\")",
                "@Length(maxChars = 100)", "@Example(user = \"Hey\", good = \"Hello there\")"));
        String otherRule = hashOf(variant("@ModelSpec(id = \"t.a\", version = \"1\", description = \"One.\")",
                "@Length(maxChars = 101)", "@Example(user = \"Hi\", good = \"Hello\")"));
        assertThat(otherText).isEqualTo(base);
        assertThat(otherRule).isNotEqualTo(base);
    }

    @Test
    void theSpecSheetsSayEachRuleInPlainWords() {
        Compilation compilation = Fixtures.compilation(DocumentedAssistant.class);
        String md = resource(compilation, "META-INF/modelspec/acme.travel.md");
        assertThat(md).startsWith("# Spec sheet: acme.travel 3.0\n");
        assertThat(md).contains("| `plan.length` | The answer has at most 120 characters and at most 3 sentences."
                + " | Developer: a rule of this assistant | The model is told what was wrong and asked again, 2 calls at"
                + " most; if it still fails, the user gets the refusal (\"Sorry, I can't help with that.\"). |");
        assertThat(md).contains("- **Bad answer** (caught by `baseline.forbid`): Yes, and this offer is legally"
                + " binding.");

        String html = resource(compilation, "META-INF/modelspec/acme.travel.html");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                .contains("Helps customers &lt;plan&gt; trips &amp; book &quot;hotels&quot;.")
                .contains("<tr class=\"rule\" data-rule-id=\"book.require\">")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("<link")
                .doesNotContain("http://").doesNotContain("url(");
        Matcher rows = Pattern.compile("<tr class=\"rule\"").matcher(html);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        // 5 stated rules, and the built-in defaults: injection scanning (plan has untrusted data) and
        // instruction privacy (every method has a system message).
        assertThat(count).isEqualTo(8);
    }

    @Test
    void positionsAreLeftOutWhenTheCompilerOffersNoTrees() throws IOException {
        Compilation compilation = Compiler.javac().withProcessors(new WithoutTrees())
                .compile(Fixtures.sourceOf(DocumentedAssistant.class));
        assertThat(compilation).succeeded();
        JsonNode doc = document(compilation, "acme.travel");
        assertThat(doc.has("source")).isFalse();
        assertThat(doc.get("methods").get(0).get("rules").get(0).has("source")).isFalse();
        assertThat(doc.get("methods").get(0).get("examples").get(0).has("source")).isFalse();
        assertThat(schemaErrors(doc)).isEmpty();
    }

    /** Runs the processor behind a processing environment that is not javac's, as some build tools do. */
    private static final class WithoutTrees extends AbstractProcessor {
        private final ModelSpecProcessor processor = new ModelSpecProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            processor.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> method.invoke(env, args)));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return processor.process(annotations, round);
        }
    }
}
