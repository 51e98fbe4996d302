package dev.modelspec4j.bench;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.modelspec4j.ModelSpecs;
import dev.modelspec4j.testing.ObservedStreamingChatModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the hold-back of each benchmarked rule set ({@link StreamRules}) in characters, chunk by chunk: after
 * each chunk the model sends, how much of the received text the caller has not yet received, against the window
 * the rules declare. Run with {@code java -cp ... dev.modelspec4j.bench.HoldBackReport [tokens]}.
 */
public final class HoldBackReport {

    private HoldBackReport() {
    }

    /** What one stream held back. */
    record Measure(StreamRules rules, int chunks, int largest, int firstTokenChunk, boolean intact) {
    }

    public static void main(String[] args) {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println("| rule set | declared window | largest hold-back | first token with chunk | text intact |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (StreamRules rules : StreamRules.values()) {
            Measure m = measure(rules, tokens);
            System.out.println("| " + rules + " | " + rules.window() + " | " + m.largest() + " | "
                    + m.firstTokenChunk() + " | " + m.intact() + " |");
            if (m.largest() > rules.window() || !m.intact()) {
                throw new IllegalStateException(rules + ": held back " + m.largest() + " characters, window "
                        + rules.window() + ", intact " + m.intact());
            }
        }
    }

    static Measure measure(StreamRules rules, int tokens) {
        List<String> chunks = StreamRules.answer(tokens);
        StringBuilder received = new StringBuilder();
        StringBuilder released = new StringBuilder();
        List<Integer> heldBack = new ArrayList<>();
        InMemoryStreamingModel inner = new InMemoryStreamingModel(chunks);
        StreamingChatModel measuring = new ObservedStreamingChatModel(inner,
                (partial, context) -> heldBack.add(received.append(partial.text()).length() - released.length()));
        StreamingAssistant guarded = ModelSpecs.builder(StreamingAssistant.class)
                .streamingChatModel(measuring).auditSink(record -> { }).build();
        rules.chat(guarded).onPartialResponse(released::append).ignoreErrors().start();

        int max = heldBack.stream().mapToInt(Integer::intValue).max().orElse(0);
        int firstTokenChunk = 0;
        for (int i = 0; i < heldBack.size(); i++) {
            if (heldBack.get(i) < StreamRules.CHUNK * (i + 1)) {
                firstTokenChunk = i + 1;
                break;
            }
        }
        return new Measure(rules, chunks.size(), max, firstTokenChunk,
                released.toString().equals(String.join("", chunks)));
    }
}
