package dev.modelspec4j.processor.generate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.TemplatePart;
import java.util.List;

/** Rules, levels, actions and templates in plain words, for readers who do not read Java. */
final class RuleText {

    private RuleText() {
    }

    /** What the rule asks of every answer: its kind's words. */
    static String describe(RuleModel rule) {
        return RuleKinds.of(rule).describe(rule);
    }

    /** Who stated the rule, and who may change it. */
    static String level(Level level) {
        return switch (level) {
            case ROOT -> "Root: a company-wide rule that nothing can override";
            case SYSTEM -> "System: a platform rule that the application cannot weaken";
            case DEVELOPER -> "Developer: a rule of this assistant";
            case USER -> "User: a default the user may change";
            case GUIDELINE -> "Guideline: advice, recorded but not enforced";
        };
    }

    /** What happens to an answer that breaks a rule of {@code method} with {@code action}. */
    static String action(Action action, MethodModel method) {
        String refusal = method.refusal().isEmpty() ? "" : " (\"" + method.refusal() + "\")";
        return switch (action) {
            case BLOCK -> "The call is stopped with an error; the user gets no answer.";
            case REFUSE -> "The user gets a brief refusal instead" + refusal + ".";
            case FALLBACK -> "The user gets the assistant's fallback answer instead.";
            case REASK -> "The model is told what was wrong and asked again, " + method.maxAttempts()
                    + (method.maxAttempts() == 1 ? " call" : " calls") + " at most; if it still fails, "
                    + (method.refusal().isEmpty() ? "the call is stopped with an error." : "the user gets the refusal"
                            + refusal + ".");
            case REDACT -> "The offending words are masked and the rest of the answer is delivered.";
            case REPORT -> "The answer is delivered unchanged; the breach is only recorded.";
        };
    }

    /** A template as written, variables in double braces. */
    static String template(List<TemplatePart> parts) {
        StringBuilder text = new StringBuilder();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                text.append(literal.text());
            } else if (part instanceof TemplatePart.Variable variable) {
                text.append("{{").append(variable.variable()).append("}}");
            } else if (part instanceof TemplatePart.Special special) {
                text.append("{{").append(special.variable()).append("}}");
            }
        }
        return text.toString();
    }
}
