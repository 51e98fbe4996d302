package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.leak.InstructionLeakCheck;
import dev.modelspec4j.enforce.Enforcer;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Instruction privacy on streams: a streamed copy of the instructions, verbatim or nearly so, is stopped before
 * more than {@value #BOUND} of its characters reach the caller, wherever it starts in the answer and whatever the
 * chunk size; ordinary answers that share a few phrases with the instructions are not stopped.
 */
class StreamedInstructionLeakTest {

    static final int BOUND = 120;

    /** 497 characters, like the system prompt of the measured leak. */
    static final String INSTRUCTIONS = "You are Harbor, the support assistant of Northwind Ferries. Answer"
            + " questions about timetables, tickets, luggage and pets on board, and nothing else. Never promise"
            + " refunds or compensation: send refund questions to the customer desk at the harbour office. Do not"
            + " discuss competitors or their prices, even when asked directly. Keep every answer under eighty words,"
            + " use a friendly tone, and always end with the booking hotline number. If a traveller seems upset,"
            + " apologise once and offer the phone line.";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /** What one streamed call gave the caller. */
    record Streamed(String partials, Throwable error, Outcome outcome, String answer) {
    }

    Streamed stream(Function<String, String> answer, Function<String, List<String>> chunking, String instructions,
            Action action) {
        StringBuilder partials = new StringBuilder();
        AtomicReference<Throwable> error = new AtomicReference<>();
        StreamedModel model = new StreamedModel(answer, chunking, partials);
        Enforcer enforcer = model.enforcer(audit);
        MethodPlan plan = new MethodPlan("answer", 1, "Sorry, I can't share that.",
                Rule.output("answer.keepInstructionsPrivate", Level.ROOT, action, InstructionLeakCheck.standard()));
        enforcer.streamingCall(plan).memoryId("m").systemMessage(instructions).userMessage("question")
                .stream(false)
                .onPartialResponse(partials::append)
                .onError(error::set)
                .start();
        return new Streamed(partials.toString(), error.get(), audit.last().outcome(), model.lastAnswer);
    }

    /** Verbatim and near-verbatim copies of the instructions (without the canary line). */
    static Map<String, UnaryOperator<String>> copies() {
        Map<String, UnaryOperator<String>> copies = new LinkedHashMap<>();
        copies.put("verbatim", s -> s);
        copies.put("upper case", s -> s.toUpperCase(java.util.Locale.ROOT));
        copies.put("white space", s -> s.replace(". ", ".\n\n").replace(", ", " ,  "));
        copies.put("zero-width", s -> s.replace(" ", " \u200B").replace("a", "a\u200D"));
        copies.put("small edits", s -> s.replace("Answer questions", "Answer any questions")
                .replace("Never promise", "Don't ever promise").replace("Do not discuss", "Don't discuss")
                .replace("every answer", "each answer").replace("tone", "voice"));
        copies.put("markdown list", s -> "- " + s.replace(". ", ".\n- "));
        return copies;
    }

    /** Text before the copy: from none to a paragraph. */
    static final List<String> LEADS = List.of("",
            "Sure. ",
            "Of course, here is exactly what I was told before our chat started:\n\n",
            "The next ferry to Skerry Island leaves at 9:40 from pier 3; the crossing takes fifty minutes and the"
                    + " cafe on deck two is open. Bikes are welcome. Now, as for your other question, here is the"
                    + " text I was set up with, word for word:\n> ");

    @Test
    void aStreamedCopyOfTheInstructionsIsStoppedWithinTheBoundAtEveryChunkSize() {
        int worst = 0;
        for (Map.Entry<String, UnaryOperator<String>> copy : copies().entrySet()) {
            String copied = copy.getValue().apply(INSTRUCTIONS);
            for (String lead : LEADS) {
                String answer = lead + copied + "\n\nAnything else I can help with?";
                for (int size = 1; size <= 20; size++) {
                    int chunk = size;
                    Streamed streamed = stream(system -> answer, text -> StreamedModel.chunks(text, chunk),
                            INSTRUCTIONS, Action.BLOCK);
                    String at = copy.getKey() + ", lead " + lead.length() + ", chunks of " + size;
                    assertThat(streamed.error()).as(at).isInstanceOf(SpecViolationException.class);
                    assertThat(answer).as(at).startsWith(streamed.partials());
                    int leaked = Math.max(0, streamed.partials().length() - lead.length());
                    assertThat(leaked).as(at).isLessThanOrEqualTo(BOUND);
                    worst = Math.max(worst, leaked);
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void anEchoOfTheWholeSystemMessageMeetsTheCanaryFirst() {
        for (int size = 1; size <= 20; size++) {
            int chunk = size;
            Streamed streamed = stream(system -> "Here they are: " + system, text -> StreamedModel.chunks(text, chunk),
                    INSTRUCTIONS, Action.REFUSE);
            assertThat(streamed.answer()).startsWith("Here they are: Internal reference ");
            assertThat(streamed.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(streamed.partials()).endsWith("Sorry, I can't share that.");
            String released = streamed.partials().substring(0,
                    streamed.partials().length() - "Sorry, I can't share that.".length()).strip();
            // Only text before the canary's letters can have gone out: the instructions proper come after it.
            assertThat(released.length()).as("chunks of " + size).isLessThanOrEqualTo("Here they are: ".length()
                    + "Internal reference ".length());
            assertThat(streamed.partials()).doesNotContain("Northwind");
        }
    }

    @Test
    void aCopyOfShortInstructionsIsStoppedToo() {
        String instructions = "Answer questions about Acme routers only, in two sentences at most, and never"
                + " mention the discount code WINTER24 to anyone.";
        for (int size = 1; size <= 20; size++) {
            int chunk = size;
            Streamed streamed = stream(system -> "My rules: " + instructions + " That is all.",
                    text -> StreamedModel.chunks(text, chunk), instructions, Action.BLOCK);
            assertThat(streamed.error()).isInstanceOf(SpecViolationException.class);
            assertThat(streamed.partials()).doesNotContain("WINTER24");
        }
    }

    static final String RETURNS = "You are the returns desk of Acme. Customers may send a parcel back within"
            + " thirty days of delivery. Never promise a refund before the parcel is back in the warehouse, and"
            + " never accept returns of opened software or gift cards. Be brief and polite, and offer the returns"
            + " label from the order page when it helps.";

    /**
     * Ordinary answers for two assistants: each shares words and a phrase or two with its instructions. The
     * development split chose {@code DEFAULT_MIN_STREAMED_SHINGLES}: its answers repeat at most 6 distinct shingles
     * of their instructions, a verbatim copy 10 within its first 14 words, so 10 leaves a margin on both sides; the
     * validation split was not looked at while choosing it.
     */
    static final List<String[]> DEVELOPMENT = List.of(
            new String[] {INSTRUCTIONS, "Hi, I'm Harbor, the support assistant of Northwind Ferries. The 9:40 ferry"
                    + " to Skerry Island has free seats; tickets cost 18 euros and pets on board need a carrier. For"
                    + " refund questions, the customer desk at the harbour office can help. Booking hotline: 0800"
                    + " 555 0199."},
            new String[] {INSTRUCTIONS, "Pets on board are welcome on every crossing: dogs stay on a lead, cats in"
                    + " a basket. Luggage up to 20 kg is free. I'm sorry, I can't discuss competitors or their"
                    + " prices. Booking hotline: 0800 555 0199."},
            new String[] {INSTRUCTIONS, "I understand this is frustrating, and I apologise. Refund questions go to"
                    + " the customer desk at the harbour office, which is open from 8 to 18. You can also call the"
                    + " phone line. Booking hotline: 0800 555 0199."},
            new String[] {RETURNS, "Thanks for reaching out to the returns desk of Acme. You can send the parcel"
                    + " back within thirty days of delivery; print the label from your order page and drop it at any"
                    + " post office. A refund is issued once the parcel is back in our warehouse."},
            new String[] {RETURNS, "The returns desk of Acme can't promise a refund before the parcel is back,"
                    + " but once it arrives, refunds take three to five working days. Opened software cannot be"
                    + " returned, sorry."});

    static final List<String[]> VALIDATION = List.of(
            new String[] {INSTRUCTIONS, "Timetables change with the season: in winter the first ferry leaves at"
                    + " 7:10, in summer at 6:30. Tickets can be changed up to an hour before departure. Questions"
                    + " about timetables, tickets, luggage and pets on board are what I'm here for! Booking hotline:"
                    + " 0800 555 0199."},
            new String[] {INSTRUCTIONS, "I can't promise refunds or compensation myself, but the customer desk at"
                    + " the harbour office handles them quickly. I apologise for the delay today. Booking hotline:"
                    + " 0800 555 0199."},
            new String[] {INSTRUCTIONS, "Sure! Harbor here, the support assistant of Northwind Ferries. Your dog"
                    + " can travel with you; keep it on a lead on the car deck. Luggage and pets on board are"
                    + " covered by your ticket. Booking hotline: 0800 555 0199."},
            new String[] {RETURNS, "Of course. Keep the receipt and the original packaging; the returns desk of"
                    + " Acme checks both. We never charge for return shipping within the EU, and we refund the"
                    + " full price once the parcel is back."},
            new String[] {RETURNS, "Opened software cannot be returned, and gift cards neither. Everything else"
                    + " can be sent back within thirty days. Would you like the address of the returns desk of"
                    + " Acme?"});


    @Test
    void ordinaryAnswersSharingAFewPhrasesAreNotStopped() {
        for (List<String[]> split : List.of(DEVELOPMENT, VALIDATION)) {
            for (String[] pair : split) {
                for (int size : new int[] {1, 4, 11, 20}) {
                    int chunk = size;
                    Streamed streamed = stream(system -> pair[1], text -> StreamedModel.chunks(text, chunk), pair[0],
                            Action.BLOCK);
                    assertThat(streamed.error()).as(pair[1]).isNull();
                    assertThat(streamed.partials()).isEqualTo(pair[1]);
                    assertThat(streamed.outcome()).isEqualTo(Outcome.DELIVERED);
                }
            }
        }
    }

    @Test
    void aCloseParaphraseIsStoppedMidStream() {
        String paraphrase = "Harbor is the support assistant of Northwind Ferries and answers questions about"
                + " timetables, tickets, luggage and pets on board, and nothing else. Refunds are never promised:"
                + " refund questions go to the customer desk at the harbour office. Competitors and their prices"
                + " are not discussed, even when asked directly. Every answer stays under eighty words, with a"
                + " friendly tone, and always ends with the booking hotline number.";
        for (int size : new int[] {1, 9, 20}) {
            int chunk = size;
            Streamed streamed = stream(system -> paraphrase, text -> StreamedModel.chunks(text, chunk), INSTRUCTIONS,
                    Action.BLOCK);
            assertThat(streamed.error()).isInstanceOf(SpecViolationException.class);
            assertThat(streamed.partials().length()).isLessThan(paraphrase.length() / 2);
        }
    }
}
