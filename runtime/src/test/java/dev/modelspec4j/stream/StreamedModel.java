package dev.modelspec4j.stream;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.enforce.Enforcer;
import dev.modelspec4j.enforce.SpecInfo;
import java.time.Clock;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A streaming model for tests of what reaches the caller: writes the answer that {@code answer} makes of the
 * request's system text, in the given chunks, on the caller's thread, and stops when cancelled. After each
 * chunk it notes how many characters the caller has received ({@link #receivedAfterChunk}).
 */
final class StreamedModel implements StreamingChatModel {

    private final Function<String, String> answer;
    private final Function<String, List<String>> chunking;
    private final StringBuilder caller;
    final List<Integer> receivedAfterChunk = new ArrayList<>();
    String lastAnswer;
    boolean cancelled;

    /**
     * @param answer   the answer, from the system text of the request ("" when it has none)
     * @param chunking how the answer is cut into chunks
     * @param caller   what the caller has received so far
     */
    StreamedModel(Function<String, String> answer, Function<String, List<String>> chunking, StringBuilder caller) {
        this.answer = answer;
        this.chunking = chunking;
        this.caller = caller;
    }

    /** An enforcer that calls this model, with memory in a fresh store and audit records in {@code audit}. */
    Enforcer enforcer(InMemoryAuditSink audit) {
        InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), null, this, null,
                id -> MessageWindowChatMemory.builder().id(id).maxMessages(10).chatMemoryStore(store).build(), audit,
                Clock.systemUTC(), null);
    }

    /** Chunks of {@code size} characters (the last one shorter). */
    static List<String> chunks(String text, int size) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            chunks.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return chunks;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        String system = request.messages().get(0) instanceof SystemMessage s ? s.text() : "";
        lastAnswer = answer.apply(system);
        StreamingHandle handle = new StreamingHandle() {
            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        for (String chunk : chunking.apply(lastAnswer)) {
            if (cancelled) {
                return;
            }
            handler.onPartialResponse(new PartialResponse(chunk), new PartialResponseContext(handle));
            receivedAfterChunk.add(caller.length());
        }
        if (!cancelled) {
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(lastAnswer)).build());
        }
    }
}
