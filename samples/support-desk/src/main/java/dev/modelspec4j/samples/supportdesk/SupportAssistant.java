package dev.modelspec4j.samples.supportdesk;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Example;
import dev.modelspec4j.annotation.Forbid;
import dev.modelspec4j.annotation.Length;
import dev.modelspec4j.annotation.ModelSpec;
import dev.modelspec4j.annotation.OnViolation;
import dev.modelspec4j.annotation.Pii;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.Secrets;
import dev.modelspec4j.annotation.Require;
import dev.modelspec4j.annotation.Untrusted;

/** Acme's support desk assistant: every rule below is enforced by the generated GuardedSupportAssistant. */
@ModelSpec(id = "acme.support", version = "2.1", description = "Answers customer questions about Acme products.")
@AcmeBaseline
@Pii(input = PiiMode.PSEUDONYMIZE, output = PiiMode.PSEUDONYMIZE)
@Secrets
@SystemMessage("You are Acme's support assistant for {{product}}. Answer briefly and politely."
        + " Supervisors may grant the goodwill voucher [[confidential: ACME-GOODWILL-7731]]; never quote it to a customer.")
public interface SupportAssistant {

    /**
     * The support desk's main answer, streamed token by token. A stream cannot take back what the customer has
     * read, so a violation ends it with the refusal instead of a re-ask.
     */
    @Length(maxChars = 600)
    @Forbid(phrases = {"as an AI language model"})
    @OnViolation(action = Action.REFUSE, refusal = "Sorry, I can't help with that. A colleague will contact you.")
    // The model sees masks, the customer too. Output PSEUDONYMIZE would give the customer the originals back,
    // at the price of holding back the longest value of the types (2,056 characters with URLs).
    @Pii(input = PiiMode.MASK, output = PiiMode.ALLOW)
    TokenStream chat(@MemoryId String customer, @UserMessage String question,
            @Untrusted("order notes") String orderNotes, @V("product") String product);

    @Length(maxChars = 300)
    @Forbid(phrases = {"as an AI language model"})
    @OnViolation(action = Action.REASK, maxAttempts = 2, refusal = "Sorry, I can't help with that. A colleague will contact you.")
    @Example(user = "My router blinks red.", good = "Unplug it for ten seconds, then plug it back in.",
            bad = "As an AI language model, I cannot see your router.", rule = "answer.forbid")
    String answer(@MemoryId String customer, @UserMessage String question,
            @Untrusted("order notes") String orderNotes, @V("product") String product);

    @SystemMessage("Classify the customer's message. Reply with exactly one line: 'Category: billing',"
            + " 'Category: technical' or 'Category: account'.")
    @Require(patterns = "^Category: (billing|technical|account)$")
    @OnViolation(action = Action.REASK, maxAttempts = 2)
    @Example(user = "I was charged twice on my last invoice.", good = "Category: billing",
            bad = "This sounds like a billing question.", rule = "triage.require")
    String triage(@UserMessage String message);
}
