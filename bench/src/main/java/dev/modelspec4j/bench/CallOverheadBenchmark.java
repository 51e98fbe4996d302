package dev.modelspec4j.bench;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.Outcome;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per call of {@link SupportBot} against an instant in-memory model, three ways, plus the bare model
 * call: overhead of a variant = its time per call − {@link #bareModelCall()}. Run with {@code -prof gc} for
 * the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallOverheadBenchmark {

    private ChatModel model;
    private ChatRequest request;
    private SupportBot aiServices;
    private SupportBot generated;
    private SupportBot handWritten;
    private final Instant anchor = Instant.now();
    private final long anchorNanos = System.nanoTime();

    @Setup
    public void setUp() {
        SupportBots.verifyEquivalent();
        model = new InstantChatModel(InstantChatModel.ANSWER, false);
        request = ChatRequest.builder().messages(SupportBots.expectedMessages()).build();
        aiServices = SupportBots.Variant.AI_SERVICES.create(model);
        generated = SupportBots.Variant.GENERATED.create(model);
        handWritten = SupportBots.Variant.HAND_WRITTEN.create(model);
    }

    /** The model alone, with a request built once: what no variant can avoid. */
    @Benchmark
    public ChatResponse bareModelCall() {
        return model.chat(request);
    }

    /** LangChain4j {@code AiServices} with the two checks as {@code @OutputGuardrails}. */
    @Benchmark
    public String aiServices() {
        return aiServices.answer(SupportBots.QUESTION, SupportBots.PRODUCT);
    }

    /** The processor's {@code GuardedSupportBotSpec}, audit records discarded. */
    @Benchmark
    public String generated() {
        return generated.answer(SupportBots.QUESTION, SupportBots.PRODUCT);
    }

    /**
     * Diagnostic: the audit record alone, built as the engine builds it on a delivered call without violations:
     * a call id of 64 random bits in hex, the start {@code Instant} (a clock reading added to the system clock's
     * time at an earlier reading, as the engine dates calls), the record with shared empty lists and the
     * response's one finish reason. What the generated call allocates beyond this and the hand-written call is
     * the engine's own state.
     */
    @Benchmark
    public AuditRecord auditRecord() {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Instant timestamp = anchor.plusNanos(System.nanoTime() - anchorNanos);
        return new AuditRecord(id, timestamp, "bench.support", "1.0", "sha256:0",
                SupportBot.class.getName(), "answer", null, Outcome.DELIVERED, 1, List.of(), 0L, null, null,
                List.of(), List.of(FinishReason.STOP));
    }

    /**
     * Diagnostic: one reading of the monotonic clock, which the engine takes twice per call (start and end of the
     * audit record's duration, the start also dating the record).
     */
    @Benchmark
    public long clockReading() {
        return System.nanoTime();
    }

    /** The same checks written by hand around {@code ChatModel.chat}. */
    @Benchmark
    public String handWritten() {
        return handWritten.answer(SupportBots.QUESTION, SupportBots.PRODUCT);
    }
}
