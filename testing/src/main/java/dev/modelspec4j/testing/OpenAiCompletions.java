package dev.modelspec4j.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bodies of OpenAI chat-completion responses, for tests that run LangChain4j's real {@code OpenAiChatModel}
 * against a local HTTP server.
 */
public final class OpenAiCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiCompletions() {
    }

    /** A completed answer with {@code content}, finish reason {@code stop} and token usage 42 + 12. */
    public static String body(String model, String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1");
        body.put("object", "chat.completion");
        body.put("created", 1_764_000_000L);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", 12).put("total_tokens", 54);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
