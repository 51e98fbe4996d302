package dev.modelspec4j.samples.supportdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.TokenStream;
import dev.modelspec4j.ModelCallException;
import dev.modelspec4j.ModelSpecs;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.UnexpectedReplyException;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.testing.ObservedStreamingChatModel;
import dev.modelspec4j.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * The streamed chat through LangChain4j's real {@link OpenAiStreamingChatModel}, over HTTP, against an
 * OpenAI-compatible server on 127.0.0.1 that answers with server-sent events.
 */
class SupportDeskStreamingOpenAiTest extends LocalServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSAL = "Sorry, I can't help with that. A colleague will contact you.";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final List<StreamingHandle> upstreamHandles = new ArrayList<>();

    private OpenAiStreamingChatModel openAi() {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private SupportAssistant assistant() {
        return SupportDesk.assistant(ScriptedChatModel.answering(), recordingHandles(openAi()), audit);
    }

    /** The OpenAI model, keeping the streaming handle it gives with each partial response. */
    private StreamingChatModel recordingHandles(StreamingChatModel delegate) {
        return new ObservedStreamingChatModel(delegate, (partial, context) -> {
            synchronized (upstreamHandles) {
                upstreamHandles.add(context.streamingHandle());
            }
        });
    }

    /** A new {@code chat.completion.chunk} with one choice; returns the choice. */
    private static ObjectNode choiceOf(ObjectNode chunk) {
        chunk.put("id", "chatcmpl-1");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_764_000_000L);
        chunk.put("model", "gpt-4o-mini");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        return choice;
    }

    private static String event(String content, String finishReason) throws Exception {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode choice = choiceOf(chunk);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
    }

    /** An event stream sending {@code tokens}, then the finish event and {@code [DONE]}. */
    private static String events(List<String> tokens) throws Exception {
        StringBuilder body = new StringBuilder(event("", null));
        for (String token : tokens) {
            body.append(event(token, null));
        }
        return body.append(event(null, "stop")).append("data: [DONE]\n\n").toString();
    }

    private static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : text.split("(?<= )")) {
            tokens.add(word);
        }
        return tokens;
    }

    private static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    /** What the caller saw, with the time of each token. */
    private static final class Caller {
        final List<String> tokens = new ArrayList<>();
        final List<Long> tokenNanos = new ArrayList<>();
        final AtomicReference<ChatResponse> complete = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Caller run(TokenStream stream) throws Exception {
            stream.onPartialResponse(token -> {
                        synchronized (this) {
                            tokens.add(token);
                            tokenNanos.add(System.nanoTime());
                        }
                    })
                    .onCompleteResponse(response -> {
                        complete.set(response);
                        done.complete(System.nanoTime());
                    })
                    .onError(e -> {
                        error.set(e);
                        done.complete(System.nanoTime());
                    })
                    .start();
            done.get(20, TimeUnit.SECONDS);
            return this;
        }

        synchronized String text() {
            return String.join("", tokens);
        }
    }

    @Test
    void tokensStreamOverHttpAndTheRequestAsksForAStream() throws Exception {
        // Longer than the largest hold-back of the method's checks (128 characters, for secrets), so that tokens
        // flow before the answer ends.
        String answer = "Thanks for your message. I have looked at the account, the order history and the device log of your"
                + " router, and here is what I found and what I suggest. " + "A red light means the router lost its connection."
                + " Unplug it for ten seconds, then plug it back in and wait for the green light.";
        server.enqueue(sse(events(words(answer))));

        Caller caller = new Caller().run(assistant().chat("alice", "Red light?", null, "the Acme R2 router"));

        assertThat(caller.error.get()).isNull();
        assertThat(caller.text()).isEqualTo(answer);
        assertThat(caller.tokens.size()).isGreaterThan(5);
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(answer);
        JsonNode request = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(request.get("stream").asBoolean()).isTrue();
        assertThat(request.get("messages").get(1).get("content").asText()).isEqualTo("Red light?");
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aForbiddenPhraseMidStreamCancelsTheRequestAndEndsWithTheRefusal() throws Exception {
        List<String> tokens = words("Refunds take five working days from the day the parcel reaches our warehouse"
                + " in Leeds; our billing team checks every return by hand, and writes to you by e-mail once the"
                + " money is on its way back to your card, and you get a guaranteed refund on every order.");
        for (int i = 0; i < 200; i++) {
            tokens.add("More text that should never be read. ");
        }
        server.enqueue(sse(events(tokens)).throttleBody(2048, 20, TimeUnit.MILLISECONDS));

        Caller caller = new Caller().run(assistant().chat("bob", "Refund?", null, "the Acme R2 router"));

        assertThat(caller.text()).startsWith("Refunds take five").endsWith("\n\n" + REFUSAL)
                .doesNotContain("guaranteed").doesNotContain("More text");
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(caller.text());
        synchronized (upstreamHandles) {
            assertThat(upstreamHandles).isNotEmpty();
            assertThat(upstreamHandles.get(upstreamHandles.size() - 1).isCancelled()).isTrue();
        }
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aDroppedConnectionEndsInOnErrorWithOnlyCheckedTextReleased() throws Exception {
        String sent = "Your order left our warehouse this morning. It travels with our partner carrier, who delivers"
                + " on weekdays between eight and six, and the tracking link comes by e-mail within the hour; as"
                + " promised, you get a guaran";
        StringBuilder body = new StringBuilder(event("", null));
        for (String token : words(sent)) {
            body.append(event(token, null));
        }
        int half = body.length();
        while (body.length() < 2 * half + 64) {
            body.append(": keep-alive\n\n");
        }
        server.enqueue(sse(body.toString()).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        Caller caller = new Caller().run(assistant().chat("carol", "Where is my order?", null, "the R2"));

        assertThat(caller.error.get()).isInstanceOf(ModelCallException.class);
        assertThat(caller.complete.get()).isNull();
        assertThat(caller.text()).isNotEmpty();
        assertThat(sent).startsWith(caller.text());
        assertThat(caller.text()).doesNotContain("guaran");
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aRejectedStreamWhoseErrorEchoesTheRequestLeavesOnlyStatusAndCodeInTheAuditRecord() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                .setBody(ProviderErrors.ECHOING_BODY));

        Caller caller = new Caller().run(assistant().chat("erin", "Can you reset it?", null, "the R2"));

        assertThat(caller.error.get()).isInstanceOf(ModelCallException.class);
        assertThat(caller.text()).isEmpty();
        assertThat(audit.records()).hasSize(1);
        ProviderErrors.assertRecordKeepsNothingOfTheBody(audit.last());
    }

    @Test
    void tokensReachTheCallerWhileTheModelIsStillWriting() throws Exception {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add("step " + i + ", ");
        }
        StringBuilder sent = new StringBuilder(event("", null));
        for (String token : first) {
            sent.append(event(token, null));
        }
        String rest = event("and the last step.", null) + event(null, "stop") + "data: [DONE]\n\n";
        // The first 40 tokens come at once; the rest of the body only after a pause that outlasts the test.
        server.enqueue(sse(sent + rest).throttleBody(sent.length(), 60, TimeUnit.SECONDS));
        List<String> received = new ArrayList<>();
        CompletableFuture<Object> ended = new CompletableFuture<>();
        CompletableFuture<Void> enough = new CompletableFuture<>();

        TokenStream stream = assistant().chat("dave", "Steps?", null, "the R2");
        stream.onPartialResponse(token -> {
                    synchronized (received) {
                        received.add(token);
                        if (received.size() > 5) {
                            enough.complete(null);
                        }
                    }
                })
                .onCompleteResponse(ended::complete)
                .onError(ended::complete)
                .start();

        // Released while the server holds back the end of the body: the answer is streamed, not buffered.
        enough.get(30, TimeUnit.SECONDS);
        assertThat(ended).isNotDone();
        synchronized (received) {
            assertThat(String.join("", received)).startsWith("step 0, step 1, step 2, ");
        }
        ((dev.modelspec4j.stream.StreamingCall) stream).streamingHandle().cancel();
        // cancel() returns at once; the record is written by whichever thread is delivering the stream's events.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (audit.records().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void aStalledStreamEndsWithTheTimeoutErrorAndOneAuditRecord() throws Exception {
        StringBuilder sent = new StringBuilder(event("", null));
        for (String token : words("Let me look at your order: it left our warehouse in Leeds this morning, ")) {
            sent.append(event(token, null));
        }
        String stalled = event("and it arrives tomorrow.", null) + event(null, "stop") + "data: [DONE]\n\n";
        // The first events come at once; the rest only after a pause far longer than the idle timeout.
        server.enqueue(sse(sent + stalled).throttleBody(sent.length(), 20, TimeUnit.SECONDS));
        SupportAssistant assistant = ModelSpecs.builder(SupportAssistant.class)
                .chatModel(ScriptedChatModel.answering())
                .streamingChatModel(recordingHandles(openAi()))
                .chatMemoryProvider(customer -> MessageWindowChatMemory.withMaxMessages(20))
                .streamIdleTimeout(Duration.ofMillis(500))
                .auditSink(audit)
                .build();

        Caller caller = new Caller().run(assistant.chat("erin", "Where is my order?", null, "the R2"));

        assertThat(caller.error.get()).isInstanceOf(ModelCallException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(caller.complete.get()).isNull();
        assertThat(caller.text()).doesNotContain("tomorrow");
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(audit.last().error()).contains("TimeoutException");
        synchronized (upstreamHandles) {
            for (StreamingHandle handle : upstreamHandles) {
                assertThat(handle.isCancelled()).isTrue();
            }
        }
    }

    /** A chunk whose delta carries a tool call: its id and name first, then its arguments. */
    private static String toolCallEvent(String name, String arguments) throws Exception {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode choice = choiceOf(chunk);
        ObjectNode call = choice.putObject("delta").putArray("tool_calls").addObject();
        call.put("index", 0);
        if (name != null) {
            call.put("id", "call_1");
            call.put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        choice.putNull("finish_reason");
        return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
    }

    @Test
    void aStreamedToolCallFailsClosed() throws Exception {
        String body = event("", null) + toolCallEvent("reset_router", "") + toolCallEvent(null, "{\"force\": true}")
                + event(null, "tool_calls") + "data: [DONE]\n\n";
        server.enqueue(sse(body));

        Caller caller = new Caller().run(assistant().chat("hugo", "Reset my router", null, "the R2"));

        assertThat(caller.error.get()).isInstanceOf(UnexpectedReplyException.class)
                .hasMessageContaining("tool execution requested: reset_router");
        assertThat(caller.complete.get()).isNull();
        assertThat(caller.text()).isEmpty();
        assertThat(audit.records()).hasSize(1);
        assertThat(audit.last().outcome()).isEqualTo(Outcome.UNEXPECTED_REPLY);
        assertThat(audit.last().error()).doesNotContain("force");
    }

    @Test
    void aStreamStoppedByTheContentFilterEndsWithTheRefusal() throws Exception {
        List<String> tokens = words("Opening a router that belongs to someone else is something I will explain in"
                + " detail: first you take the screwdriver and the small key that comes with the device, then");
        StringBuilder body = new StringBuilder(event("", null));
        for (String token : tokens) {
            body.append(event(token, null));
        }
        server.enqueue(sse(body.append(event(null, "content_filter")).append("data: [DONE]\n\n").toString()));

        Caller caller = new Caller().run(assistant().chat("ivy", "Open a router?", null, "the R2"));

        assertThat(caller.error.get()).isNull();
        assertThat(caller.text()).endsWith("\n\n" + REFUSAL).doesNotContain("then");
        assertThat(caller.complete.get().aiMessage().text()).isEqualTo(caller.text());
        assertThat(audit.last().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(audit.last().finishReasons()).containsExactly(FinishReason.CONTENT_FILTER);
    }
}
