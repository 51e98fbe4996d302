package dev.modelspec4j.processor.model;

/** The return types a guarded method supports, and how the call outcome turns into each. */
public enum ReturnKind {
    STRING("text"),
    AI_MESSAGE("aiMessage"),
    CHAT_RESPONSE("chatResponse"),
    /**
     * A record, enum, collection, {@code Optional}, map, primitive, box or other scalar: structured output, read
     * from JSON (or from the forms AiServices also reads, such as a bare enum constant).
     */
    STRUCTURED("value"),
    /** LangChain4j's {@code Result<T>}: the content (text or structured output) with token usage and finish reason. */
    RESULT("result"),
    /** LangChain4j's {@code TokenStream}: the generated method returns the guarded stream itself. */
    TOKEN_STREAM("stream");

    private final String accessor;

    ReturnKind(String accessor) {
        this.accessor = accessor;
    }

    /** The {@code CallOutcome} method that gives the value returned. */
    public String accessor() {
        return accessor;
    }
}
