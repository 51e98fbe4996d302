package dev.modelspec4j.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.moderation.Moderation;
import dev.langchain4j.model.moderation.ModerationModel;
import dev.langchain4j.model.moderation.ModerationRequest;
import dev.langchain4j.model.moderation.ModerationResponse;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.ModerationCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contents of the user message: where the text goes, which parts the input rules judge. */
class ContentCallTest {

    private static final ImageContent PHOTO = ImageContent.from("https://img.example.com/photo.png");

    private final List<ChatRequest> requests = new ArrayList<>();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private Enforcer enforcer() {
        return enforcer(null);
    }

    private Enforcer enforcer(ModerationModel moderation) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
            }
        };
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), model, null, moderation, null,
                audit, Clock.systemUTC(), null);
    }

    private static final InputCheck NO_SECRETS = (text, part) -> text.contains("hunter2")
            ? List.of(Finding.of("secret in input", "a password in the " + part.name().toLowerCase()))
            : List.of();

    private UserMessage sent() {
        return (UserMessage) requests.get(requests.size() - 1).messages().get(0);
    }

    @Test
    void theTextGoesAmongTheContentsWhereItWasGiven() {
        MethodPlan plan = new MethodPlan("ask", List.of(), 1, "");
        enforcer().call(plan).content(PHOTO).userMessage("What is this?").content(List.of(PHOTO))
                .userName("ann").execute();

        assertThat(sent().contents()).containsExactly(PHOTO, TextContent.from("What is this?"), PHOTO);
        assertThat(sent().name()).isEqualTo("ann");
    }

    @Test
    void withoutContentsTheMessageIsItsTextAlone() {
        enforcer().call(new MethodPlan("ask", List.of(), 1, "")).userMessage("Hi").userName("ann").execute();

        assertThat(sent().hasSingleText()).isTrue();
        assertThat(sent().singleText()).isEqualTo("Hi");
        assertThat(sent().name()).isEqualTo("ann");
    }

    @Test
    void aTextContentIsJudgedAsTheUsersInput() {
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.input("secrets", Level.ROOT, Action.BLOCK, NO_SECRETS)),
                1, "");
        assertThatThrownBy(() -> enforcer().call(plan)
                .content(List.of(PHOTO, TextContent.from("pw hunter2"))).untrusted("doc", "nothing").execute())
                .isInstanceOf(SpecViolationException.class);
        assertThat(requests).isEmpty();
        assertThat(audit.last().violations()).extracting(Violation::evidence)
                .containsExactly("a password in the user");
    }

    @Test
    void somethingThatIsNotAContentIsRejected() {
        Call call = enforcer().call(new MethodPlan("ask", List.of(), 1, ""));
        assertThatThrownBy(() -> call.content("a picture")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ask: a content argument must not be a java.lang.String");
        assertThatThrownBy(() -> call.content(List.of("a picture"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ask: a list of contents holds a java.lang.String");
        assertThatThrownBy(() -> call.userName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTextIsModerated() {
        List<String> moderated = new ArrayList<>();
        ModerationModel moderation = new ModerationModel() {
            @Override
            public ModerationResponse doModerate(ModerationRequest request) {
                moderated.addAll(request.texts());
                return ModerationResponse.builder().moderation(Moderation.notFlagged()).build();
            }
        };
        MethodPlan plan = new MethodPlan("ask", List.of(Rule.input("moderate", Level.DEVELOPER, Action.BLOCK,
                ModerationCheck.INSTANCE)), 1, "");

        enforcer(moderation).call(plan).content(List.of(PHOTO, TextContent.from("Is this safe?"))).execute();

        assertThat(moderated).containsExactly("Is this safe?");
        assertThat(requests).hasSize(1);
    }
}
