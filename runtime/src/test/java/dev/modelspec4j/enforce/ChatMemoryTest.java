package dev.modelspec4j.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import dev.modelspec4j.ModelSpecException;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.audit.InMemoryAuditSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The chat memories an assistant instance keeps: one per memory id, asked of the provider once. */
class ChatMemoryTest {

    private static final MethodPlan PLAN = new MethodPlan("ask", List.of(), 1, "");

    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private Enforcer enforcer(ChatMemoryProvider provider) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                requests.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from("answer " + requests.size())).build();
            }
        };
        return new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), model, provider, audit,
                Clock.systemUTC(), null);
    }

    private static void ask(Enforcer enforcer, Object memoryId, String question) {
        Call call = enforcer.call(PLAN).userMessage(question);
        if (memoryId != null) {
            call.memoryId(memoryId);
        }
        call.execute();
    }

    @Test
    void providerReturningANewMemoryEachTimeStillKeepsTheConversation() {
        Enforcer enforcer = enforcer(id -> MessageWindowChatMemory.withMaxMessages(20));
        ask(enforcer, "alice", "first");
        ask(enforcer, "alice", "second");

        assertThat(requests.get(1).messages()).containsExactly(
                UserMessage.from("first"), AiMessage.from("answer 1"), UserMessage.from("second"));
        assertThat(enforcer.chatMemory("alice").messages()).hasSize(4);
    }

    @Test
    void providerIsAskedOncePerMemoryId() {
        List<Object> asked = Collections.synchronizedList(new ArrayList<>());
        Enforcer enforcer = enforcer(id -> {
            asked.add(id);
            return MessageWindowChatMemory.withMaxMessages(20);
        });
        for (int i = 0; i < 3; i++) {
            ask(enforcer, "alice", "a" + i);
            ask(enforcer, "bob", "b" + i);
            ask(enforcer, null, "d" + i);
        }

        assertThat(asked).containsExactly("alice", "bob", Enforcer.DEFAULT_MEMORY_ID);
        assertThat(enforcer.chatMemory("alice").messages()).extracting(m -> m instanceof UserMessage u
                ? u.singleText() : ((AiMessage) m).text()).contains("a0", "a1", "a2").doesNotContain("b0", "d0");
        assertThat(enforcer.chatMemory(Enforcer.DEFAULT_MEMORY_ID).messages()).hasSize(6);
    }

    @Test
    void concurrentFirstCallsForOneIdCreateOneMemory() throws Exception {
        int threads = 8;
        AtomicInteger created = new AtomicInteger();
        CountDownLatch secondProviderCall = new CountDownLatch(2);
        Enforcer enforcer = enforcer(id -> {
            created.incrementAndGet();
            secondProviderCall.countDown();
            try {
                // Holds the first creation open a while, so that a second creation, if the engine allowed one,
                // would overlap it; correct code never makes a second one and passes however long this lasts.
                secondProviderCall.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MessageWindowChatMemory.withMaxMessages(100);
        });
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String question = "q" + t;
                calls.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    ask(enforcer, "shared", question);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).hasValue(1);
        assertThat(enforcer.chatMemory("shared").messages()).hasSize(2 * threads);
    }

    @Test
    void evictionForgetsTheMemoryAndTheProviderIsAskedAgain() {
        AtomicInteger created = new AtomicInteger();
        Enforcer enforcer = enforcer(id -> {
            created.incrementAndGet();
            return MessageWindowChatMemory.withMaxMessages(20);
        });
        assertThat(enforcer.chatMemory("alice")).isNull();
        assertThat(enforcer.evictChatMemory("alice")).isFalse();

        ask(enforcer, "alice", "first");
        ask(enforcer, "bob", "hello");
        ChatMemory kept = enforcer.chatMemory("alice");
        assertThat(kept.messages()).hasSize(2);

        assertThat(enforcer.evictChatMemory("alice")).isTrue();
        assertThat(enforcer.chatMemory("alice")).isNull();
        assertThat(enforcer.evictChatMemory("alice")).isFalse();
        assertThat(enforcer.chatMemory("bob").messages()).hasSize(2);

        ask(enforcer, "alice", "again");
        assertThat(requests.get(2).messages()).containsExactly(UserMessage.from("again"));
        assertThat(enforcer.chatMemory("alice")).isNotSameAs(kept);
        assertThat(created).hasValue(3);
    }

    @Test
    void evictionKeepsWhatAPersistentStoreHolds() {
        InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
        Enforcer enforcer = enforcer(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
                .chatMemoryStore(store).build());
        ask(enforcer, "alice", "first");
        enforcer.evictChatMemory("alice");
        ask(enforcer, "alice", "second");

        assertThat(requests.get(1).messages()).containsExactly(
                UserMessage.from("first"), AiMessage.from("answer 1"), UserMessage.from("second"));
    }

    @Test
    void aNullMemoryIdIsRejectedByTheAccessors() {
        Enforcer enforcer = enforcer(id -> MessageWindowChatMemory.withMaxMessages(20));
        assertThatThrownBy(() -> enforcer.chatMemory(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> enforcer.evictChatMemory(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withoutAProviderThereIsNoMemory() {
        Enforcer enforcer = enforcer(null);
        ask(enforcer, null, "first");
        ask(enforcer, null, "second");

        assertThat(requests.get(1).messages()).containsExactly(UserMessage.from("second"));
        assertThat(enforcer.chatMemory(Enforcer.DEFAULT_MEMORY_ID)).isNull();
    }

    @Test
    void failingProviderFailsTheCallWithAnAuditRecordThatQuotesNothing() {
        Enforcer enforcer = enforcer(id -> {
            throw new IllegalStateException("store down for alice@example.com");
        });

        assertThatThrownBy(() -> ask(enforcer, "alice", "first"))
                .isInstanceOf(ModelSpecException.class)
                .hasMessageContaining("chat memory could not be read");
        assertThat(requests).isEmpty();
        assertThat(audit.last().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(audit.last().error()).isEqualTo("java.lang.IllegalStateException: chat memory failed");
    }

    @Test
    void providerReturningNullFailsTheCall() {
        Enforcer enforcer = enforcer(id -> null);

        assertThatThrownBy(() -> ask(enforcer, "alice", "first"))
                .isInstanceOf(ModelSpecException.class)
                .hasRootCauseMessage("t.Assistant: the ChatMemoryProvider returned null for a memory id");
        assertThat(audit.last().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(requests).isEmpty();
    }

    @Test
    void theProviderRunsInNoLockOfTheAssistant() throws Exception {
        AtomicReference<Enforcer> enforcer = new AtomicReference<>();
        AtomicReference<Boolean> otherThreadReturned = new AtomicReference<>();
        enforcer.set(enforcer(id -> {
            if (otherThreadReturned.get() != null) {
                return MessageWindowChatMemory.withMaxMessages(20);
            }
            // Another thread evicts the id while the provider runs: it is never kept waiting by the provider.
            Thread reader = new Thread(() -> enforcer.get().evictChatMemory(id));
            reader.start();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            otherThreadReturned.set(!reader.isAlive());
            return MessageWindowChatMemory.withMaxMessages(20);
        }));
        ask(enforcer.get(), "alice", "first");

        assertThat(otherThreadReturned.get()).isTrue();
        assertThat(enforcer.get().chatMemory("alice")).isNull(); // evicted while it was made: the call used it
        ask(enforcer.get(), "alice", "second");
        assertThat(enforcer.get().chatMemory("alice").messages()).hasSize(2);
    }

    @Test
    void aProviderThatFailsIsAskedAgainByTheNextCall() {
        AtomicInteger asked = new AtomicInteger();
        Enforcer enforcer = enforcer(id -> {
            if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException("store offline");
            }
            return MessageWindowChatMemory.withMaxMessages(20);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ask(enforcer, "alice", "first"))
                .isInstanceOf(dev.modelspec4j.ModelSpecException.class);
        assertThat(enforcer.chatMemory("alice")).isNull();
        ask(enforcer, "alice", "second");

        assertThat(asked).hasValue(2);
        assertThat(enforcer.chatMemory("alice").messages()).hasSize(2);
    }
}
