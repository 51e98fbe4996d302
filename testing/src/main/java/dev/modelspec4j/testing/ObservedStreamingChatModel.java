package dev.modelspec4j.testing;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A {@link StreamingChatModel} that forwards to another and shows an observer each partial response, with its
 * context (and so the provider's {@code StreamingHandle}), right after the caller's handler has seen it: for
 * tests that measure what a guarded stream holds back, or check that it cancelled the provider's request.
 */
public final class ObservedStreamingChatModel implements StreamingChatModel {

    private final StreamingChatModel delegate;
    private final BiConsumer<PartialResponse, PartialResponseContext> observer;

    public ObservedStreamingChatModel(StreamingChatModel delegate,
            BiConsumer<PartialResponse, PartialResponseContext> observer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        delegate.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handler.onPartialResponse(partial, context);
                observer.accept(partial, context);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                handler.onCompleteResponse(response);
            }

            @Override
            public void onError(Throwable error) {
                handler.onError(error);
            }
        });
    }
}
