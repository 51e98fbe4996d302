package dev.modelspec4j.samples.tickettriage;

import dev.langchain4j.model.output.structured.Description;
import dev.modelspec4j.annotation.Pii;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A support ticket made from a customer's e-mail.
 *
 * @param summary what the customer needs, in one line
 * @param category which team handles it
 * @param priority how urgent it is
 * @param dueBy the date by which the customer expects an answer, when the e-mail says
 * @param products the products the e-mail mentions
 * @param agentNotes free text for the agent who picks the ticket up
 */
public record Ticket(
        @Description("What the customer needs, in one line of at most 80 characters") String summary,
        Category category,
        Priority priority,
        Optional<LocalDate> dueBy,
        List<String> products,
        // No personal data in free text: phone numbers and e-mail addresses are masked, the ticket goes on.
        @Pii(types = {PiiType.PHONE, PiiType.EMAIL}, output = PiiMode.MASK)
        String agentNotes) {

    /** The team that handles a ticket. */
    public enum Category { BILLING, TECHNICAL, SHIPPING, OTHER }

    /** How urgent a ticket is. */
    public enum Priority { LOW, NORMAL, URGENT }
}
