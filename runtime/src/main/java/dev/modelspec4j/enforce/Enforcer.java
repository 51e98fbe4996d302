package dev.modelspec4j.enforce;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.moderation.ModerationModel;
import dev.modelspec4j.AuditSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a generated assistant holds: the models, memory, audit sink and clock it was built with, and its spec.
 * Thread-safe; every call gets its own {@link Call}. Its only changing state is the chat memories: one per
 * memory id, asked of the {@link ChatMemoryProvider} on the first call with that id and kept, as LangChain4j's
 * {@code AiServices} keeps them, until {@link #evictChatMemory(Object) evicted}.
 */
public final class Enforcer {

    /** The memory id used when the method has no {@code @MemoryId} parameter. */
    public static final String DEFAULT_MEMORY_ID = "default";

    /** How long a stream may send nothing before it is ended, unless the builder says otherwise. */
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final SpecInfo spec;
    private final ChatModel chatModel;
    private final ChatMemoryProvider chatMemoryProvider;
    /**
     * The memory of each memory id used so far, as it is being made or once made; empty without a provider. The
     * provider is user code: it runs in no lock (not in {@code computeIfAbsent}), and concurrent first calls with
     * one id wait for the one memory it gives.
     */
    private final ConcurrentMap<Object, CompletableFuture<ChatMemory>> chatMemories = new ConcurrentHashMap<>();
    private final AuditSink auditSink;
    private final Clock clock;
    private final Random random;
    private final StreamingChatModel streamingChatModel;
    private final ModerationModel moderationModel;
    private final Duration streamIdleTimeout;
    /** Whether {@link #clock} is the system clock, which {@link #instantAt(long)} may read through an anchor. */
    private final boolean systemClock;
    /** The system clock's time at a {@code System.nanoTime()}, renewed every second; null until the first call. */
    private volatile TimeAnchor anchor;

    /** How long a {@link TimeAnchor} is used: the system clock may be adjusted meanwhile, by small steps. */
    private static final long ANCHOR_NANOS = 1_000_000_000L;

    private record TimeAnchor(Instant instant, long nanoTime) {
    }

    public Enforcer(SpecInfo spec, ChatModel chatModel, ChatMemoryProvider chatMemoryProvider,
            AuditSink auditSink, Clock clock, Random random) {
        this(spec, chatModel, null, null, chatMemoryProvider, auditSink, clock, random);
    }

    /**
     * @param streamingChatModel the model of methods returning {@code TokenStream}; may be null when none does
     * @param moderationModel the model of {@code @Moderate} methods; may be null when none is moderated
     */
    public Enforcer(SpecInfo spec, ChatModel chatModel, StreamingChatModel streamingChatModel,
            ModerationModel moderationModel, ChatMemoryProvider chatMemoryProvider, AuditSink auditSink, Clock clock,
            Random random) {
        this(spec, chatModel, streamingChatModel, moderationModel, chatMemoryProvider, auditSink, clock, random,
                DEFAULT_STREAM_IDLE_TIMEOUT);
    }

    /**
     * @param streamIdleTimeout how long a stream may send nothing (from its request on) before it is ended
     *     with a timeout; positive
     */
    public Enforcer(SpecInfo spec, ChatModel chatModel, StreamingChatModel streamingChatModel,
            ModerationModel moderationModel, ChatMemoryProvider chatMemoryProvider, AuditSink auditSink, Clock clock,
            Random random, Duration streamIdleTimeout) {
        if (streamIdleTimeout == null || streamIdleTimeout.isNegative() || streamIdleTimeout.isZero()) {
            throw new IllegalArgumentException("streamIdleTimeout must be positive: " + streamIdleTimeout);
        }
        this.streamIdleTimeout = streamIdleTimeout;
        this.streamingChatModel = streamingChatModel;
        this.moderationModel = moderationModel;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.chatModel = chatModel;
        this.chatMemoryProvider = chatMemoryProvider;
        this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.systemClock = clock.getClass() == Clock.systemUTC().getClass();
        this.random = random == null ? new SecureRandom() : random;
    }

    /** Starts one call of {@code method}. */
    public Call call(MethodPlan method) {
        if (chatModel == null) {
            throw new IllegalStateException(
                    spec.assistant() + "." + method.name() + " needs a ChatModel: set one on the builder");
        }
        return new Call(this, method);
    }

    /** Starts one streamed call of {@code method}: finish it with {@link Call#stream(boolean)}. */
    public Call streamingCall(MethodPlan method) {
        if (streamingChatModel == null) {
            throw new IllegalStateException(spec.assistant() + "." + method.name()
                    + " streams: set a StreamingChatModel on the builder");
        }
        return new Call(this, method);
    }

    /** {@code {{current_date}}}: today's date on the configured clock, ISO format. */
    public String currentDate() {
        return LocalDate.now(clock).toString();
    }

    /** {@code {{current_time}}}: the time of day on the configured clock, ISO format. */
    public String currentTime() {
        return LocalTime.now(clock).toString();
    }

    /** {@code {{current_date_time}}}: date and time on the configured clock, ISO format. */
    public String currentDateTime() {
        return LocalDateTime.now(clock).toString();
    }

    SpecInfo spec() {
        return spec;
    }

    ChatModel chatModel() {
        return chatModel;
    }

    StreamingChatModel streamingChatModel() {
        return streamingChatModel;
    }

    ModerationModel moderationModel() {
        return moderationModel;
    }

    Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /**
     * The memory of a call with {@code memoryId} ({@code null}: a method without {@code @MemoryId}, which uses
     * {@link #DEFAULT_MEMORY_ID}); null when the assistant has no provider. The provider is asked once per id:
     * concurrent first calls with one id wait for, and share, the one memory it gives.
     *
     * @throws IllegalStateException when the provider gives no memory
     */
    ChatMemory memory(Object memoryId) {
        if (chatMemoryProvider == null) {
            return null;
        }
        Object id = memoryId == null ? DEFAULT_MEMORY_ID : memoryId;
        CompletableFuture<ChatMemory> made = chatMemories.get(id);
        if (made == null) {
            CompletableFuture<ChatMemory> mine = new CompletableFuture<>();
            made = chatMemories.putIfAbsent(id, mine);
            if (made == null) {
                return make(id, mine); // this call asks the provider; others with the id wait for it
            }
        }
        try {
            return made.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Asks the provider for the memory of {@code id}, outside any lock, and hands it to the calls that wait. */
    private ChatMemory make(Object id, CompletableFuture<ChatMemory> made) {
        ChatMemory memory;
        try {
            memory = chatMemoryProvider.get(id);
            if (memory == null) {
                throw new IllegalStateException(
                        spec.assistant() + ": the ChatMemoryProvider returned null for a memory id");
            }
        } catch (RuntimeException | Error e) {
            chatMemories.remove(id, made); // the next call asks again
            made.completeExceptionally(e);
            throw e;
        }
        made.complete(memory);
        return memory;
    }

    /**
     * The chat memory this assistant keeps for {@code memoryId}, or null when it keeps none: no call with that id
     * was made since the assistant was built or the memory was last evicted, or the assistant has no
     * {@code ChatMemoryProvider}. Methods without {@code @MemoryId} use the id {@value #DEFAULT_MEMORY_ID}.
     * As LangChain4j's {@code ChatMemoryAccess.getChatMemory}.
     */
    public ChatMemory chatMemory(Object memoryId) {
        CompletableFuture<ChatMemory> made = chatMemories.get(Objects.requireNonNull(memoryId, "memoryId"));
        return made == null || !made.isDone() || made.isCompletedExceptionally() ? null : made.join();
    }

    /**
     * Forgets the chat memory kept for {@code memoryId}: the next call with that id asks the provider again.
     * Returns whether a memory was kept. The memory itself is not cleared: a memory backed by a
     * {@code ChatMemoryStore} keeps its messages there, and the provider's next memory for the id may read them
     * back (call {@link ChatMemory#clear()} first to delete them). A call already running with the id finishes
     * with the evicted memory. As LangChain4j's {@code ChatMemoryAccess.evictChatMemory}.
     */
    public boolean evictChatMemory(Object memoryId) {
        return chatMemories.remove(Objects.requireNonNull(memoryId, "memoryId")) != null;
    }

    AuditSink auditSink() {
        return auditSink;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The time on the configured clock at {@code nanoTime}, a value of {@code System.nanoTime()} read a moment
     * ago: when a call started. Reading the system clock costs more than the rest of what a call records, so
     * for the system clock it is read once a second, and the time of a call is that reading plus the
     * {@code nanoTime} elapsed since; any other clock (a fixed one in tests) is read on every call.
     */
    Instant instantAt(long nanoTime) {
        if (!systemClock) {
            return clock.instant();
        }
        TimeAnchor a = anchor;
        if (a == null || nanoTime - a.nanoTime() >= ANCHOR_NANOS || nanoTime - a.nanoTime() < 0) {
            a = new TimeAnchor(clock.instant(), System.nanoTime());
            anchor = a;
        }
        return a.instant().plusNanos(nanoTime - a.nanoTime());
    }

    /** A new canary token for the instructions of one call. */
    String newCanary() {
        return dev.modelspec4j.check.leak.Canary.newToken();
    }

    /**
     * A new call id: 16 hex digits. Call ids only tell calls apart in audit records and exceptions; they protect
     * nothing, so they come from a fast per-thread generator, unless the builder was given a {@code Random}
     * (tests), which then gives them too. Boundaries and canaries, which must be unguessable, never come from here.
     */
    String newCallId() {
        if (!(random instanceof SecureRandom)) {
            return randomHex(8);
        }
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** A random token of {@code bytes} bytes, as lower-case hex. */
    String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        synchronized (random) {
            random.nextBytes(b);
        }
        return HexFormat.of().formatHex(b);
    }
}
