package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.audit.AuditJson;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.fixtures.PrivateAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** @Pii and @Secrets from annotation to generated class to what the model and the user see. */
class PrivacyAssistantTest {

    private static final String EMAIL = "jane.doe@example.com";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private PrivateAssistant assistant(ScriptedChatModel model) {
        return Fixtures.builder(PrivateAssistant.class).chatModel(model).auditSink(audit)
                .chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(10)).build();
    }

    @Test
    void theModelSeesPlaceholdersOnlyAndTheUserGetsTheOriginals() {
        ScriptedChatModel model = ScriptedChatModel.answering("I will write to [EMAIL_1] today.");
        String answer = assistant(model).reply("c1", "Please confirm to " + EMAIL, "Ticket from " + EMAIL);

        String sent = model.lastRequest().messages().toString();
        Assertions.assertThat(sent).doesNotContain(EMAIL).contains("[EMAIL_1]");
        Assertions.assertThat(answer).isEqualTo("I will write to " + EMAIL + " today.");
        Assertions.assertThat(AuditJson.toJson(audit.last())).doesNotContain(EMAIL);
    }

    @Test
    void aSecretInTheInputBlocksTheCallByDefault() {
        ScriptedChatModel model = ScriptedChatModel.answering("never");
        assertThatThrownBy(() -> assistant(model).reply("c2", "key AKIAIOSFODNN7EXAMPLE", null))
                .isInstanceOf(SpecViolationException.class);
        Assertions.assertThat(model.requestCount()).isZero();
    }

    @Test
    void methodRulesReplaceTheInterfacesWithMaskingAndRedaction() {
        ScriptedChatModel model = ScriptedChatModel.answering("Call 4111 1111 1111 1111 owner.");
        String answer = assistant(model).summarise("Card 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLE");

        String sent = ScriptedChatModel.lastUserText(model.lastRequest());
        Assertions.assertThat(sent).isEqualTo("Card [CREDIT_CARD], key [REDACTED]");
        Assertions.assertThat(answer).isEqualTo("Call [CREDIT_CARD] owner.");
        Assertions.assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);
    }

    private static JavaFileObject rootPrivacy() {
        return source("test.Privacy",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level.ROOT)",
                "@Pii(types = {PiiType.EMAIL, PiiType.CREDIT_CARD})",
                "@Secrets(action = Action.BLOCK)",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface Privacy {}");
    }

    @Test
    void switchingPersonalDataFromMaskToAllowIsAWeakening() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "@Privacy",
                "public interface Assistant {",
                "    @Pii(types = {PiiType.EMAIL, PiiType.CREDIT_CARD}, output = PiiMode.ALLOW)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, rootPrivacy());
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-029]").inFile(src).onLineContaining("output = PiiMode.ALLOW");
        assertThat(compilation).hadErrorContaining("output mode ALLOW is weaker than MASK");
    }

    @Test
    void loweringTheSecretsActionIsAWeakening() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "@Privacy",
                "public interface Assistant {",
                "    @Secrets(action = Action.REPORT)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, rootPrivacy());
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-029]").inFile(src).onLineContaining("Action.REPORT");
    }

    @Test
    void tighteningPersonalDataHandlingIsFine() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "@Privacy",
                "public interface Assistant {",
                "    @Pii(types = {PiiType.EMAIL, PiiType.CREDIT_CARD, PiiType.IBAN}, input = PiiMode.BLOCK)",
                "    String answer(String question);",
                "}");
        assertThat(compile(src, rootPrivacy())).succeededWithoutWarnings();
    }
}
