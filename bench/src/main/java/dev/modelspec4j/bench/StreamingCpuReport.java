package dev.modelspec4j.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.modelspec4j.ModelSpecs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The streams of {@link StreamingBenchmark}, measured in CPU time of the streaming thread rather than elapsed
 * time: on a shared machine whose other work preempts the benchmark, elapsed time varies several-fold from one
 * iteration to the next while the CPU time a stream takes stays put. The in-memory model streams on the calling
 * thread, so that thread's CPU time is all the work of the call. For each rule set and answer length: the median
 * CPU time to the first token (the caller cancels there) and of the whole stream, guarded and unguarded, and
 * the cost the guard adds per token: every stream is warmed up first, then each is measured in three rounds of
 * runs and the median round is kept. Run with
 * {@code java -cp ... dev.modelspec4j.bench.StreamingCpuReport [runs]}.
 */
public final class StreamingCpuReport {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StreamingCpuReport() {
    }

    /** One stream to measure: a rule set and an answer length, with its three tasks. */
    private record Subject(StreamRules rules, int tokens, Runnable first, Runnable bare, Runnable whole) {

        static Subject of(StreamRules rules, int tokens) {
            InMemoryStreamingModel model = new InMemoryStreamingModel(StreamRules.answer(tokens));
            StreamingAssistant guarded = ModelSpecs.builder(StreamingAssistant.class)
                    .streamingChatModel(model).auditSink(record -> { }).build();
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from(StreamRules.QUESTION)).build();
            return new Subject(rules, tokens,
                    () -> rules.chat(guarded).onPartialResponseWithContext(
                            (partial, context) -> context.streamingHandle().cancel()).ignoreErrors().start(),
                    () -> model.chat(request, new Discard()),
                    () -> rules.chat(guarded).onPartialResponse(s -> { }).onCompleteResponse(r -> { })
                            .onError(e -> { }).start());
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = 3;
        List<Subject> subjects = new ArrayList<>();
        for (StreamRules rules : StreamRules.values()) {
            for (int tokens : new int[] {200, 2000}) {
                subjects.add(Subject.of(rules, tokens));
            }
        }
        for (Subject s : subjects) { // warm every path up before measuring any
            for (int i = 0; i < runs; i++) {
                s.first().run();
                s.bare().run();
                s.whole().run();
            }
        }
        double[][][] perRound = new double[subjects.size()][3][rounds];
        for (int round = 0; round < rounds; round++) { // rounds go over every stream, so a busy spell hits all
            for (int i = 0; i < subjects.size(); i++) {
                Subject s = subjects.get(i);
                int n = s.tokens() > 1000 ? Math.max(20, runs / 5) : runs;
                perRound[i][0][round] = median(s.first(), n);
                perRound[i][1][round] = median(s.bare(), n);
                perRound[i][2][round] = median(s.whole(), n);
            }
        }
        double[][] results = new double[subjects.size()][3];
        for (int i = 0; i < subjects.size(); i++) {
            for (int k = 0; k < 3; k++) {
                Arrays.sort(perRound[i][k]);
                results[i][k] = perRound[i][k][rounds / 2];
            }
        }
        System.out.println("| rule set | tokens | first token, guarded µs | whole stream, unguarded µs"
                + " | whole stream, guarded µs | added per token µs |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            double[] r = results[i];
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.2f |%n", s.rules(), s.tokens(), r[0], r[1], r[2],
                    (r[2] - r[1]) / s.tokens());
        }
    }

    /** The median CPU time of {@code task} over {@code n} runs, in µs. */
    private static double median(Runnable task, int n) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            task.run();
            nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[n / 2] / 1000.0;
    }

    /** The unguarded caller: takes every token. */
    private static final class Discard implements StreamingChatResponseHandler {
        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
        }

        @Override
        public void onError(Throwable error) {
        }
    }
}
