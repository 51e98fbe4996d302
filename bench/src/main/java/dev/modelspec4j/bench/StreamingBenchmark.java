package dev.modelspec4j.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.modelspec4j.ModelSpecs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A guarded stream against the same stream unguarded (the model's handler called directly), over an in-memory
 * model that sends {@code tokens} chunks of 5 characters with no delay: the figures are the CPU time the guard
 * adds, per rule set ({@link StreamRules}). {@code *FirstToken} stop at the first token the caller receives
 * (time to first token); {@code *WholeStream} run to the end (divide the difference by {@code tokens} for the
 * per-token cost; two answer lengths show whether that cost grows with the answer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamingBenchmark {

    static final int CHUNK = StreamRules.CHUNK;

    @Param({"200", "2000"})
    public int tokens;

    @Param({"PHRASES", "PII", "SECRETS"})
    public StreamRules rules;

    private InMemoryStreamingModel model;
    private StreamingAssistant guarded;
    private ChatRequest request;

    @Setup
    public void setUp() {
        model = new InMemoryStreamingModel(StreamRules.answer(tokens));
        guarded = ModelSpecs.builder(StreamingAssistant.class)
                .streamingChatModel(model)
                .auditSink(record -> { })
                .build();
        request = ChatRequest.builder().messages(UserMessage.from(StreamRules.QUESTION)).build();
    }

    @Benchmark
    public void unguardedWholeStream(Blackhole bh) {
        model.chat(request, new Consumer(bh, false));
    }

    @Benchmark
    public void guardedWholeStream(Blackhole bh) {
        rules.chat(guarded)
                .onPartialResponse(bh::consume)
                .onCompleteResponse(bh::consume)
                .onError(bh::consume)
                .start();
    }

    @Benchmark
    public void unguardedFirstToken(Blackhole bh) {
        model.chat(request, new Consumer(bh, true));
    }

    @Benchmark
    public void guardedFirstToken(Blackhole bh) {
        rules.chat(guarded)
                .onPartialResponseWithContext((partial, context) -> {
                    bh.consume(partial.text());
                    context.streamingHandle().cancel();
                })
                .ignoreErrors()
                .start();
    }

    /** The unguarded caller: the model's handler, consuming every token or cancelling at the first. */
    private static final class Consumer implements StreamingChatResponseHandler {

        private final Blackhole bh;
        private final boolean firstTokenOnly;

        Consumer(Blackhole bh, boolean firstTokenOnly) {
            this.bh = bh;
            this.firstTokenOnly = firstTokenOnly;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            bh.consume(partial.text());
            if (firstTokenOnly) {
                context.streamingHandle().cancel();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            bh.consume(response);
        }

        @Override
        public void onError(Throwable error) {
            bh.consume(error);
        }
    }
}
