package dev.modelspec4j.bench;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import dev.modelspec4j.annotation.Forbid;
import dev.modelspec4j.annotation.KeepInstructionsPrivate;
import dev.modelspec4j.annotation.Length;
import dev.modelspec4j.annotation.ModelSpec;

/**
 * The assistant of the per-call benchmarks, one interface for all three ways of running it: the modelspec4j
 * rules ({@code @Length}, {@code @Forbid}) make the processor generate {@code GuardedSupportBot}; the
 * LangChain4j guardrails ({@code @OutputGuardrails}) run the same two checks under {@code AiServices}. Both
 * rules judge the answer only, so there is no {@code @InputGuardrails}: no input rule applies.
 */
@ModelSpec(id = "bench.support", version = "1.0")
// The same checks in all three variants: the built-in instruction-privacy rule (a canary per call and a leak
// scan of every answer) has no counterpart in the other two, so it is off here.
@KeepInstructionsPrivate(false)
@SystemMessage("You are the support assistant for {{product}}. Answer briefly.")
public interface SupportBot {

    @UserMessage("Customer question: {{question}}")
    @Length(maxChars = SupportBotChecks.MAX_CHARS)
    @Forbid(patterns = SupportBotChecks.FORBIDDEN)
    @OutputGuardrails({SupportBotGuardrails.LengthGuardrail.class, SupportBotGuardrails.ForbidGuardrail.class})
    String answer(@V("question") String question, @V("product") String product);
}
