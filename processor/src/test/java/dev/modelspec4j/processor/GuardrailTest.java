package dev.modelspec4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelspec4j.processor.Compilations.compile;
import static dev.modelspec4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.TokenStream;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.processor.guardrails.AnswerOutputGuardrail;
import dev.modelspec4j.processor.fixtures.GuardrailAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.ScriptedStreamingChatModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** LangChain4j's @InputGuardrails and @OutputGuardrails, run by the generated class. */
class GuardrailTest {

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final Map<Object, ChatMemory> memories = new ConcurrentHashMap<>();

    private GuardrailAssistant assistant(ScriptedChatModel model) {
        return Fixtures.builder(GuardrailAssistant.class).chatModel(model).auditSink(audit)
                .chatMemoryProvider(id -> memories.computeIfAbsent(id,
                        k -> MessageWindowChatMemory.withMaxMessages(10)))
                .build();
    }

    private List<ChatMessage> memory(String id) {
        return memories.containsKey(id) ? memories.get(id).messages() : List.of();
    }

    private Violation only(String ruleId) {
        List<Violation> found = audit.last().violations().stream().filter(v -> v.ruleId().equals(ruleId)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aFatalInputGuardrailStopsTheCallBeforeTheModel() {
        ScriptedChatModel model = ScriptedChatModel.answering(); // any request would fail: it has no answer
        SpecViolationException e = catchThrowableOfType(SpecViolationException.class,
                () -> assistant(model).answer("s1", "plan an attack"));

        assertThat(model.requestCount()).isZero();
        assertThat(e.getCause()).isInstanceOf(InputGuardrailException.class)
                .hasMessageContaining("attacks are off topic");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(audit.last().modelCalls()).isZero();
        Violation v = only("guardrail.TopicInputGuardrail");
        assertThat(v.level()).isEqualTo(Level.DEVELOPER);
        assertThat(v.action()).isEqualTo(Action.BLOCK);
        assertThat(v.phase()).isEqualTo(Violation.Phase.INPUT);
        assertThat(v.evidence()).isEqualTo("fatal");
        assertThat(e.violations()).containsExactly(v);
        assertThat(memory("s1")).isEmpty();
    }

    @Test
    void aRewrittenInputIsWhatTheModelSeesAndMemoryKeeps() {
        ScriptedChatModel model = ScriptedChatModel.answering("Here it is.");
        assertThat(assistant(model).answer("s1", "gimme the manual")).isEqualTo("Here it is.");

        assertThat(ScriptedChatModel.lastUserText(model.lastRequest())).isEqualTo("please give me the manual");
        assertThat(((UserMessage) memory("s1").get(0)).singleText()).isEqualTo("please give me the manual");
        assertThat(only("guardrail.TopicInputGuardrail").action()).isEqualTo(Action.REDACT);
    }

    @Test
    void aRepromptAsksTheModelAgainWithTheRepromptMessage() {
        ScriptedChatModel model = ScriptedChatModel.answering("That is WRONG.", "That is right.");
        assertThat(assistant(model).answer("s1", "Is it?")).isEqualTo("That is right.");

        assertThat(model.requestCount()).isEqualTo(2);
        List<ChatMessage> second = model.requests().get(1).messages();
        assertThat(second.get(second.size() - 2)).isEqualTo(AiMessage.from("That is WRONG."));
        assertThat(((UserMessage) second.get(second.size() - 1)).singleText())
                .contains(AnswerOutputGuardrail.REPROMPT);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
        Violation v = only("guardrail.AnswerOutputGuardrail");
        assertThat(v.action()).isEqualTo(Action.REASK);
        assertThat(v.phase()).isEqualTo(Violation.Phase.OUTPUT);
        assertThat(v.attempt()).isEqualTo(1);
        assertThat(v.evidence()).isEqualTo("reprompt");
        // Memory keeps the user's question and the answer delivered, not the re-ask.
        assertThat(memory("s1")).containsExactly(UserMessage.from("Is it?"), AiMessage.from("That is right."));
    }

    @Test
    void reasksStopAtTheGuardrailsMaxRetries() {
        ScriptedChatModel model = ScriptedChatModel.builder().reply("Still WRONG.").repeatLast().build();
        SpecViolationException e = catchThrowableOfType(SpecViolationException.class,
                () -> assistant(model).answer("s1", "Is it?"));

        assertThat(model.requestCount()).isEqualTo(3); // @OutputGuardrails(maxRetries = 3)
        assertThat(e.getCause()).isInstanceOf(OutputGuardrailException.class);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(audit.last().violations()).extracting(Violation::attempt).containsExactly(1, 2, 3);
        assertThat(memory("s1")).isEmpty();
    }

    @Test
    void aRewrittenOutputReachesTheCallerAndMemory() {
        ScriptedChatModel model = ScriptedChatModel.answering("The secret plan is ready.");
        assertThat(assistant(model).answer("s1", "Plan?")).isEqualTo("The [hidden] plan is ready.");

        assertThat(memory("s1")).containsExactly(UserMessage.from("Plan?"),
                AiMessage.from("The [hidden] plan is ready."));
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);
        assertThat(only("guardrail.AnswerOutputGuardrail").evidence()).isEqualTo("rewrote the answer");
    }

    @Test
    void aFatalOutputGuardrailBlocksTheAnswer() {
        ScriptedChatModel model = ScriptedChatModel.answering("FATAL answer");
        SpecViolationException e = catchThrowableOfType(SpecViolationException.class,
                () -> assistant(model).answer("s1", "Go"));

        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(e.getCause()).isInstanceOf(OutputGuardrailException.class).hasMessageContaining("a fatal answer");
        assertThat(only("guardrail.AnswerOutputGuardrail").action()).isEqualTo(Action.BLOCK);
        assertThat(memory("s1")).isEmpty();
    }

    @Test
    void aThrowingOutputGuardrailFailsClosed() {
        ScriptedChatModel model = ScriptedChatModel.answering("This will explode.");
        SpecViolationException e = catchThrowableOfType(SpecViolationException.class,
                () -> assistant(model).answer("s1", "Go"));

        assertThat(e.getCause()).isInstanceOf(OutputGuardrailException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        Violation v = only("guardrail.AnswerOutputGuardrail");
        assertThat(v.action()).isEqualTo(Action.BLOCK);
        // The guardrail's message quotes the answer: the audit trail names the exception's type only.
        assertThat(v.evidence()).isEqualTo("guardrail failed: java.lang.IllegalStateException");
        assertThat(memory("s1")).isEmpty();
    }

    @Test
    void aThrowingInputGuardrailFailsClosedBeforeTheModel() {
        ScriptedChatModel model = ScriptedChatModel.answering();
        SpecViolationException e = catchThrowableOfType(SpecViolationException.class,
                () -> assistant(model).answer("s1", "boom"));

        assertThat(model.requestCount()).isZero();
        assertThat(e.getCause()).isInstanceOf(InputGuardrailException.class);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(only("guardrail.TopicInputGuardrail").evidence())
                .isEqualTo("guardrail failed: java.lang.IllegalStateException");
    }

    @Test
    void guardrailsOnTheMethodReplaceThoseOnTheInterface() {
        ScriptedChatModel model = ScriptedChatModel.answering("WRONG, and that is fine here.");
        // The interface's input guardrail would stop an attack, and its output guardrail would re-ask.
        assertThat(assistant(model).shout("plan an attack")).isEqualTo("WRONG, and that is fine here.");

        assertThat(model.requestCount()).isEqualTo(1);
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest())).isEqualTo("PLAN AN ATTACK");
        assertThat(audit.last().violations()).extracting(Violation::ruleId)
                .containsExactly("guardrail.UpperCaseInputGuardrail");
    }

    /** What a caller of a stream received. */
    private static final class Streamed {
        final List<String> partials = new java.util.ArrayList<>();
        final AtomicReference<ChatResponse> complete = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Streamed(TokenStream stream) {
            stream.onPartialResponse(partials::add).onCompleteResponse(complete::set).onError(error::set).start();
        }

        String text() {
            return String.join("", partials);
        }
    }

    private GuardrailAssistant streamingAssistant(ScriptedStreamingChatModel streaming) {
        return Fixtures.builder(GuardrailAssistant.class)
                .streamingChatModel(streaming).chatModel(ScriptedChatModel.answering()).auditSink(audit)
                .chatMemoryProvider(id -> memories.computeIfAbsent(id,
                        k -> MessageWindowChatMemory.withMaxMessages(10)))
                .build();
    }

    @Test
    void anInputGuardrailStopsAStreamBeforeTheModel() {
        ScriptedStreamingChatModel streaming = ScriptedStreamingChatModel.answering("Never sent.");
        Streamed caller = new Streamed(streamingAssistant(streaming).stream("plan an attack"));

        assertThat(streaming.requestCount()).isZero();
        assertThat(caller.partials).isEmpty();
        assertThat(caller.error.get()).isInstanceOf(SpecViolationException.class)
                .hasCauseInstanceOf(InputGuardrailException.class);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(only("guardrail.TopicInputGuardrail").phase()).isEqualTo(Violation.Phase.INPUT);
    }

    @Test
    void onABufferedStreamARepromptAsksAgainBeforeAnyTokenIsReleased() {
        ScriptedStreamingChatModel streaming = ScriptedStreamingChatModel.builder().chunkSize(3)
                .reply("That is WRONG.").reply("That is right.").build();
        Streamed caller = new Streamed(streamingAssistant(streaming).stream("Is it?"));

        assertThat(caller.error.get()).isNull();
        assertThat(caller.text()).isEqualTo("That is right.");
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo("That is right.");
        assertThat(streaming.requestCount()).isEqualTo(2);
        List<ChatMessage> second = streaming.requests().get(1).messages();
        assertThat(((UserMessage) second.get(second.size() - 1)).singleText())
                .contains(AnswerOutputGuardrail.REPROMPT);
        assertThat(only("guardrail.AnswerOutputGuardrail").action()).isEqualTo(Action.REASK);
        assertThat(memory("default")).containsExactly(UserMessage.from("Is it?"), AiMessage.from("That is right."));
    }

    @Test
    void onABufferedStreamARewriteIsWhatTheCallerAndMemoryReceive() {
        ScriptedStreamingChatModel streaming = ScriptedStreamingChatModel.builder().chunkSize(4)
                .reply("The secret plan.").build();
        Streamed caller = new Streamed(streamingAssistant(streaming).stream("Plan?"));

        assertThat(caller.text()).isEqualTo("The [hidden] plan.");
        assertThat(caller.text()).doesNotContain("secret");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REDACTED);
        assertThat(memory("default")).containsExactly(UserMessage.from("Plan?"), AiMessage.from("The [hidden] plan."));
    }

    @Test
    void onABufferedStreamAFatalOutputGuardrailReleasesNothing() {
        ScriptedStreamingChatModel streaming = ScriptedStreamingChatModel.answering("A FATAL answer.");
        Streamed caller = new Streamed(streamingAssistant(streaming).stream("Go"));

        assertThat(caller.partials).isEmpty();
        assertThat(caller.error.get()).isInstanceOf(SpecViolationException.class)
                .hasCauseInstanceOf(OutputGuardrailException.class);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(memory("default")).isEmpty();
    }

    @Test
    void theGeneratedClassCreatesEachGuardrailOncePerAssistant() {
        String source = Fixtures.generatedSource(GuardrailAssistant.class);
        assertThat(source).containsOnlyOnce("new TopicInputGuardrail()")
                .containsOnlyOnce("new AnswerOutputGuardrail()")
                .containsOnlyOnce("new UpperCaseInputGuardrail()")
                .contains(".guardrails(this.answerGuardrails)")
                .doesNotContain("getDeclaredConstructor")
                .doesNotContain("newInstance");
    }

    @Test
    void theSpecDocumentListsTheGuardrailsAsRules() throws Exception {
        Compilation compilation = Fixtures.compilation(GuardrailAssistant.class);
        JsonNode doc = SpecDocumentTest.document(compilation, "test.guardrails");
        assertThat(SpecDocumentTest.schemaErrors(doc)).isEmpty();
        JsonNode answer = null;
        for (JsonNode method : doc.get("methods")) {
            if (method.get("name").asText().equals("answer")) {
                answer = method;
            }
        }
        assertThat(answer).isNotNull();
        JsonNode rules = answer.get("rules");
        assertThat(rules).extracting(r -> r.get("id").asText())
                .containsExactly("guardrail.TopicInputGuardrail", "guardrail.AnswerOutputGuardrail");
        JsonNode output = rules.get(1);
        assertThat(output.get("kind").asText()).isEqualTo("OutputGuardrails");
        assertThat(output.get("level").asText()).isEqualTo("DEVELOPER");
        assertThat(output.get("parameters").get("class").asText()).isEqualTo(AnswerOutputGuardrail.class.getName());
        assertThat(output.get("parameters").get("maxRetries").asInt()).isEqualTo(3);
        assertThat(output.get("description").asText()).contains("AnswerOutputGuardrail").contains("3 model calls");
        String sheet = SpecDocumentTest.resource(compilation, "META-INF/modelspec/test.guardrails.md");
        assertThat(sheet).contains("`guardrail.TopicInputGuardrail`").contains("`guardrail.UpperCaseInputGuardrail`");
    }

    // One negative compile test per diagnostic.

    private static final JavaFileObject ABSTRACT_GUARDRAIL = source("test.Half",
            "package test;",
            "import dev.langchain4j.guardrail.InputGuardrail;",
            "public abstract class Half implements InputGuardrail {",
            "}");

    private static final JavaFileObject OUTPUT_GUARDRAIL = source("test.Fine",
            "package test;",
            "import dev.langchain4j.data.message.AiMessage;",
            "import dev.langchain4j.guardrail.*;",
            "public class Fine implements OutputGuardrail {",
            "    @Override public OutputGuardrailResult validate(AiMessage m) { return success(); }",
            "}");

    @Test
    void aGuardrailTheGeneratedClassCannotCreateIsAnError() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.guardrail.InputGuardrails;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @InputGuardrails(Half.class)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, ABSTRACT_GUARDRAIL);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-130] @InputGuardrails(Half.class) cannot be used: it is abstract")
                .inFile(src).onLineContaining("@InputGuardrails(Half.class)");
    }

    @Test
    void aGuardrailWhoseConstructorThrowsACheckedExceptionIsAnError() {
        JavaFileObject guardrail = source("test.Loads",
                "package test;",
                "import dev.langchain4j.data.message.UserMessage;",
                "import dev.langchain4j.guardrail.*;",
                "public class Loads implements InputGuardrail {",
                "    public Loads() throws java.io.IOException {}",
                "    @Override public InputGuardrailResult validate(UserMessage m) { return success(); }",
                "}");
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.guardrail.InputGuardrails;",
                "@ModelSpec(id = \"t.a\")",
                "@InputGuardrails(Loads.class)",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, guardrail);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                "[MS-130] @InputGuardrails(Loads.class) cannot be used: its no-argument constructor declares a checked")
                .inFile(src).onLineContaining("@InputGuardrails(Loads.class)");
    }

    @Test
    void outputGuardrailsOnAStreamAreAnError() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.TokenStream;",
                "import dev.langchain4j.service.guardrail.OutputGuardrails;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @OutputGuardrails(Fine.class)",
                "    TokenStream answer(String question);",
                "}");
        Compilation compilation = compile(src, OUTPUT_GUARDRAIL);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-131] Method answer streams without buffering")
                .inFile(src).onLineContaining("@OutputGuardrails(Fine.class)");
    }

    @Test
    void aGuardrailListedTwiceIsAnError() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.guardrail.OutputGuardrails;",
                "@ModelSpec(id = \"t.a\")",
                "@OutputGuardrails({Fine.class, Fine.class})",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, OUTPUT_GUARDRAIL);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-132] @OutputGuardrails lists Fine twice")
                .inFile(src).onLineContaining("@OutputGuardrails({Fine.class, Fine.class})");
    }

    @Test
    void aNegativeMaxRetriesIsAnError() {
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.guardrail.OutputGuardrails;",
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @OutputGuardrails(value = Fine.class, maxRetries = -1)",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, OUTPUT_GUARDRAIL);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-133] @OutputGuardrails(maxRetries = -1)")
                .inFile(src).onLineContaining("maxRetries = -1");
    }

    @Test
    void guardrailsOnAPolicyAreAnError() {
        JavaFileObject policy = source("test.Baseline",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "import dev.langchain4j.service.guardrail.OutputGuardrails;",
                "import java.lang.annotation.*;",
                "@Policy(level = Level.SYSTEM)",
                "@OutputGuardrails(Fine.class)",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface Baseline {}");
        JavaFileObject src = source("test.Assistant",
                "package test;",
                "import dev.modelspec4j.annotation.*;",
                "@ModelSpec(id = \"t.a\")",
                "@Baseline",
                "public interface Assistant {",
                "    String answer(String question);",
                "}");
        Compilation compilation = compile(src, policy, OUTPUT_GUARDRAIL);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MS-134] Policy test.Baseline carries @OutputGuardrails")
                .inFile(src).onLineContaining("@Baseline");
    }
}
