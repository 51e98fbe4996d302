package dev.modelspec4j.enforce;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.Result;
import dev.modelspec4j.Outcome;

/**
 * What a completed call gives the generated method to return: the text the caller receives, in the form the
 * method returns. When {@link #needsFallback()} the generated method returns its fallback method's result.
 */
public final class CallOutcome {

    private final Outcome outcome;
    private final String text;
    private final ChatResponse response;
    private final Object value;

    CallOutcome(Outcome outcome, String text, ChatResponse response) {
        this(outcome, text, response, text);
    }

    /** An outcome of a structured-output method: {@code value} is what the method returns. */
    CallOutcome(Outcome outcome, String text, ChatResponse response, Object value) {
        this.outcome = outcome;
        this.text = text;
        this.response = response;
        this.value = value;
    }

    /** How the call ended. */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether the generated method must return its fallback method's result. */
    public boolean needsFallback() {
        return outcome == Outcome.FALLBACK;
    }

    /** The text the caller receives. */
    public String text() {
        return text;
    }

    /**
     * The value the caller receives: for a structured-output method the parsed (and, where rules masked
     * something, masked) value, or the method's empty value after a refusal; otherwise the text.
     */
    @SuppressWarnings("unchecked")
    public <T> T value() {
        return (T) value;
    }

    /**
     * The value as LangChain4j's {@link Result}: content, token usage and finish reason of the last model
     * response, when the model was called.
     */
    public <T> Result<T> result() {
        Result.ResultBuilder<T> result = Result.<T>builder().content(value());
        if (response != null) {
            result.tokenUsage(response.tokenUsage()).finishReason(response.finishReason())
                    .finalResponse(chatResponse());
        }
        return result.build();
    }

    /** The text the caller receives, as an {@link AiMessage}. */
    public AiMessage aiMessage() {
        return AiMessage.from(text);
    }

    /**
     * The text the caller receives, as a {@link ChatResponse} carrying the metadata (token usage, finish
     * reason, model) of the last model response, when the model was called.
     */
    public ChatResponse chatResponse() {
        if (response == null) {
            return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
        }
        return response.toBuilder().aiMessage(AiMessage.from(text)).build();
    }
}
