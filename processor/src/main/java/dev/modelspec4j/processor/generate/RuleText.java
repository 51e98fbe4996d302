package dev.modelspec4j.processor.generate;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.TemplatePart;
import java.util.ArrayList;
import java.util.List;

/** Rules, levels, actions and templates in plain words, for readers who do not read Java. */
final class RuleText {

    private RuleText() {
    }

    /** What the rule asks of every answer. */
    static String describe(RuleModel rule) {
        if (rule instanceof RuleModel.LengthRule length) {
            List<String> bounds = new ArrayList<>();
            bound(bounds, "at most", length.maxChars(), "character");
            bound(bounds, "at most", length.maxWords(), "word");
            bound(bounds, "at most", length.maxSentences(), "sentence");
            bound(bounds, "at least", length.minChars(), "character");
            return "The answer has " + join(bounds, "and") + ".";
        }
        if (rule instanceof RuleModel.ForbidRule forbid) {
            return "The answer never contains " + join(forbid.descriptions(), "or") + ".";
        }
        if (rule instanceof RuleModel.RequireRule require) {
            List<String> patterns = require.patterns().stream().map(p -> "the pattern " + p).toList();
            return "The answer always matches " + join(patterns, "and") + ".";
        }
        if (rule instanceof RuleModel.PiiRule pii) {
            List<String> types = pii.types().stream().map(t -> t.name().toLowerCase().replace('_', ' ')).toList();
            return "Personal data (" + join(types, "and") + ") is " + piiMode(pii.input(), true)
                    + " before the model sees it, and " + piiMode(pii.output(), false) + " in the answer.";
        }
        if (rule instanceof RuleModel.SecretsRule) {
            return "Credentials (API keys, tokens, private keys, passwords) never reach the model and never"
                    + " appear in an answer.";
        }
        if (rule instanceof RuleModel.PromptInjectionRule injection) {
            List<String> parts = injection.scopes().stream()
                    .map(scope -> scope.name().equals("USER") ? "the user's messages" : "untrusted data").toList();
            return "Instructions hidden in " + join(parts, "and") + " are detected before the model sees them.";
        }
        if (rule instanceof RuleModel.CustomRule custom) {
            return "The answer passes the check " + custom.checkClass().simpleName() + ".";
        }
        if (rule instanceof RuleModel.GuardrailRule guardrail) {
            String name = guardrail.guardrailClass().simpleName();
            if (guardrail.input()) {
                return "The user's message passes the LangChain4j input guardrail " + name + " before the model sees"
                        + " it: a failure stops the call, a rewrite is what the model sees.";
            }
            int calls = Math.max(1, guardrail.maxRetries());
            return "The answer passes the LangChain4j output guardrail " + name + ": a failure stops the call, a"
                    + " retry or reprompt asks the model again (" + calls + (calls == 1 ? " model call" : " model calls")
                    + " at most), a rewrite is what the user receives.";
        }
        if (rule instanceof RuleModel.KeepPrivateRule) {
            return "The answer never reveals the assistant's instructions, word for word or closely paraphrased.";
        }
        return "A @" + rule.kind() + " rule.";
    }

    private static String piiMode(dev.modelspec4j.annotation.PiiMode mode, boolean input) {
        return switch (mode) {
            case ALLOW -> "left as it is";
            case MASK -> "replaced by its type, e.g. [EMAIL]";
            case REDACT -> "removed";
            case PSEUDONYMIZE -> input ? "replaced by consistent placeholders, e.g. [EMAIL_1]"
                    : "given back in its original form where it came from the user, and masked otherwise";
            case BLOCK -> input ? "refused: the call stops" : "refused: the answer is withheld";
        };
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

    private static void bound(List<String> bounds, String how, int value, String unit) {
        if (value > 0) {
            bounds.add(how + " " + value + " " + unit + (value == 1 ? "" : "s"));
        }
    }

    private static String join(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }
}
