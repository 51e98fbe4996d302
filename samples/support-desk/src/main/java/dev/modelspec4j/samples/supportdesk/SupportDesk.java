package dev.modelspec4j.samples.supportdesk;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.ModelSpecs;

/** Builds the guarded support assistant, as an application would. */
public final class SupportDesk {

    private SupportDesk() {
    }

    /**
     * The assistant over {@code model} (whole answers) and {@code streamingModel} (the streamed chat), with
     * per-customer memory and audit records sent to {@code audit}.
     */
    public static SupportAssistant assistant(ChatModel model, StreamingChatModel streamingModel, AuditSink audit) {
        return ModelSpecs.builder(SupportAssistant.class)
                .chatModel(model)
                .streamingChatModel(streamingModel)
                .chatMemoryProvider(customer -> MessageWindowChatMemory.withMaxMessages(20))
                .auditSink(audit)
                .build();
    }
}
