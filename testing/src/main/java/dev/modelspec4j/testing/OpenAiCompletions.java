package dev.modelspec4j.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bodies of OpenAI chat-completion responses, for tests that run LangChain4j's real {@code OpenAiChatModel} (or
 * {@code OpenAiStreamingChatModel}) against a local HTTP server.
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

    /**
     * A streamed answer as OpenAI sends it with {@code "stream": true}: server-sent events of
     * {@code chat.completion.chunk}s, one per token, then finish reason {@code stop} and {@code [DONE]}.
     */
    public static String stream(String model, java.util.List<String> tokens) {
        StringBuilder events = new StringBuilder(event(model, "", null));
        for (String token : tokens) {
            events.append(event(model, token, null));
        }
        return events.append(event(model, null, "stop")).append("data: [DONE]\n\n").toString();
    }

    private static String event(String model, String content, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode choice = choice(chunk, "chat.completion.chunk", model);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + json(chunk) + "\n\n";
    }

    private static ObjectNode completion(String model, String finishReason) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode choice = choice(body, "chat.completion", model);
        choice.putObject("message").put("role", "assistant");
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", 12).put("total_tokens", 54);
        return body;
    }

    /** Fills in the fields every response of {@code object} has; returns its one choice. */
    private static ObjectNode choice(ObjectNode body, String object, String model) {
        body.put("id", "chatcmpl-1");
        body.put("object", object);
        body.put("created", 1_764_000_000L);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        return choice;
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
