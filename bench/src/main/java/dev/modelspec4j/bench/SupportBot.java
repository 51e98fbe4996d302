package dev.modelspec4j.bench;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.guardrail.OutputGuardrails;

/**
 * The assistant of the per-call benchmarks, as LangChain4j {@code AiServices} runs it: the two checks are
 * {@code @OutputGuardrails}. {@link SupportBotSpec} states the same checks as modelspec4j rules, for the
 * generated variant; the hand-written variant writes them around the model call. No input rule applies in any.
 */
@SystemMessage("You are the support assistant for {{product}}. Answer briefly.")
public interface SupportBot {

    @UserMessage("Customer question: {{question}}")
    @OutputGuardrails({SupportBotGuardrails.LengthGuardrail.class, SupportBotGuardrails.ForbidGuardrail.class})
    String answer(@V("question") String question, @V("product") String product);
}
