package dev.modelspec4j.processor.guardrails;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;

/** Stops talk of attacks, softens "gimme", and throws on "boom". */
public class TopicInputGuardrail implements InputGuardrail {

    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
        String text = userMessage.singleText();
        if (text.contains("boom")) {
            throw new IllegalStateException("the guardrail broke on: " + text);
        }
        if (text.contains("attack")) {
            return fatal("attacks are off topic");
        }
        if (text.contains("gimme")) {
            return successWith(text.replace("gimme", "please give me"));
        }
        return success();
    }
}
