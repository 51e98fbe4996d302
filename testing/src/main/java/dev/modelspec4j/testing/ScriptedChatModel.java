package dev.modelspec4j.testing;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link ChatModel} that answers from a script, in order, and records every request it receives: the
 * offline stand-in for a real model in tests and samples. Thread-safe.
 *
 * <pre>{@code
 * ScriptedChatModel model = ScriptedChatModel.builder()
 *         .reply("A first answer that is far too long ...")
 *         .reply(request -> "An answer computed from " + ScriptedChatModel.lastUserText(request))
 *         .fail(new RuntimeException("provider down"))
 *         .reply("A cut-off answ", FinishReason.LENGTH)
 *         .requestTools("get_weather")
 *         .build();
 * }</pre>
 *
 * Answers end with finish reason {@code STOP} unless the script gives another.
 *
 * When the script runs out the model throws {@link IllegalStateException}, unless {@link Builder#repeatLast()}
 * was set.
 */
public final class ScriptedChatModel implements ChatModel {

    private final List<Step> script;
    private final boolean repeatLast;
    private final java.util.function.Consumer<ChatRequest> onRequest;
    private final Set<Capability> capabilities;
    private final RequestLog requests = new RequestLog("ScriptedChatModel");
    private int next;

    private ScriptedChatModel(Builder builder) {
        this.script = List.copyOf(builder.script);
        this.repeatLast = builder.repeatLast;
        this.onRequest = builder.onRequest;
        this.capabilities = Set.copyOf(builder.capabilities);
    }

    /** What the script declares, e.g. {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}; none by default. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return capabilities;
    }

    /** A model giving {@code answers} in order. */
    public static ScriptedChatModel answering(String... answers) {
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
    public ChatResponse doChat(ChatRequest request) {
        Step step;
        synchronized (this) {
            requests.add(request);
            if (next < script.size()) {
                step = script.get(next++);
            } else if (repeatLast && !script.isEmpty()) {
                step = script.get(script.size() - 1);
            } else {
                throw new IllegalStateException("ScriptedChatModel: the script has no answer for request #"
                        + requests.count() + " (it has " + script.size() + ")");
            }
        }
        onRequest.accept(request);
        AiMessage message = step.answer().apply(request);
        return ChatResponse.builder()
                .aiMessage(message)
                .modelName("scripted")
                .tokenUsage(new TokenUsage(approximateTokens(request), approximateTokens(message.text())))
                .finishReason(step.finishReason())
                .build();
    }

    /** One scripted answer: the message and the finish reason it ends with. */
    private record Step(Function<ChatRequest, AiMessage> answer, FinishReason finishReason) {
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

    /** The text of the last user message of {@code request}. */
    public static String lastUserText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return user.singleText();
            }
        }
        return "";
    }

    /** The text of the system message of {@code request}, or empty. */
    public static String systemText(ChatRequest request) {
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage system) {
                return system.text();
            }
        }
        return "";
    }

    private static int approximateTokens(ChatRequest request) {
        int chars = 0;
        for (ChatMessage m : request.messages()) {
            chars += m.toString().length();
        }
        return Math.max(1, chars / 4);
    }

    private static int approximateTokens(String text) {
        return text == null ? 1 : Math.max(1, text.length() / 4);
    }

    /** A message asking to run {@code toolNames}, each with empty arguments, as a tool-calling model sends it. */
    static AiMessage toolRequests(String... toolNames) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        for (String name : toolNames) {
            requests.add(ToolExecutionRequest.builder().id("call_" + (requests.size() + 1)).name(name)
                    .arguments("{}").build());
        }
        return AiMessage.from(requests);
    }

    /** Builds a script. */
    public static final class Builder {

        private final List<Step> script = new ArrayList<>();
        private boolean repeatLast;
        private java.util.function.Consumer<ChatRequest> onRequest = request -> { };
        private final Set<Capability> capabilities = new java.util.HashSet<>();

        private Builder() {
        }

        /** Called with every request, before it is answered: to log what the model is sent. */
        public Builder onRequest(java.util.function.Consumer<ChatRequest> listener) {
            this.onRequest = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Capabilities the model declares, as a real model's builder would (e.g. JSON schema response formats). */
        public Builder supportedCapabilities(Capability... capabilities) {
            this.capabilities.addAll(List.of(capabilities));
            return this;
        }

        /** The next answer. */
        public Builder reply(String answer) {
            return reply(answer, FinishReason.STOP);
        }

        /** The next answer, ending with {@code finishReason} (e.g. {@code LENGTH} for an answer cut off). */
        public Builder reply(String answer, FinishReason finishReason) {
            Objects.requireNonNull(answer, "answer");
            return reply(AiMessage.from(answer), finishReason);
        }

        /**
         * The next answer as a whole message, ending with {@code finishReason} (null: none reported): e.g. a
         * message without text, {@code AiMessage.builder().build()}.
         */
        public Builder reply(AiMessage message, FinishReason finishReason) {
            Objects.requireNonNull(message, "message");
            script.add(new Step(request -> message, finishReason));
            return this;
        }

        /** The next answer, computed from the request. */
        public Builder reply(Function<ChatRequest, String> answer) {
            Objects.requireNonNull(answer, "answer");
            script.add(new Step(request -> AiMessage.from(answer.apply(request)), FinishReason.STOP));
            return this;
        }

        /**
         * The next answer asks to run the tools named (empty arguments, no text), with finish reason
         * {@code TOOL_EXECUTION}, as a model does when it was offered tools, or believes it was.
         */
        public Builder requestTools(String... toolNames) {
            AiMessage message = toolRequests(toolNames);
            script.add(new Step(request -> message, FinishReason.TOOL_EXECUTION));
            return this;
        }

        /** The next request fails with {@code failure}. */
        public Builder fail(RuntimeException failure) {
            Objects.requireNonNull(failure, "failure");
            script.add(new Step(request -> {
                throw failure;
            }, FinishReason.STOP));
            return this;
        }

        /** Once the script is used up, keep giving its last step. */
        public Builder repeatLast() {
            this.repeatLast = true;
            return this;
        }

        public ScriptedChatModel build() {
            return new ScriptedChatModel(this);
        }
    }
}
