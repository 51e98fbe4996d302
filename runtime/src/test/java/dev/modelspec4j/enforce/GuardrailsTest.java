package dev.modelspec4j.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the engine maps LangChain4j guardrail results onto its actions, with hand-built guardrails. */
class GuardrailsTest {

    private final List<ChatRequest> requests = new ArrayList<>();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private Enforcer enforcer(String... answers) {
        return ScriptedEnforcer.of(requests, audit, answers);
    }

    private static final MethodPlan PLAIN = new MethodPlan("ask", List.of(), 1, "");

    /** Reprompts every answer that does not say "ok". */
    private static final OutputGuardrail WANTS_OK = new OutputGuardrail() {
        @Override
        public OutputGuardrailResult validate(AiMessage answer) {
            return answer.text().contains("ok") ? success() : reprompt("not ok", "Say ok.");
        }
    };

    private static String lastUserText(ChatRequest request) {
        return ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
    }

    @Test
    void aNonFatalInputFailureLetsTheNextGuardrailRunAndStillBlocks() {
        List<String> seen = new ArrayList<>();
        InputGuardrail fails = new InputGuardrail() {
            @Override
            public InputGuardrailResult validate(UserMessage message) {
                return failure("not allowed");
            }
        };
        InputGuardrail observes = new InputGuardrail() {
            @Override
            public InputGuardrailResult validate(UserMessage message) {
                seen.add(message.singleText());
                return success();
            }
        };
        Guardrails guardrails = new Guardrails("{{it}}", 2).input("guardrail.Fails", fails)
                .input("guardrail.Observes", observes);

        assertThatThrownBy(() -> enforcer().call(PLAIN).guardrails(guardrails).userMessage("hi").execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(seen).containsExactly("hi");
        assertThat(requests).isEmpty();
        assertThat(audit.last().violations()).extracting(Violation::ruleId, Violation::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("guardrail.Fails", "failure"));
    }

    @Test
    void everyCallHandsGuardrailsTheSameListenerRegistrar() {
        // Built anew for each request, LangChain4j would look one up through ServiceLoader on every call.
        List<Object> registrars = new ArrayList<>();
        OutputGuardrail observes = new OutputGuardrail() {
            @Override
            public OutputGuardrailResult validate(OutputGuardrailRequest request) {
                registrars.add(request.requestParams().aiservicelistenerregistrar());
                return success();
            }
        };
        Guardrails guardrails = new Guardrails("{{it}}", 2).output("guardrail.Observes", observes);
        Enforcer enforcer = enforcer("first", "second");

        enforcer.call(PLAIN).guardrails(guardrails).userMessage("hi").execute();
        enforcer.call(PLAIN).guardrails(guardrails).userMessage("again").execute();

        assertThat(registrars).hasSize(2).doesNotContainNull();
        assertThat(registrars.get(1)).isSameAs(registrars.get(0));
    }

    @Test
    void aRetryAfterARewriteInTheSameChainBlocks() {
        OutputGuardrail rewrites = new OutputGuardrail() {
            @Override
            public OutputGuardrailResult validate(AiMessage answer) {
                return successWith(answer.text() + "!");
            }
        };
        Guardrails guardrails = new Guardrails("{{it}}", 3).output("guardrail.Rewrites", rewrites)
                .output("guardrail.WantsOk", WANTS_OK);

        assertThatThrownBy(() -> enforcer("no").call(PLAIN).guardrails(guardrails).userMessage("hi").execute())
                .isInstanceOf(SpecViolationException.class).hasCauseInstanceOf(OutputGuardrailException.class);
        assertThat(requests).hasSize(1);
        assertThat(audit.last().violations()).extracting(Violation::action)
                .containsExactly(Action.REDACT, Action.BLOCK);
    }

    @Test
    void aRewriteIntoAnObjectFailsClosed() {
        OutputGuardrail object = new OutputGuardrail() {
            @Override
            public OutputGuardrailResult validate(AiMessage answer) {
                return successWith(answer.text(), List.of(1, 2));
            }
        };
        Guardrails guardrails = new Guardrails("{{it}}", 2).output("guardrail.Object", object);

        assertThatThrownBy(() -> enforcer("text").call(PLAIN).guardrails(guardrails).userMessage("hi").execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(audit.last().violations().get(0).evidence()).startsWith("rewrote the answer into a java.util.");
    }

    @Test
    void aGuardrailThatCallsTheModelItselfFailsClosed() {
        OutputGuardrail calls = new OutputGuardrail() {
            @Override
            public OutputGuardrailResult validate(OutputGuardrailRequest request) {
                request.chatExecutor().execute();
                return success();
            }
        };
        Guardrails guardrails = new Guardrails("{{it}}", 2).output("guardrail.Calls", calls);

        assertThatThrownBy(() -> enforcer("text").call(PLAIN).guardrails(guardrails).userMessage("hi").execute())
                .isInstanceOf(SpecViolationException.class)
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(requests).hasSize(1);
        assertThat(audit.last().violations().get(0).evidence())
                .isEqualTo("guardrail failed: java.lang.UnsupportedOperationException");
    }

    @Test
    void whenGuardrailsAndRulesBothAskAgainTheSmallerBoundApplies() {
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.output("short", Level.DEVELOPER, Action.REASK,
                answer -> answer.length() > 3 ? List.of(Finding.of("too long", "length")) : List.of())), 2, "");
        Guardrails guardrails = new Guardrails("{{it}}", 5).output("guardrail.WantsOk", WANTS_OK);

        assertThatThrownBy(() -> enforcer("long no", "long no", "ok").call(plan).guardrails(guardrails)
                .userMessage("hi").execute()).isInstanceOf(SpecViolationException.class);
        assertThat(requests).hasSize(2); // @OnViolation(maxAttempts = 2), not maxRetries = 5
        assertThat(lastUserText(requests.get(1))).contains("Say ok.").contains("too long");
    }

    @Test
    void guardrailReasksAreBoundedByMaxRetriesAloneWhenTheRulesPass() {
        Guardrails guardrails = new Guardrails("{{it}}", 3).output("guardrail.WantsOk", WANTS_OK);

        CallOutcome outcome = enforcer("no", "no", "ok").call(PLAIN).guardrails(guardrails).userMessage("hi")
                .execute();
        assertThat(outcome.text()).isEqualTo("ok");
        assertThat(requests).hasSize(3);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aRuleThatBlocksARewrittenAnswerJudgesTheRewrite() {
        OutputGuardrail leaks = new OutputGuardrail() {
            @Override
            public OutputGuardrailResult validate(AiMessage answer) {
                return successWith("the password is hunter2");
            }
        };
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.output("noPassword", Level.ROOT, Action.BLOCK,
                answer -> answer.contains("hunter2") ? List.of(Finding.of("password", "a password")) : List.of())),
                1, "");
        Guardrails guardrails = new Guardrails("{{it}}", 2).output("guardrail.Leaks", leaks);

        SpecViolationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                SpecViolationException.class,
                () -> enforcer("harmless").call(plan).guardrails(guardrails).userMessage("hi").execute());
        assertThat(e.getCause()).isNull(); // the rule decided, not the guardrail
        assertThat(audit.last().violations()).extracting(Violation::ruleId)
                .containsExactly("guardrail.Leaks", "noPassword");
    }

    @Test
    void negativeMaxRetriesIsRejected() {
        assertThatThrownBy(() -> new Guardrails("", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Guardrails("", 0).maxAttempts()).isEqualTo(1);
        assertThat(new Guardrails("", 4).maxAttempts()).isEqualTo(4);
    }
}
