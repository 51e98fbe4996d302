package dev.modelspec4j.samples.tickettriage;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.ModelSpec;
import dev.modelspec4j.annotation.OnViolation;
import dev.modelspec4j.annotation.Untrusted;

/** Turns a customer's e-mail into a typed {@link Ticket}. */
@ModelSpec(id = "acme.triage", version = "1.0", description = "Support e-mails become typed tickets")
@SystemMessage("You triage e-mails sent to Acme's support desk into tickets.")
public interface TicketTriage {

    @UserMessage("Make a ticket of this e-mail.")
    @OnViolation(action = Action.REASK, maxAttempts = 3)
    Ticket triage(@Untrusted("customer e-mail") String email);

    /** The assistant, guarded, over {@code model}. */
    static TicketTriage create(ChatModel model, AuditSink audit) {
        return GuardedTicketTriage.builder().chatModel(model).auditSink(audit).build();
    }
}
