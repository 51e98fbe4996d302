package dev.modelspec4j;

import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.moderation.ModerationModel;
import dev.modelspec4j.enforce.Enforcer;
import dev.modelspec4j.enforce.SpecInfo;
import dev.modelspec4j.internal.EnforcerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * The builder of a generated assistant, {@code Guarded<Name>.builder()}; the settings are those of
 * LangChain4j's {@code AiServices} builder where the two meet.
 *
 * @param <T> the assistant interface
 * @param <B> the generated builder, for fluent calls
 */
public abstract class AssistantBuilder<T, B extends AssistantBuilder<T, B>> {

    private ChatModel chatModel;
    private ChatMemoryProvider chatMemoryProvider;
    private AuditSink auditSink = AuditSink.slf4j();
    private Clock clock = Clock.systemDefaultZone();
    private Random random;
    private StreamingChatModel streamingChatModel;
    private ModerationModel moderationModel;
    private Duration streamIdleTimeout = Enforcer.DEFAULT_STREAM_IDLE_TIMEOUT;

    protected AssistantBuilder() {
    }

    /**
     * The model of the methods that return their answer whole. Required unless every method returns a
     * {@code TokenStream}; an assistant with both kinds of methods needs it or {@link #streamingChatModel}, and a
     * method whose model is not set fails when called.
     */
    public B chatModel(ChatModel chatModel) {
        this.chatModel = Objects.requireNonNull(chatModel, "chatModel");
        return self();
    }

    /** The model of the methods that return {@code TokenStream}; required when a method streams. */
    public B streamingChatModel(StreamingChatModel streamingChatModel) {
        this.streamingChatModel = Objects.requireNonNull(streamingChatModel, "streamingChatModel");
        return self();
    }

    /**
     * The model that checks the input of methods annotated with LangChain4j's {@code @Moderate}, before the
     * chat model is called; required when a method is moderated.
     */
    public B moderationModel(ModerationModel moderationModel) {
        this.moderationModel = Objects.requireNonNull(moderationModel, "moderationModel");
        return self();
    }

    /**
     * Gives each memory id its own chat memory; required when a method has a {@code @MemoryId} parameter. A
     * method without one uses the memory id {@code "default"}. As with {@code AiServices}, the provider is asked
     * once per memory id, on the first call with it, and the assistant keeps that memory for its lifetime
     * unless it is evicted ({@link Enforcer#evictChatMemory(Object)}). Memory receives only what the caller
     * received.
     */
    public B chatMemoryProvider(ChatMemoryProvider chatMemoryProvider) {
        this.chatMemoryProvider = Objects.requireNonNull(chatMemoryProvider, "chatMemoryProvider");
        return self();
    }

    /** Where audit records go; by default SLF4J (see {@link AuditSink#slf4j()}). */
    public B auditSink(AuditSink auditSink) {
        this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
        return self();
    }

    /** The clock for audit timestamps and the date variables of templates; by default the system clock and zone. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * The source of per-call boundaries and call ids; by default a {@link java.security.SecureRandom}. Set a
     * seeded one only in tests: boundaries must be unguessable.
     */
    public B random(Random random) {
        this.random = Objects.requireNonNull(random, "random");
        return self();
    }

    /**
     * How long a streamed answer may go without a new part before the stream is ended; 60 seconds by default.
     * It counts from the request until the first part, then from each part to the next. A stream that stays
     * silent that long is cancelled upstream and ends in {@code onError} with a {@link ModelCallException} whose
     * cause is LangChain4j's {@code TimeoutException}; its audit record has outcome {@code FAILED}. Raise it for
     * models that think for a long time before their first token.
     */
    public B streamIdleTimeout(Duration streamIdleTimeout) {
        Objects.requireNonNull(streamIdleTimeout, "streamIdleTimeout");
        if (streamIdleTimeout.isNegative() || streamIdleTimeout.isZero()) {
            throw new IllegalArgumentException("streamIdleTimeout must be positive: " + streamIdleTimeout);
        }
        this.streamIdleTimeout = streamIdleTimeout;
        return self();
    }

    /** Builds the assistant. */
    public abstract T build();

    /**
     * Checks the settings against what the assistant needs and returns the engine of a new instance; for
     * generated code.
     *
     * @param spec the spec the generated class enforces
     * @param needsMemory whether a method of the assistant has a {@code @MemoryId} parameter, or the interface
     *     extends {@code ChatMemoryAccess}
     */
    protected final Enforcer enforcer(SpecInfo spec, boolean needsMemory) {
        return enforcer(spec, needsMemory, true, false, false);
    }

    /**
     * Checks the settings against what the assistant needs and returns the engine of a new instance; for
     * generated code, which states its needs by name.
     *
     * @param options the spec, what the assistant needs, and the processor version, already checked
     */
    protected final Enforcer enforcer(EnforcerOptions options) {
        return enforcer(options.spec(), options.needsChatMemory(), options.needsChatModel(),
                options.needsStreamingChatModel(), options.needsModerationModel());
    }

    /**
     * As {@link #enforcer(SpecInfo, boolean)}, for assistants with streaming or moderated methods.
     *
     * @param needsChatModel whether a method returns its answer whole (it needs a {@code ChatModel})
     * @param streams whether a method returns a {@code TokenStream} (it needs a {@code StreamingChatModel})
     * @param moderates whether a method is annotated {@code @Moderate} (it needs a {@code ModerationModel})
     */
    protected final Enforcer enforcer(SpecInfo spec, boolean needsMemory, boolean needsChatModel, boolean streams,
            boolean moderates) {
        // An assistant with both kinds of methods may be built for one kind only (a batch job, an eval of the
        // non-streaming methods): each call then checks that its model is there.
        boolean hasModel = (needsChatModel && chatModel != null) || (streams && streamingChatModel != null);
        if (!hasModel && needsChatModel && !streams) {
            throw new IllegalStateException(spec.assistant() + ": chatModel(...) must be set");
        }
        if (!hasModel && streams && !needsChatModel) {
            throw new IllegalStateException(spec.assistant()
                    + " has only methods returning TokenStream: streamingChatModel(...) must be set");
        }
        if (!hasModel) {
            throw new IllegalStateException(spec.assistant()
                    + ": chatModel(...) or streamingChatModel(...) must be set (both, to call every method)");
        }
        if (moderates && moderationModel == null) {
            throw new IllegalStateException(spec.assistant()
                    + " has a @Moderate method: moderationModel(...) must be set");
        }
        if (needsMemory && chatMemoryProvider == null) {
            throw new IllegalStateException(spec.assistant()
                    + " has a @MemoryId parameter or extends ChatMemoryAccess: chatMemoryProvider(...) must be set");
        }
        if (auditSink == AuditSink.slf4j() && !dev.modelspec4j.audit.Slf4jAuditSink.hasProvider()) {
            throw new IllegalStateException(spec.assistant() + ": audit records go to SLF4J by default, but no SLF4J"
                    + " provider is on the class path, so they would be lost: add one (e.g. slf4j-simple or"
                    + " logback-classic) or set auditSink(...)");
        }
        return new Enforcer(spec, chatModel, streamingChatModel, moderationModel, chatMemoryProvider, auditSink,
                clock, random, streamIdleTimeout);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
