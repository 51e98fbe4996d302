package dev.modelspec4j.bench;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * A {@code ChatModel} that answers at once with the same {@code ChatResponse}; it remembers the last request so
 * that the benchmark can check that every variant sent the same messages.
 */
final class InstantChatModel implements ChatModel {

    static final String ANSWER = "Unplug the router for ten seconds, plug it back in and wait until the light"
            + " turns green. If the connection still drops in the evening, switch the Wi-Fi channel to 36 in the"
            + " admin page and restart the router once more.";

    private final ChatResponse response;
    private volatile ChatRequest lastRequest;
    private final boolean remember;

    InstantChatModel(String answer, boolean remember) {
        this.response = ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
        this.remember = remember;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (remember) {
            lastRequest = request;
        }
        return response;
    }

    ChatRequest lastRequest() {
        return lastRequest;
    }
}
