package dev.modelspec4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

class ScriptedChatModelTest {

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(SystemMessage.from("be brief"), UserMessage.from(text)).build();
    }

    @Test
    void answersInOrderAndRecordsRequests() {
        ScriptedChatModel model = ScriptedChatModel.builder()
                .reply("one")
                .reply(request -> "echo " + ScriptedChatModel.lastUserText(request))
                .build();

        assertThat(model.chat(ask("a")).aiMessage().text()).isEqualTo("one");
        assertThat(model.chat(ask("b")).aiMessage().text()).isEqualTo("echo b");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(ScriptedChatModel.systemText(model.lastRequest())).isEqualTo("be brief");
        assertThat(ScriptedChatModel.lastUserText(model.requests().get(0))).isEqualTo("a");
    }

    @Test
    void failsWhenTheScriptRunsOutUnlessTheLastStepRepeats() {
        ScriptedChatModel once = ScriptedChatModel.answering("only");
        once.chat(ask("a"));
        assertThatThrownBy(() -> once.chat(ask("b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no answer for request #2");

        ScriptedChatModel repeating = ScriptedChatModel.builder().reply("same").repeatLast().build();
        repeating.chat(ask("a"));
        assertThat(repeating.chat(ask("b")).aiMessage().text()).isEqualTo("same");
    }

    @Test
    void scriptedFailuresAreThrown() {
        ScriptedChatModel model = ScriptedChatModel.builder().fail(new RuntimeException("provider down")).build();
        assertThatThrownBy(() -> model.chat(ask("a"))).hasMessage("provider down");
    }

    @Test
    void listenerSeesEveryRequest() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        ScriptedChatModel model = ScriptedChatModel.builder()
                .onRequest(request -> seen.add(ScriptedChatModel.lastUserText(request)))
                .reply("x").repeatLast().build();
        model.chat(ask("a"));
        model.chat(ask("b"));
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void scriptsFinishReasonsMessagesAndToolRequests() {
        ScriptedChatModel model = ScriptedChatModel.builder()
                .reply("cut o", FinishReason.LENGTH)
                .reply(AiMessage.builder().build(), null)
                .requestTools("get_weather", "book_flight")
                .build();

        var cut = model.chat(ask("a"));
        assertThat(cut.aiMessage().text()).isEqualTo("cut o");
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        var empty = model.chat(ask("b"));
        assertThat(empty.aiMessage().text()).isNull();
        assertThat(empty.finishReason()).isNull();
        var tools = model.chat(ask("c"));
        assertThat(tools.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(tools.aiMessage().toolExecutionRequests())
                .extracting(ToolExecutionRequest::name)
                .containsExactly("get_weather", "book_flight");
    }
}
