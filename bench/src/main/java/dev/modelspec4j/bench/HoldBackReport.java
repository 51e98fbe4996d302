package dev.modelspec4j.bench;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.modelspec4j.ModelSpecs;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.testing.ObservedStreamingChatModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the hold-back of the benchmark's guarded stream in characters, chunk by chunk: after each chunk the
 * model sends, how much of the received text the caller has not yet received. Run with
 * {@code java -cp ... dev.modelspec4j.bench.HoldBackReport}.
 */
public final class HoldBackReport {

    private HoldBackReport() {
    }

    public static void main(String[] args) {
        int window = Math.max(ForbidCheck.phraseLookAhead("guaranteed refund"),
                ForbidCheck.phraseLookAhead("as an AI language model"));
        String text = "Unplug the router for ten seconds, then plug it back in. ".repeat(18);
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i + StreamingBenchmark.CHUNK <= text.length(); i += StreamingBenchmark.CHUNK) {
            chunks.add(text.substring(i, i + StreamingBenchmark.CHUNK));
        }
        StringBuilder received = new StringBuilder();
        StringBuilder released = new StringBuilder();
        List<Integer> heldBack = new ArrayList<>();
        InMemoryStreamingModel inner = new InMemoryStreamingModel(chunks);
        StreamingChatModel measuring = new ObservedStreamingChatModel(inner,
                (partial, context) -> heldBack.add(received.append(partial.text()).length() - released.length()));
        StreamingAssistant guarded = ModelSpecs.builder(StreamingAssistant.class)
                .streamingChatModel(measuring).auditSink(record -> { }).build();
        guarded.chat("How do I fix my router?").onPartialResponse(released::append).ignoreErrors().start();

        int max = heldBack.stream().mapToInt(Integer::intValue).max().orElse(0);
        int firstTokenChunk = 0;
        for (int i = 0; i < heldBack.size(); i++) {
            if (heldBack.get(i) < StreamingBenchmark.CHUNK * (i + 1)) {
                firstTokenChunk = i + 1;
                break;
            }
        }
        System.out.println("declared window (characters):           " + window);
        System.out.println("chunk size (characters):                " + StreamingBenchmark.CHUNK);
        System.out.println("chunks streamed:                        " + chunks.size());
        System.out.println("largest hold-back (characters):         " + max);
        System.out.println("first token released with chunk number: " + firstTokenChunk);
        System.out.println("text delivered intact:                  " + released.toString().equals(text.substring(0,
                chunks.size() * StreamingBenchmark.CHUNK)));
    }
}
