package dev.modelspec4j.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the {@code error} of an {@link dev.modelspec4j.AuditRecord} says about a failure: the exception's type
 * and a reason classified from the exceptions in its cause chain, never their messages. A provider's error
 * message may repeat the request it rejected (the user's text, personal data, secrets), so it stays out of the
 * audit trail; the caller still gets the exception itself.
 *
 * <p>The form is {@code <type>} alone when nothing is recognised, else {@code <type>: <reason>[; HTTP
 * <status>][; code <code>]}, e.g. {@code dev.langchain4j.exception.InvalidRequestException: invalid request;
 * HTTP 400; code invalid_api_key}. The reason comes from a fixed vocabulary (LangChain4j's exception types, the
 * JDK's network exceptions); the status from LangChain4j's {@link HttpException}; the code from the error body
 * of that exception when it is JSON with an {@code error.code}, {@code error.type} or {@code error.status}
 * (OpenAI, Anthropic, Google and compatible servers) or a top-level {@code code}, and only when that value is a
 * short token of letters, digits, {@code _ . -}.
 */
public final class FailureReason {

    /** A provider's error code is recorded only when it looks like one: a short token, never free text. */
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** Bodies longer than this are not read for a code: error bodies are small, echoes of requests are not. */
    private static final int MAX_BODY = 64 * 1024;

    /** How far down the cause chain to look. */
    private static final int MAX_DEPTH = 16;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private FailureReason() {
    }

    /** The {@code error} of an audit record for {@code failure}. */
    public static String of(Throwable failure) {
        return of(failure, null);
    }

    /**
     * The {@code error} of an audit record for {@code failure}, with {@code engineReason}, a fixed phrase of the
     * engine's own, when the chain gives no reason.
     */
    public static String of(Throwable failure, String engineReason) {
        String type = failure.getClass().getName();
        String reason = null;
        HttpException http = null;
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.add(t); t = t.getCause(), depth++) {
            if (reason == null) {
                reason = reason(t);
            }
            if (http == null && t instanceof HttpException h) {
                http = h;
            }
        }
        if (reason == null && http != null) {
            reason = "HTTP error";
        }
        if (reason == null) {
            reason = engineReason;
        }
        if (reason == null) {
            return type;
        }
        StringBuilder error = new StringBuilder(type).append(": ").append(reason);
        if (http != null) {
            error.append("; HTTP ").append(http.statusCode());
            String code = providerCode(http.getMessage());
            if (code != null) {
                error.append("; code ").append(code);
            }
        }
        return error.toString();
    }

    /** The reason one exception's type gives, or null. Subtypes come before their supertypes. */
    private static String reason(Throwable t) {
        if (t instanceof ContentFilteredException) {
            return "content filtered";
        }
        if (t instanceof AuthenticationException) {
            return "authentication failed";
        }
        if (t instanceof ModelNotFoundException) {
            return "model not found";
        }
        if (t instanceof InvalidRequestException) {
            return "invalid request";
        }
        if (t instanceof RateLimitException) {
            return "rate limited";
        }
        if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException
                || t instanceof InterruptedIOException) {
            // java.net.SocketTimeoutException and java.net.http.HttpTimeoutException are InterruptedIOExceptions.
            return "timeout";
        }
        if (t instanceof InternalServerException) {
            return "server error";
        }
        if (t instanceof UnresolvedModelServerException || t instanceof UnknownHostException
                || t instanceof UnresolvedAddressException) {
            return "server not found";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof IOException) {
            return "I/O error";
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        return null;
    }

    /**
     * The provider's error code in an HTTP error body, or null: the first safe token among {@code error.code},
     * {@code error.type}, {@code error.status} and a top-level {@code code}, text before numbers (a numeric code
     * mostly repeats the HTTP status).
     */
    static String providerCode(String body) {
        if (body == null || body.isEmpty() || body.length() > MAX_BODY) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null; // not JSON: no code
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode error = root.path("error");
        JsonNode[] candidates = {error.get("code"), error.get("type"), error.get("status"), root.get("code")};
        for (boolean numbers : new boolean[] {false, true}) {
            for (JsonNode candidate : candidates) {
                String code = token(candidate, numbers);
                if (code != null) {
                    return code;
                }
            }
        }
        return null;
    }

    private static String token(JsonNode node, boolean numbers) {
        if (node == null || !(numbers ? node.isIntegralNumber() : node.isTextual())) {
            return null;
        }
        String value = node.asText();
        return SAFE_CODE.matcher(value).matches() ? value : null;
    }
}
