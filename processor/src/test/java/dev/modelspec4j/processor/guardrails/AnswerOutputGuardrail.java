package dev.modelspec4j.processor.guardrails;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;

/**
 * Asks again for an answer with "WRONG" in it, hides the word "secret", stops an answer with "FATAL" and throws
 * on "explode".
 */
public class AnswerOutputGuardrail implements OutputGuardrail {

    public static final String REPROMPT = "Answer again without the word WRONG.";

    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
        String text = answer.text();
        if (text.contains("explode")) {
            throw new IllegalStateException("the guardrail broke on: " + text);
        }
        if (text.contains("FATAL")) {
            return fatal("a fatal answer");
        }
        if (text.contains("WRONG")) {
            return reprompt("the answer says WRONG", REPROMPT);
        }
        if (text.contains("secret")) {
            return successWith(text.replace("secret", "[hidden]"));
        }
        return success();
    }
}
