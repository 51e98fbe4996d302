package dev.modelspec4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScriptedStreamingChatModelTest {

    /** Collects what the model sends; cancels after {@code cancelAfter} chunks (0: never). */
    private static final class Collector implements StreamingChatResponseHandler {
        final List<String> chunks = new ArrayList<>();
        final AtomicReference<ChatResponse> complete = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final int cancelAfter;

        Collector(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            chunks.add(partial.text());
            if (chunks.size() == cancelAfter) {
                context.streamingHandle().cancel();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            complete.set(response);
        }

        @Override
        public void onError(Throwable e) {
            error.set(e);
        }
    }

    @Test
    void splitsAnswersIntoChunksAndRecordsRequests() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().chunkSize(3)
                .reply("Hello there").reply(List.of("As ", "written")).build();
        Collector first = new Collector(0);
        model.chat("hi", first);
        Collector second = new Collector(0);
        model.chat("again", second);

        assertThat(first.chunks).containsExactly("Hel", "lo ", "the", "re");
        assertThat(first.complete.get().aiMessage().text()).isEqualTo("Hello there");
        assertThat(second.chunks).containsExactly("As ", "written");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(ScriptedChatModel.lastUserText(model.lastRequest())).isEqualTo("again");
    }

    @Test
    void cancellationStopsTheStreamAndFailuresComeAfterTheirChunks() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder().chunkSize(2)
                .reply("abcdefgh")
                .failAfter(List.of("par", "tial"), new IllegalStateException("reset"))
                .build();
        Collector cancelled = new Collector(2);
        model.chat("one", cancelled);
        Collector failed = new Collector(0);
        model.chat("two", failed);

        assertThat(cancelled.chunks).containsExactly("ab", "cd");
        assertThat(cancelled.complete.get()).isNull();
        assertThat(model.cancelled(0)).isTrue();
        assertThat(model.chunksSent(0)).isEqualTo(2);
        assertThat(failed.chunks).containsExactly("par", "tial");
        assertThat(failed.error.get()).hasMessage("reset");
        assertThat(ScriptedStreamingChatModel.split("a\uD83D\uDE00b", 2)).containsExactly("a", "\uD83D\uDE00", "b");
    }

    @Test
    void scriptsFinishReasonsToolRequestsAndStalls() {
        ScriptedStreamingChatModel model = ScriptedStreamingChatModel.builder()
                .reply(List.of("Cut ", "o"), FinishReason.LENGTH)
                .requestTools("lookup_order")
                .stallAfter(List.of("Then ", "nothing"))
                .build();

        Collector cut = new Collector(0);
        model.chat(ChatRequest.builder().messages(UserMessage.from("a")).build(), cut);
        assertThat(cut.chunks).containsExactly("Cut ", "o");
        assertThat(cut.complete.get().finishReason()).isEqualTo(FinishReason.LENGTH);

        Collector tools = new Collector(0);
        model.chat(ChatRequest.builder().messages(UserMessage.from("b")).build(), tools);
        assertThat(tools.chunks).isEmpty();
        assertThat(tools.complete.get().aiMessage().toolExecutionRequests()).singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("lookup_order"));

        Collector stalled = new Collector(0);
        model.chat(ChatRequest.builder().messages(UserMessage.from("c")).build(), stalled);
        assertThat(stalled.chunks).containsExactly("Then ", "nothing");
        assertThat(stalled.complete.get()).isNull();
        assertThat(stalled.error.get()).isNull();
        assertThat(model.cancelled(2)).isFalse();
    }
}
