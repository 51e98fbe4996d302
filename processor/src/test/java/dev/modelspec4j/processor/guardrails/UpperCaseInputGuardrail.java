package dev.modelspec4j.processor.guardrails;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;
import java.util.Locale;

/** Rewrites the user's message in capitals. */
public class UpperCaseInputGuardrail implements InputGuardrail {

    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
        return successWith(userMessage.singleText().toUpperCase(Locale.ROOT));
    }
}
