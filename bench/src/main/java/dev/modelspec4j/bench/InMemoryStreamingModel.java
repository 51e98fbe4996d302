package dev.modelspec4j.bench;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.modelspec4j.testing.CancellableHandle;
import java.util.List;

/** Sends the same answer, in fixed chunks, on the calling thread; honours cancellation. Keeps nothing. */
final class InMemoryStreamingModel implements StreamingChatModel {

    private final List<String> chunks;
    private final ChatResponse response;

    InMemoryStreamingModel(List<String> chunks) {
        this.chunks = List.copyOf(chunks);
        this.response = ChatResponse.builder().aiMessage(AiMessage.from(String.join("", chunks))).build();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        CancellableHandle handle = new CancellableHandle();
        PartialResponseContext context = new PartialResponseContext(handle);
        for (String chunk : chunks) {
            if (handle.isCancelled()) {
                return;
            }
            handler.onPartialResponse(new PartialResponse(chunk), context);
        }
        if (!handle.isCancelled()) {
            handler.onCompleteResponse(response);
        }
    }

}
