package dev.modelspec4j.bench;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.modelspec4j.AuditSink;
import java.util.List;
import java.util.function.Function;

/** The three ways of running {@link SupportBot}, built the way a user builds them, and a check that they agree. */
final class SupportBots {

    static final String QUESTION = "My router keeps dropping the connection every evening. What can I do?";
    static final String PRODUCT = "Acme Router X2";

    /** The audit sink of the generated variant: discards every record (the record is still built). */
    static final AuditSink DISCARD = record -> { };

    enum Variant {
        AI_SERVICES(model -> AiServices.builder(SupportBot.class).chatModel(model).build()),
        GENERATED(model -> GuardedSupportBotSpec.builder().chatModel(model).auditSink(DISCARD).build()),
        HAND_WRITTEN(HandWrittenSupportBot::new);

        private final Function<ChatModel, SupportBot> factory;

        Variant(Function<ChatModel, SupportBot> factory) {
            this.factory = factory;
        }

        SupportBot create(ChatModel model) {
            return factory.apply(model);
        }
    }

    private SupportBots() {
    }

    /** The messages every variant must send for {@link #QUESTION} and {@link #PRODUCT}. */
    static List<ChatMessage> expectedMessages() {
        return List.of(
                SystemMessage.from(SupportBotChecks.SYSTEM_PREFIX + PRODUCT + SupportBotChecks.SYSTEM_SUFFIX),
                UserMessage.from(SupportBotChecks.USER_PREFIX + QUESTION));
    }

    /**
     * Fails unless every variant sends the same messages, returns the model's answer, and refuses an answer that
     * breaks the {@code @Forbid} rule: the benchmark compares equivalent work.
     */
    static void verifyEquivalent() {
        for (Variant variant : Variant.values()) {
            InstantChatModel model = new InstantChatModel(InstantChatModel.ANSWER, true);
            String answer = variant.create(model).answer(QUESTION, PRODUCT);
            if (!InstantChatModel.ANSWER.equals(answer)) {
                throw new IllegalStateException(variant + " returned " + answer);
            }
            List<ChatMessage> sent = model.lastRequest().messages();
            if (!expectedMessages().equals(sent)) {
                throw new IllegalStateException(variant + " sent " + sent + ", expected " + expectedMessages());
            }
            SupportBot strict = variant.create(new InstantChatModel("Yes, a Guaranteed Refund applies.", false));
            boolean refused;
            try {
                strict.answer(QUESTION, PRODUCT);
                refused = false;
            } catch (RuntimeException expected) {
                refused = true;
            }
            if (!refused) {
                throw new IllegalStateException(variant + " let a forbidden answer through");
            }
        }
    }
}
