package dev.modelspec4j.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The streaming counterpart of {@link ScriptedChatModel}: answers from a script, in order, split into chunks,
 * and records every request. Chunks are sent on the calling thread through
 * {@code onPartialResponse(PartialResponse, PartialResponseContext)}, each with a {@link StreamingHandle}; once
 * the handle is cancelled no further chunk, completion or error is sent, as with a provider whose connection
 * was closed. Thread-safe.
 *
 * <pre>{@code
 * ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
 *         .chunkSize(4)
 *         .reply("An answer sent four characters at a time.")
 *         .reply(List.of("Chunks ", "as ", "written."))
 *         .failAfter(List.of("Half an ans"), new RuntimeException("connection reset"))
 *         .reply(List.of("Cut ", "off"), FinishReason.LENGTH)
 *         .stallAfter(List.of("Then nothing ", "more"))
 *         .build();
 * }</pre>
 *
 * Answers complete with finish reason {@code STOP} unless the script gives another.
 */
public final class ScriptedStreamingChatModel implements StreamingChatModel {

    private final List<Step> script;
    private final int chunkSize;
    private final boolean repeatLast;
    private final RequestLog requests = new RequestLog("ScriptedStreamingChatModel");
    private final List<Handle> handles = new ArrayList<>();
    private int next;

    private ScriptedStreamingChatModel(Builder builder) {
        this.script = List.copyOf(builder.script);
        this.chunkSize = builder.chunkSize;
        this.repeatLast = builder.repeatLast;
    }

    /** A model giving {@code answers} in order, in chunks of 5 characters. */
    public static ScriptedStreamingChatModel answering(String... answers) {
        Builder builder = builder();
        for (String answer : answers) {
            builder.reply(answer);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        Step step;
        Handle handle = new Handle();
        synchronized (this) {
            requests.add(request);
            handles.add(handle);
            if (next < script.size()) {
                step = script.get(next++);
            } else if (repeatLast && !script.isEmpty()) {
                step = script.get(script.size() - 1);
            } else {
                throw new IllegalStateException("ScriptedStreamingChatModel: the script has no answer for request #"
                        + requests.count() + " (it has " + script.size() + ")");
            }
        }
        List<String> chunks = step.chunks == null ? split(step.text, chunkSize) : step.chunks;
        StringBuilder text = new StringBuilder();
        for (String chunk : chunks) {
            if (handle.isCancelled()) {
                return;
            }
            text.append(chunk);
            handle.sent++;
            handler.onPartialResponse(new PartialResponse(chunk), new PartialResponseContext(handle.cancellation));
        }
        if (handle.isCancelled()) {
            return;
        }
        if (step.stall) {
            return; // neither completes nor fails: the stream stays open, silent, until cancelled
        }
        if (step.failure != null) {
            handler.onError(step.failure);
            return;
        }
        handler.onCompleteResponse(ChatResponse.builder()
                .aiMessage(step.message != null ? step.message : AiMessage.from(text.toString()))
                .modelName("scripted")
                .tokenUsage(new TokenUsage(1, Math.max(1, text.length() / 4)))
                .finishReason(step.finishReason)
                .build());
    }

    /** {@code text} in pieces of {@code size} characters, never splitting a surrogate pair. */
    public static List<String> split(String text, int size) {
        List<String> chunks = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) && end - 1 > at) {
                end--;
            }
            chunks.add(text.substring(at, end));
            at = end;
        }
        return chunks;
    }

    /** Every request received so far, in order. */
    public List<ChatRequest> requests() {
        return requests.all();
    }

    /** The last request received. */
    public ChatRequest lastRequest() {
        return requests.last();
    }

    /** How many requests were received. */
    public int requestCount() {
        return requests.count();
    }

    /** Whether the stream of request {@code index} (from 0) was cancelled. */
    public synchronized boolean cancelled(int index) {
        return handles.get(index).isCancelled();
    }

    /** How many chunks the stream of request {@code index} (from 0) sent. */
    public synchronized int chunksSent(int index) {
        return handles.get(index).sent;
    }

    private record Step(String text, List<String> chunks, RuntimeException failure, FinishReason finishReason,
            AiMessage message, boolean stall) {

        Step(String text, List<String> chunks, RuntimeException failure) {
            this(text, chunks, failure, FinishReason.STOP, null, false);
        }
    }

    /** A stream's handle, counting the chunks sent. */
    private static final class Handle {

        private final CancellableHandle cancellation = new CancellableHandle();
        private volatile int sent;

        boolean isCancelled() {
            return cancellation.isCancelled();
        }
    }

    /** Builds a script. */
    public static final class Builder {

        private final List<Step> script = new ArrayList<>();
        private int chunkSize = 5;
        private boolean repeatLast;

        private Builder() {
        }

        /** How many characters each chunk of a {@link #reply(String)} has; 5 by default. */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunkSize must be positive");
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /** The next answer, in chunks of {@link #chunkSize(int)} characters. */
        public Builder reply(String answer) {
            script.add(new Step(Objects.requireNonNull(answer, "answer"), null, null));
            return this;
        }

        /** The next answer, in exactly these chunks. */
        public Builder reply(List<String> chunks) {
            script.add(new Step(null, List.copyOf(chunks), null));
            return this;
        }

        /**
         * The next answer, in exactly these chunks, completing with {@code finishReason} (null: none reported),
         * e.g. {@code LENGTH} or {@code CONTENT_FILTER}.
         */
        public Builder reply(List<String> chunks, FinishReason finishReason) {
            script.add(new Step(null, List.copyOf(chunks), null, finishReason, null, false));
            return this;
        }

        /**
         * The next stream sends no text and completes with a message asking to run the tools named (empty
         * arguments), finish reason {@code TOOL_EXECUTION}.
         */
        public Builder requestTools(String... toolNames) {
            script.add(new Step(null, List.of(), null, FinishReason.TOOL_EXECUTION,
                    ScriptedChatModel.toolRequests(toolNames), false));
            return this;
        }

        /**
         * The next stream sends {@code chunks}, then nothing more: it neither completes nor fails, as a provider
         * whose connection hangs. Its handle shows whether it was cancelled.
         */
        public Builder stallAfter(List<String> chunks) {
            script.add(new Step(null, List.copyOf(chunks), null, FinishReason.STOP, null, true));
            return this;
        }

        /** The next stream sends {@code chunks}, then fails with {@code failure}. */
        public Builder failAfter(List<String> chunks, RuntimeException failure) {
            script.add(new Step(null, List.copyOf(chunks), Objects.requireNonNull(failure, "failure")));
            return this;
        }

        /** Once the script is used up, keep giving its last step. */
        public Builder repeatLast() {
            this.repeatLast = true;
            return this;
        }

        public ScriptedStreamingChatModel build() {
            return new ScriptedStreamingChatModel(this);
        }
    }
}
