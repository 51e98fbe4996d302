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
        return body(model, content, "stop");
    }

    /** A completed answer with {@code content} and {@code finishReason}: {@code length}, {@code content_filter}, ... */
    public static String body(String model, String content, String finishReason) {
        ObjectNode body = completion(model, finishReason);
        message(body).put("content", content);
        return json(body);
    }

    /** A refusal as OpenAI sends it: no content, the {@code refusal} field set. */
    public static String refusal(String model, String refusal) {
        ObjectNode body = completion(model, "stop");
        message(body).putNull("content");
        message(body).put("refusal", refusal);
        return json(body);
    }

    /** A request to run the tools named, with empty arguments, and finish reason {@code tool_calls}. */
    public static String toolCalls(String model, String... toolNames) {
        ObjectNode body = completion(model, "tool_calls");
        ObjectNode message = message(body);
        message.putNull("content");
        var calls = message.putArray("tool_calls");
        for (int i = 0; i < toolNames.length; i++) {
            ObjectNode call = calls.addObject();
            call.put("id", "call_" + (i + 1));
            call.put("type", "function");
            call.putObject("function").put("name", toolNames[i]).put("arguments", "{}");
        }
        return json(body);
    }

    private static ObjectNode completion(String model, String finishReason) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1");
        body.put("object", "chat.completion");
        body.put("created", 1_764_000_000L);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant");
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", 12).put("total_tokens", 54);
        return body;
    }

    private static ObjectNode message(ObjectNode body) {
        return (ObjectNode) body.get("choices").get(0).get("message");
    }

    private static String json(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
