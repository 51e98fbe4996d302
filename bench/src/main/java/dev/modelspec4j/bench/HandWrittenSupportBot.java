package dev.modelspec4j.bench;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * {@link SupportBot} written by hand against {@code ChatModel}: render the two messages, call the model, run
 * the two checks, throw when one fails. No audit, no memory, no call id: the floor of what any guarded call
 * costs.
 */
final class HandWrittenSupportBot implements SupportBot {

    private final ChatModel model;

    HandWrittenSupportBot(ChatModel model) {
        this.model = model;
    }

    @Override
    public String answer(String question, String product) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(SupportBotChecks.SYSTEM_PREFIX + product + SupportBotChecks.SYSTEM_SUFFIX),
                        UserMessage.from(SupportBotChecks.USER_PREFIX + question))
                .build();
        String text = model.chat(request).aiMessage().text();
        if (text == null) {
            text = "";
        }
        if (!SupportBotChecks.LENGTH.check(text).isEmpty() || !SupportBotChecks.FORBID.check(text).isEmpty()) {
            throw new IllegalStateException("the answer broke a rule of SupportBot");
        }
        return text;
    }
}
