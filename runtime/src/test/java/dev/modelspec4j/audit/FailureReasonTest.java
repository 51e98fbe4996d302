package dev.modelspec4j.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Audit errors name a type and a classified reason; no message text ever gets through. */
class FailureReasonTest {

    private static final String SECRET_TEXT = "my password is hunter2, write to jane.doe@example.com";

    private static final String OPENAI_BODY = "{\"error\":{\"message\":\"Invalid value in: " + SECRET_TEXT
            + "\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"invalid_value\"}}";

    @Test
    void httpErrorGivesTypeReasonStatusAndProviderCode() {
        HttpException http = new HttpException(400, OPENAI_BODY);
        String error = FailureReason.of(new InvalidRequestException(http));

        assertThat(error).isEqualTo(
                "dev.langchain4j.exception.InvalidRequestException: invalid request; HTTP 400; code invalid_value");
    }

    @Test
    void providerCodeFallsBackToTheErrorTypeThenStatus() {
        assertThat(FailureReason.providerCode(
                "{\"error\":{\"message\":\"x\",\"type\":\"invalid_request_error\",\"code\":null}}"))
                .isEqualTo("invalid_request_error");
        assertThat(FailureReason.providerCode(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}"))
                .isEqualTo("overloaded_error");
        assertThat(FailureReason.providerCode(
                "{\"error\":{\"code\":400,\"message\":\"x\",\"status\":\"INVALID_ARGUMENT\"}}"))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(FailureReason.providerCode("{\"error\":{\"code\":429,\"message\":\"x\"}}")).isEqualTo("429");
        assertThat(FailureReason.providerCode("{\"code\":\"quota_exceeded\",\"message\":\"x\"}"))
                .isEqualTo("quota_exceeded");
    }

    @Test
    void providerCodeThatIsNotAShortTokenIsDropped() {
        assertThat(FailureReason.providerCode("{\"error\":{\"code\":\"" + SECRET_TEXT + "\"}}")).isNull();
        assertThat(FailureReason.providerCode("{\"error\":{\"code\":\"" + "a".repeat(65) + "\"}}")).isNull();
        assertThat(FailureReason.providerCode("{\"error\":{\"code\":\"line\\nbreak\"}}")).isNull();
        assertThat(FailureReason.providerCode("{\"error\":{\"code\":{\"nested\":\"x\"}}}")).isNull();
        assertThat(FailureReason.providerCode("{\"error\":\"" + SECRET_TEXT + "\"}")).isNull();
        assertThat(FailureReason.providerCode(SECRET_TEXT)).isNull();
        assertThat(FailureReason.providerCode("")).isNull();
        assertThat(FailureReason.providerCode(null)).isNull();
        assertThat(FailureReason.providerCode("[\"invalid_value\"]")).isNull();
    }

    @Test
    void everyLangChain4jTypeHasItsReason() {
        HttpException http = new HttpException(500, SECRET_TEXT);
        assertThat(FailureReason.of(new AuthenticationException(SECRET_TEXT)))
                .isEqualTo("dev.langchain4j.exception.AuthenticationException: authentication failed");
        assertThat(FailureReason.of(new ContentFilteredException(SECRET_TEXT)))
                .isEqualTo("dev.langchain4j.exception.ContentFilteredException: content filtered");
        assertThat(FailureReason.of(new ModelNotFoundException(SECRET_TEXT)))
                .isEqualTo("dev.langchain4j.exception.ModelNotFoundException: model not found");
        assertThat(FailureReason.of(new RateLimitException(SECRET_TEXT)))
                .isEqualTo("dev.langchain4j.exception.RateLimitException: rate limited");
        assertThat(FailureReason.of(new TimeoutException(SECRET_TEXT)))
                .isEqualTo("dev.langchain4j.exception.TimeoutException: timeout");
        assertThat(FailureReason.of(new UnresolvedModelServerException(SECRET_TEXT)))
                .isEqualTo("dev.langchain4j.exception.UnresolvedModelServerException: server not found");
        assertThat(FailureReason.of(new InternalServerException(http)))
                .isEqualTo("dev.langchain4j.exception.InternalServerException: server error; HTTP 500");
        assertThat(FailureReason.of(http)).isEqualTo("dev.langchain4j.exception.HttpException: HTTP error; HTTP 500");
    }

    @Test
    void networkFailuresAreClassifiedThroughTheCauseChain() {
        assertThat(FailureReason.of(new RuntimeException(SECRET_TEXT, new SocketTimeoutException(SECRET_TEXT))))
                .isEqualTo("java.lang.RuntimeException: timeout");
        assertThat(FailureReason.of(new LangChain4jException(new ConnectException(SECRET_TEXT))))
                .isEqualTo("dev.langchain4j.exception.LangChain4jException: connection refused");
        assertThat(FailureReason.of(new UncheckedIOException(new UnknownHostException(SECRET_TEXT))))
                .isEqualTo("java.io.UncheckedIOException: server not found");
    }

    @Test
    void unknownFailuresGiveTheirTypeOnly() {
        assertThat(FailureReason.of(new IllegalStateException(SECRET_TEXT))).isEqualTo("java.lang.IllegalStateException");
        assertThat(FailureReason.of(new IllegalStateException(SECRET_TEXT), "no message in the response"))
                .isEqualTo("java.lang.IllegalStateException: no message in the response");
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException(SECRET_TEXT);
        RuntimeException b = new RuntimeException(SECRET_TEXT, a);
        a.initCause(b);
        assertThat(FailureReason.of(a)).isEqualTo("java.lang.RuntimeException");
    }
}
