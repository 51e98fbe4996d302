package dev.modelspec4j.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.audit.AuditJson;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.secrets.SecretsCheck;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** @Pii and @Secrets in the engine: what the model sees, what the user gets, what memory and audit keep. */
class PrivacyCallTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";

    private final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<Function<ChatRequest, String>> script = new ArrayDeque<>();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();

    private Enforcer enforcer() {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from(script.removeFirst().apply(request))).build();
            }
        };
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), model,
                id -> MessageWindowChatMemory.builder().id(id).maxMessages(20).chatMemoryStore(store).build(),
                audit, Clock.systemUTC(), null);
    }

    private static MethodPlan plan(PiiMode input, PiiMode output, Rule... rules) {
        return new MethodPlan("ask", List.of(rules), 1, "",
                new PrivacyPlan("ask.pii", Level.ROOT, PiiDetector.all(), input, output));
    }

    private static String userText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        return ((UserMessage) messages.get(messages.size() - 1)).singleText();
    }

    @Test
    void pseudonymsGoToTheModelAndOriginalsComeBack() {
        script.add(request -> "I wrote to [EMAIL_1] about the card [CREDIT_CARD_1].");
        Enforcer enforcer = enforcer();
        String answer = enforcer.call(plan(PiiMode.PSEUDONYMIZE, PiiMode.PSEUDONYMIZE)).memoryId("m1")
                .userMessage("Mail " + EMAIL + " about card " + CARD + ", and cc " + EMAIL)
                .untrusted("note", "from " + EMAIL)
                .execute().text();

        String sent = userText(requests.get(0));
        assertThat(sent).doesNotContain(EMAIL).doesNotContain("4111")
                .contains("Mail [EMAIL_1] about card [CREDIT_CARD_1], and cc [EMAIL_1]")
                .contains("from [EMAIL_1]");
        assertThat(answer).isEqualTo("I wrote to " + EMAIL + " about the card " + CARD + ".");
        AuditRecord record = audit.last();
        // the card's digits, not "4111" alone: a call id or timestamp may hold those four by chance
        assertThat(AuditJson.toJson(record)).doesNotContain(EMAIL).doesNotContain("4111 1111")
                .doesNotContain("4111111111111111").contains("[EMAIL_1]");
        assertThat(record.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void memoryKeepsOriginalsAndIsPseudonymisedConsistentlyOnTheNextCall() {
        script.add(request -> "Noted.");
        script.add(request -> "Yes, [EMAIL_1].");
        Enforcer enforcer = enforcer();
        MethodPlan plan = plan(PiiMode.PSEUDONYMIZE, PiiMode.PSEUDONYMIZE);
        enforcer.call(plan).memoryId("m2").userMessage("My address is " + EMAIL).execute();
        String answer = enforcer.call(plan).memoryId("m2").userMessage("Is it still " + EMAIL + "?").execute().text();

        List<ChatMessage> second = requests.get(1).messages();
        assertThat(second.toString()).doesNotContain(EMAIL);
        assertThat(((UserMessage) second.get(0)).singleText()).isEqualTo("My address is [EMAIL_1]");
        assertThat(userText(requests.get(1))).isEqualTo("Is it still [EMAIL_1]?");
        assertThat(answer).isEqualTo("Yes, " + EMAIL + ".");
        assertThat(store.getMessages("m2").get(0)).isEqualTo(UserMessage.from("My address is " + EMAIL));
    }

    @Test
    void personalDataTheModelMadeUpIsMasked() {
        script.add(request -> "Contact [EMAIL_1] or boss@example.org.");
        String answer = enforcer().call(plan(PiiMode.PSEUDONYMIZE, PiiMode.PSEUDONYMIZE))
                .userMessage("Who is " + EMAIL + "?").execute().text();
        assertThat(answer).isEqualTo("Contact " + EMAIL + " or [EMAIL].");
    }

    @Test
    void maskedInputAndOutput() {
        script.add(request -> "Your card " + CARD + " is fine.");
        CallOutcome outcome = enforcer().call(plan(PiiMode.MASK, PiiMode.MASK))
                .userMessage("Is " + CARD + " valid?").execute();

        assertThat(userText(requests.get(0))).isEqualTo("Is [CREDIT_CARD] valid?");
        assertThat(outcome.text()).isEqualTo("Your card [CREDIT_CARD] is fine.");
        assertThat(outcome.outcome()).isEqualTo(Outcome.REDACTED);
        assertThat(audit.last().violations()).extracting(Violation::phase, Violation::evidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Violation.Phase.INPUT, "mask: [CREDIT_CARD]"),
                org.assertj.core.groups.Tuple.tuple(Violation.Phase.OUTPUT, "mask: [CREDIT_CARD]"));
    }

    @Test
    void blockedInputNeverReachesTheModel() {
        assertThatThrownBy(() -> enforcer().call(plan(PiiMode.BLOCK, PiiMode.MASK))
                        .userMessage("My SSN is 078-05-1120 and mail " + EMAIL).execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(requests).isEmpty();
        assertThat(AuditJson.toJson(audit.last())).doesNotContain(EMAIL);
    }

    @Test
    void obfuscatedValuesAreStillCaught() {
        script.add(request -> "ok");
        enforcer().call(plan(PiiMode.MASK, PiiMode.MASK))
                .userMessage("card \uFF14\uFF11\uFF11\uFF11\u200B 1111 1111 1111 please").execute();
        assertThat(userText(requests.get(0))).isEqualTo("card [CREDIT_CARD] please");
    }

    @Test
    void secretsAreRedactedBeforeTheModelAndBlockedOnTheWayBack() {
        Rule in = Rule.input("secrets", Level.ROOT, Action.REDACT, SecretsCheck.defaults());
        Rule out = Rule.output("secrets", Level.ROOT, Action.BLOCK, SecretsCheck.defaults());
        script.add(request -> "Use ghp_" + "a".repeat(4) + "B1c2D3e4F5g6H7i8J9k0L1m2N3o4P5q6R7s8 instead.");
        Enforcer enforcer = enforcer();

        assertThatThrownBy(() -> enforcer.call(new MethodPlan("ask", List.of(in, out), 1, ""))
                        .userMessage("my key is AKIAIOSFODNN7EXAMPLE, why does it fail?").execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(userText(requests.get(0))).doesNotContain("AKIA").contains("[REDACTED]");
        assertThat(AuditJson.toJson(audit.last())).doesNotContain("AKIA").doesNotContain("ghp_");
    }

    @Test
    void personalDataInTheInstructionsIsPseudonymisedToo() {
        script.add(request -> "Hello [EMAIL_1].");
        String answer = enforcer().call(plan(PiiMode.PSEUDONYMIZE, PiiMode.PSEUDONYMIZE))
                .systemMessage("The customer's e-mail is " + EMAIL + ".")
                .userMessage("Greet me, " + EMAIL).execute().text();

        assertThat(requests.get(0).messages().toString()).doesNotContain(EMAIL);
        assertThat(((dev.langchain4j.data.message.SystemMessage) requests.get(0).messages().get(0)).text())
                .isEqualTo("The customer's e-mail is [EMAIL_1].");
        assertThat(userText(requests.get(0))).isEqualTo("Greet me, [EMAIL_1]");
        assertThat(answer).isEqualTo("Hello " + EMAIL + ".");
    }
}
