package dev.modelspec4j.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.builtin.LengthCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine on its own, with hand-built plans. */
class CallTest {

    private final List<ChatRequest> requests = new ArrayList<>();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private Enforcer enforcer(String... answers) {
        return ScriptedEnforcer.of(requests, audit, answers);
    }

    private static final InputCheck NO_SECRETS = (text, part) -> text.contains("hunter2")
            ? List.of(Finding.of("secret in input", "a password in the " + part.name().toLowerCase()))
            : List.of();

    @Test
    void blockedInputNeverReachesTheModel() {
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.input("secrets", Level.ROOT, Action.BLOCK, NO_SECRETS)),
                1, "");
        Enforcer enforcer = enforcer("unused");

        assertThatThrownBy(() -> enforcer.call(plan).userMessage("hi").untrusted("doc", "pw hunter2").execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(requests).isEmpty();
        assertThat(audit.last().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(audit.last().modelCalls()).isZero();
        assertThat(audit.last().violations()).extracting(Violation::evidence)
                .containsExactly("a password in the untrusted");
    }

    @Test
    void refusedInputIsAnsweredWithTheRefusalWithoutCallingTheModel() {
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.input("secrets", Level.ROOT, Action.REFUSE, NO_SECRETS)),
                1, "No secrets, please.");
        CallOutcome outcome = enforcer("unused").call(plan).userMessage("my pw is hunter2").execute();

        assertThat(outcome.text()).isEqualTo("No secrets, please.");
        assertThat(requests).isEmpty();
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void failingCheckFailsClosed() {
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.output("broken", Level.DEVELOPER, Action.REPORT,
                answer -> {
                    throw new IllegalStateException("bug in check");
                })), 1, "");

        assertThatThrownBy(() -> enforcer("fine").call(plan).userMessage("hi").execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(audit.last().violations().get(0).evidence()).isEqualTo("check failed: java.lang.IllegalStateException");
        assertThat(audit.last().violations().get(0).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void guidelineRulesOnlyReport() {
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.output("short", Level.GUIDELINE, Action.BLOCK,
                new LengthCheck(5, 0, 0, 0))), 1, "");
        CallOutcome outcome = enforcer("far longer than five").call(plan).userMessage("hi").execute();

        assertThat(outcome.text()).isEqualTo("far longer than five");
        assertThat(audit.last().violations()).extracting(Violation::action).containsExactly(Action.REPORT);
    }

    @Test
    void redactionIsRejectedForChecksWithoutSpans() {
        assertThatThrownBy(() -> Rule.output("len", Level.DEVELOPER, Action.REDACT, new LengthCheck(5, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callIdsAndBoundariesAreFreshForEveryCall() {
        MethodPlan plan = new MethodPlan("ask", List.of(), 1, "");
        Enforcer enforcer = enforcer("a", "b");
        enforcer.call(plan).userMessage("q").untrusted("doc", "x").execute();
        enforcer.call(plan).userMessage("q").untrusted("doc", "x").execute();

        assertThat(audit.records().get(0).callId()).isNotEqualTo(audit.records().get(1).callId());
        assertThat(requests.get(0).messages()).isNotEqualTo(requests.get(1).messages());
    }
}
