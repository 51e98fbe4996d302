package dev.modelspec4j.bench;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import java.util.List;

/** LangChain4j output guardrails that run {@link SupportBotChecks}; a violation is fatal, as BLOCK is. */
public final class SupportBotGuardrails {

    private SupportBotGuardrails() {
    }

    private static OutputGuardrailResult judge(OutputGuardrail guardrail, OutputCheck check, AiMessage answer) {
        String text = answer.text() == null ? "" : answer.text();
        List<Finding> findings = check.check(text);
        return findings.isEmpty() ? guardrail.success() : guardrail.fatal(findings.get(0).message());
    }

    /** {@code @Length(maxChars = 800)}. */
    public static final class LengthGuardrail implements OutputGuardrail {
        @Override
        public OutputGuardrailResult validate(AiMessage responseFromLLM) {
            return judge(this, SupportBotChecks.LENGTH, responseFromLLM);
        }
    }

    /** {@code @Forbid(patterns = "(?i)guaranteed refund")}. */
    public static final class ForbidGuardrail implements OutputGuardrail {
        @Override
        public OutputGuardrailResult validate(AiMessage responseFromLLM) {
            return judge(this, SupportBotChecks.FORBID, responseFromLLM);
        }
    }
}
