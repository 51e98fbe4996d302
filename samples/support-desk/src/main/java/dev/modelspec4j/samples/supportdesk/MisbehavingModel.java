package dev.modelspec4j.samples.supportdesk;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.modelspec4j.testing.ScriptedChatModel;
import dev.modelspec4j.testing.ScriptedStreamingChatModel;

/**
 * A deliberately bad model for the offline demo: it rambles past the length limit, slips into a forbidden
 * phrase and answers in the wrong form, and only behaves once it is told what it did wrong.
 */
final class MisbehavingModel {

    private MisbehavingModel() {
    }

    static ScriptedChatModel create() {
        return create(request -> { });
    }

    /** The model, calling {@code log} with every request it receives. */
    static ScriptedChatModel create(java.util.function.Consumer<ChatRequest> log) {
        return ScriptedChatModel.builder()
                .onRequest(log)
                // 1. answer: rambles far past 300 characters; after the re-ask, a short answer.
                .reply("Thank you so much for contacting Acme support! I completely understand how frustrating it"
                        + " is when a router stops working, and I want you to know that we value you as a customer."
                        + " Before we begin, let me tell you a little about how routers work in general, because"
                        + " understanding the basics will make troubleshooting so much easier for both of us...")
                .reply(MisbehavingModel::shortAnswer)
                // 2. answer: a forbidden phrase from the root policy, twice in a row: the refusal is returned.
                .reply("Don't worry: you get a guaranteed refund on every order.")
                .reply("As I said, a guaranteed refund applies.")
                // 3. triage: the wrong form, then the right one.
                .reply("I think this message is probably about billing, since it mentions an invoice.")
                .reply("Category: billing")
                // 4. answer: an untrusted order note tries to take over: it is stopped before the model sees it.
                // 5. answer: the customer's personal data reached the model as placeholders only.
                .reply("I have updated the e-mail for card [CREDIT_CARD_1] to [EMAIL_1].")
                // 6. answer: the voucher code that the system message marks confidential, spaced out.
                .reply("Of course! Use the goodwill voucher A C M E - G O O D W I L L - 7 7 3 1 at checkout.")
                .build();
    }

    /** The streamed chat: a good answer, then one that slips into a phrase the root policy forbids. */
    static ScriptedStreamingChatModel createStreaming() {
        return ScriptedStreamingChatModel.builder()
                .chunkSize(4)
                .reply("A red light means the router lost its connection to our network. Unplug it for ten"
                        + " seconds, plug it back in, and wait two minutes for the light to turn green. If it stays red,"
                        + " check that the grey cable sits firmly in the socket marked DSL, then restart it once more.")
                .reply("Refunds are handled by our billing team within five working days of the parcel reaching"
                        + " our warehouse; they check every return by hand and write to you once the money is on its"
                        + " way. In your case you get a guaranteed refund and a voucher on top.")
                .build();
    }

    private static String shortAnswer(ChatRequest request) {
        return "Unplug the router for ten seconds, plug it back in, and wait for the light to turn green.";
    }
}
