package dev.modelspec4j.samples.ragdesk;

import dev.langchain4j.model.chat.ChatModel;
import dev.modelspec4j.AuditSink;

/** The guarded travel desk with its retriever, as an application would wire it. */
public final class RagDesk {

    private final TravelDesk desk;

    public RagDesk(ChatModel model, AuditSink audit) {
        this.desk = GuardedTravelDesk.builder().chatModel(model).auditSink(audit).build();
    }

    /** Retrieves the page for {@code question} and asks the guarded assistant. */
    public String ask(String question) {
        return desk.answer(question, Catalogue.retrieve(question));
    }
}
