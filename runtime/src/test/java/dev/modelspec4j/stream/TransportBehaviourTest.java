package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.enforce.Call;
import dev.modelspec4j.enforce.CallOutcome;
import dev.modelspec4j.enforce.Enforcer;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.enforce.Rule;
import dev.modelspec4j.enforce.SpecInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One behaviour suite over every transport: the same rules and the same scripted answers, run as a blocking call,
 * a buffered stream and a stream that releases text as it is judged. Each case states its outcome, the text the
 * caller receives, the model calls and the rules recorded; where a transport cannot take an action, the case
 * states the difference, as {@code docs/streaming.md} lists it.
 */
class TransportBehaviourTest {

    private static final String PHRASE = "guaranteed refund";
    private static final ForbidCheck FORBID = new ForbidCheck(List.of(Pattern.compile(ForbidCheck.phrase(PHRASE))),
            List.of("the phrase \"" + PHRASE + "\""), ForbidCheck.phraseLookAhead(PHRASE));
    private static final String REFUSAL = "Sorry, I can't promise that.";

    private static final String CLEAN = "Your parcel left the warehouse this morning and arrives tomorrow before six;"
            + " the carrier sends a text message an hour before it comes.";
    private static final String PREFIX = "Your parcel left the warehouse this morning and arrives tomorrow. Good news: ";
    private static final String VIOLATING = PREFIX + "you get a guaranteed refund if it is late, whatever happens.";
    /** What a stream has released of {@link #VIOLATING} when the phrase is found: all but the look-ahead. */
    private static final int WINDOW = ForbidCheck.phraseLookAhead(PHRASE);

    enum Transport {
        BLOCKING, BUFFERED_STREAM, STREAM
    }

    /** What the caller saw and the audit trail kept. */
    record Seen(Outcome outcome, String text, boolean threw, int modelCalls, List<String> rules) {
    }

    /** One case: the rule's action, the model's answers in turn, and what each transport must give. */
    record Case(String name, Action action, List<String> answers, Expect blocking, Expect buffered, Expect stream) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a transport must give; {@code textStartsWith} when only the start is stated (released text). */
    record Expect(Outcome outcome, String text, boolean threw, int modelCalls) {
        static Expect of(Outcome outcome, String text, int modelCalls) {
            return new Expect(outcome, text, false, modelCalls);
        }

        static Expect blocked(int modelCalls) {
            return new Expect(Outcome.BLOCKED, null, true, modelCalls);
        }
    }

    static Stream<Arguments> cases() {
        String redacted = VIOLATING.replace(PHRASE, Call.REDACTION);
        int found = VIOLATING.indexOf(PHRASE);
        List<Case> cases = List.of(
                same("a clean answer is delivered", Action.BLOCK, List.of(CLEAN),
                        Expect.of(Outcome.DELIVERED, CLEAN, 1)),
                same("REPORT records and delivers", Action.REPORT, List.of(VIOLATING),
                        Expect.of(Outcome.DELIVERED, VIOLATING, 1)),
                same("BLOCK throws and delivers nothing more", Action.BLOCK, List.of(VIOLATING), Expect.blocked(1)),
                new Case("REFUSE: a stream keeps what it released before the refusal", Action.REFUSE,
                        List.of(VIOLATING),
                        Expect.of(Outcome.REFUSED, REFUSAL, 1),
                        Expect.of(Outcome.REFUSED, REFUSAL, 1),
                        Expect.of(Outcome.REFUSED, released(VIOLATING, found) + "\n\n" + REFUSAL, 1)),
                new Case("REDACT: a stream ends after the masked span", Action.REDACT, List.of(VIOLATING),
                        Expect.of(Outcome.REDACTED, redacted, 1),
                        Expect.of(Outcome.REDACTED, redacted, 1),
                        Expect.of(Outcome.REDACTED, PREFIX + "you get a " + Call.REDACTION, 1)),
                new Case("REASK: a stream that released text refuses instead", Action.REASK,
                        List.of(VIOLATING, CLEAN),
                        Expect.of(Outcome.DELIVERED, CLEAN, 2),
                        Expect.of(Outcome.DELIVERED, CLEAN, 2),
                        Expect.of(Outcome.REFUSED, released(VIOLATING, found) + "\n\n" + REFUSAL, 1)),
                new Case("REASK that fails twice refuses", Action.REASK, List.of(VIOLATING, VIOLATING),
                        Expect.of(Outcome.REFUSED, REFUSAL, 2),
                        Expect.of(Outcome.REFUSED, REFUSAL, 2),
                        Expect.of(Outcome.REFUSED, released(VIOLATING, found) + "\n\n" + REFUSAL, 1)),
                new Case("FALLBACK: a stream has no fallback method and blocks", Action.FALLBACK,
                        List.of(VIOLATING),
                        Expect.of(Outcome.FALLBACK, null, 1),
                        Expect.blocked(1),
                        Expect.blocked(1)));
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : cases) {
            for (Transport t : Transport.values()) {
                arguments.add(Arguments.of(c, t));
            }
        }
        return arguments.stream();
    }

    private static Case same(String name, Action action, List<String> answers, Expect expect) {
        return new Case(name, action, answers, expect, expect, expect);
    }

    /**
     * What a stream of chunks of 4 characters has released when the phrase starting at {@code found} is judged:
     * the text before the window that still held the phrase's start.
     */
    private static String released(String answer, int found) {
        StringBuilder caller = new StringBuilder();
        run(Transport.STREAM, Action.REFUSE, List.of(answer), caller);
        String refused = caller.toString();
        String prefix = refused.substring(0, refused.length() - ("\n\n" + REFUSAL).length());
        assertThat(prefix.length()).isLessThanOrEqualTo(found).isGreaterThanOrEqualTo(found - WINDOW - 4);
        return prefix;
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void theSameRulesAndAnswersGiveTheStatedOutcome(Case c, Transport transport) {
        Seen seen = run(transport, c.action(), c.answers(), new StringBuilder());
        Expect expect = switch (transport) {
            case BLOCKING -> c.blocking();
            case BUFFERED_STREAM -> c.buffered();
            case STREAM -> c.stream();
        };
        assertThat(seen.outcome()).isEqualTo(expect.outcome());
        assertThat(seen.threw()).isEqualTo(expect.threw());
        if (!expect.threw()) {
            assertThat(seen.text()).isEqualTo(expect.text());
        }
        assertThat(seen.modelCalls()).isEqualTo(expect.modelCalls());
        if (!c.answers().get(0).equals(CLEAN)) {
            assertThat(seen.rules()).contains("answer.noRefundPromise");
        }
    }

    private static Seen run(Transport transport, Action action, List<String> answers, StringBuilder caller) {
        InMemoryAuditSink audit = new InMemoryAuditSink();
        Scripted model = new Scripted(answers);
        Enforcer enforcer = new Enforcer(new SpecInfo("t.spec", "1", "sha256:x", "t.Assistant"), model.blocking(),
                model.streaming(),
                null, null, audit, Clock.systemUTC(), null);
        MethodPlan plan = new MethodPlan("answer",
                List.of(Rule.output("answer.noRefundPromise", Level.DEVELOPER, action, FORBID)), 2, REFUSAL);
        boolean threw = false;
        String text = null;
        if (transport == Transport.BLOCKING) {
            try {
                CallOutcome outcome = enforcer.call(plan).userMessage("Where is my parcel?").execute();
                text = outcome.text();
                caller.append(text == null ? "" : text);
            } catch (SpecViolationException e) {
                threw = true;
            }
        } else {
            AtomicReference<ChatResponse> complete = new AtomicReference<>();
            AtomicReference<Throwable> error = new AtomicReference<>();
            enforcer.streamingCall(plan).userMessage("Where is my parcel?")
                    .stream(transport == Transport.BUFFERED_STREAM)
                    .onPartialResponse(caller::append)
                    .onCompleteResponse(complete::set)
                    .onError(error::set)
                    .start();
            threw = error.get() instanceof SpecViolationException;
            if (complete.get() != null) {
                text = complete.get().aiMessage().text();
                assertThat(caller.toString()).isEqualTo(text); // the complete response is what was released
            }
        }
        AuditRecord record = audit.last();
        assertThat(audit.records()).hasSize(1);
        return new Seen(record.outcome(), text, threw, record.modelCalls(),
                record.violations().stream().map(Violation::ruleId).toList());
    }

    /** The scripted answers in turn, given by a chat model or a streaming model (4 characters at once). */
    private static final class Scripted {
        private final List<String> answers;
        private int calls;

        Scripted(List<String> answers) {
            this.answers = answers;
        }

        ChatModel blocking() {
            return new ChatModel() {
                @Override
                public ChatResponse doChat(ChatRequest request) {
                    return ChatResponse.builder().aiMessage(AiMessage.from(answers.get(calls++))).build();
                }
            };
        }

        StreamingChatModel streaming() {
            return new StreamingChatModel() {
                @Override
                public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                    stream(answers.get(calls++), handler);
                }
            };
        }

        private static void stream(String answer, StreamingChatResponseHandler handler) {
            FlagHandle handle = new FlagHandle();
            for (int i = 0; i < answer.length() && !handle.cancelled; i += 4) {
                handler.onPartialResponse(new PartialResponse(answer.substring(i, Math.min(answer.length(), i + 4))),
                        new PartialResponseContext(handle));
            }
            if (!handle.cancelled) {
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(answer)).build());
            }
        }
    }
}
