package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;
import static dev.modelspec4j.processor.DiagnosticsTest.assertSingleError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What an {@code AiServices} interface can say that a guarded assistant does not do the same way: one compile
 * error per feature, at the element that uses it (MS-120 to MS-129).
 */
class ParityDiagnosticsTest {

    static JavaFileObject assistant(String... body) {
        String[] head = {
            "package test;",
            "import dev.modelspec4j.annotation.*;",
            "import dev.langchain4j.service.*;",
            "import dev.langchain4j.data.message.Content;",
            "import dev.langchain4j.data.message.ImageContent;",
            "import java.util.List;",
        };
        String[] lines = new String[head.length + body.length];
        System.arraycopy(head, 0, lines, 0, head.length);
        System.arraycopy(body, 0, lines, head.length, body.length);
        return source("test.Assistant", lines);
    }

    @Test
    void aContentThatIsNotTheUserMessage() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question, ImageContent image);",
                "}");
        assertSingleError(src, "MS-120", "ImageContent image");
    }

    @Test
    void aContentAsATemplateVariable() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Describe {{image}}\")",
                "    String answer(@V(\"image\") ImageContent image);",
                "}");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorContaining("[MS-120]").inFile(src).onLineContaining("@V(\"image\")");
        assertThat(compilation).hadErrorContaining("template variable (@V)");
    }

    @Test
    void anUntrustedContent() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question, @Untrusted(\"scan\") ImageContent scan);",
                "}");
        assertSingleError(src, "MS-120", "@Untrusted(\"scan\") ImageContent scan");
    }

    @Test
    void contentsInACollectionThatIsNotAList() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage java.util.Set<ImageContent> images);",
                "}");
        assertSingleError(src, "MS-120", "Set<ImageContent> images");
    }

    @Test
    void contentsInAMap() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(java.util.Map<String, ImageContent> images);",
                "}");
        assertSingleError(src, "MS-120", "Map<String, ImageContent> images");
    }

    @Test
    void aChatMessageParameter() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(dev.langchain4j.data.message.UserMessage message);",
                "}");
        assertSingleError(src, "MS-121", "UserMessage message");
    }

    @Test
    void aListThatMayHoldTextBesideATemplate() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Describe these.\")",
                "    String answer(@UserMessage List<Content> contents);",
                "}");
        assertSingleError(src, "MS-122", "List<Content> contents");
    }

    @Test
    void aListOfImagesBesideATemplateCompiles() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Describe these.\")",
                "    String answer(@UserMessage List<ImageContent> images, @UserName String customer);",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void aToolOnTheInterface() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question);",
                "    @dev.langchain4j.agent.tool.Tool(\"Today's date\")",
                "    default String today() { return \"2026-12-04\"; }",
                "}");
        assertSingleError(src, "MS-123", "@dev.langchain4j.agent.tool.Tool");
    }

    @Test
    void aToolMemoryIdParameter() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question,",
                "            @dev.langchain4j.agent.tool.ToolMemoryId @MemoryId String session);",
                "}");
        assertSingleError(src, "MS-123", "ToolMemoryId");
    }

    @Test
    void chatRequestParametersAsAParameter() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question,",
                "            dev.langchain4j.model.chat.request.ChatRequestParameters parameters);",
                "}");
        assertSingleError(src, "MS-124", "ChatRequestParameters parameters");
    }

    @Test
    void aReturnTypeThatAiServicesAdaptsFromATokenStream() {
        // Reactor's Flux, as langchain4j-reactor adapts a token stream to it (a stand-in with its name).
        JavaFileObject flux = source("reactor.core.publisher.Flux",
                "package reactor.core.publisher;",
                "public abstract class Flux<T> {",
                "}");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    reactor.core.publisher.Flux<String> chat(String question);",
                "}");
        Compilation compilation = compile(flux, src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-125]").inFile(src).onLineContaining("Flux<String> chat");
    }

    @Test
    void anImageReturnType() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    dev.langchain4j.data.image.Image draw(String request);",
                "}");
        assertSingleError(src, "MS-125", "Image draw");
    }

    @Test
    void twoUserNames() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question, @UserName String first,",
                "            @UserName String second);",
                "}");
        assertSingleError(src, "MS-126", "@UserName String second");
    }

    @Test
    void aUserNameThatIsAlsoTheMemoryId() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question, @UserName @MemoryId String user);",
                "}");
        assertSingleError(src, "MS-126", "@UserName @MemoryId String user");
    }

    @Test
    void itIsNeverTheUserName() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @UserMessage(\"Say hello to {{it}}.\")",
                "    String greet(@UserName String customer);",
                "}");
        assertSingleError(src, "MS-003", "Say hello to {{it}}");
    }

    @Test
    void aStructuredPromptParameter() {
        JavaFileObject recipe = source("test.Recipe",
                "package test;",
                "import dev.langchain4j.model.input.structured.StructuredPrompt;",
                "@StructuredPrompt(\"Give a recipe for {{dish}}\")",
                "public class Recipe {",
                "    public String dish;",
                "}");
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage Recipe recipe);",
                "}");
        Compilation compilation = compile(recipe, src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-127]").inFile(src).onLineContaining("Recipe recipe");
    }

    @Test
    void aUserNameIsNoLongerAnUnusedParameter() {
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(@UserMessage String question, @UserName String customer);",
                "}");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void aTextParameterBesideContentsIsNotTakenForTheUserMessage() {
        // AiServices ignores such a parameter when the method has contents; a guarded assistant reports it.
        JavaFileObject src = assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    String answer(String question, @UserMessage ImageContent image);",
                "}");
        assertSingleError(src, "MS-004", "String question");
    }
}
