package dev.modelspec4j.enforce;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.modelspec4j.AuditSink;
import java.time.Clock;
import java.util.List;

/** Engines over a chat model that gives scripted answers in turn, for tests of the engine on its own. */
final class ScriptedEnforcer {

    private ScriptedEnforcer() {
    }

    /** An engine whose model records each request in {@code requests} and gives {@code answers} in turn. */
    static Enforcer of(List<ChatRequest> requests, AuditSink audit, String... answers) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from(answers[requests.size() - 1])).build();
            }
        };
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), model, null, audit,
                Clock.systemUTC(), null);
    }
}
