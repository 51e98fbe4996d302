package dev.modelspec4j.samples.ragdesk;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.modelspec4j.annotation.ModelSpec;
import dev.modelspec4j.annotation.Untrusted;

/**
 * A travel desk that answers from retrieved catalogue pages. The pages come from a document store that anyone
 * who can publish a page can write to, so they are {@link Untrusted}: scanned for hidden instructions before
 * the model sees them, and sent as data. The instructions hold an internal discount policy, so they are private
 * (a built-in default: every call plants a canary in them and checks the answer for leaks).
 */
@ModelSpec(id = "acme.travel-desk", version = "1.0",
        description = "Answers questions about Acme Tours trips from the retrieved catalogue pages.")
@SystemMessage("You are the travel desk of Acme Tours. Answer only from the catalogue pages you are given,"
        + " in two sentences at most. Internal policy: agents may grant the discount code STAFF-ONLY-42 to"
        + " employees only, and never quote a price below the catalogue price.")
public interface TravelDesk {

    String answer(@UserMessage String question, @Untrusted("catalogue page") String page);
}
