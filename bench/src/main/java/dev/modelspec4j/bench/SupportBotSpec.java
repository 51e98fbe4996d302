package dev.modelspec4j.bench;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.modelspec4j.annotation.Forbid;
import dev.modelspec4j.annotation.KeepInstructionsPrivate;
import dev.modelspec4j.annotation.Length;
import dev.modelspec4j.annotation.ModelSpec;

/**
 * {@link SupportBot} with its two checks as modelspec4j rules ({@code @Length}, {@code @Forbid}) instead of
 * LangChain4j guardrails, which a guarded assistant would also run: the processor generates
 * {@code GuardedSupportBotSpec}, and the variants do the same work.
 */
@ModelSpec(id = "bench.support", version = "1.0")
// The same checks in all three variants: the built-in instruction-privacy rule (a canary per call and a leak
// scan of every answer) has no counterpart in the other two, so it is off here.
@KeepInstructionsPrivate(false)
@SystemMessage("You are the support assistant for {{product}}. Answer briefly.")
public interface SupportBotSpec extends SupportBot {

    @Override
    @UserMessage("Customer question: {{question}}")
    @Length(maxChars = SupportBotChecks.MAX_CHARS)
    @Forbid(patterns = SupportBotChecks.FORBIDDEN)
    String answer(@V("question") String question, @V("product") String product);
}
