package dev.modelspec4j.enforce;

import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.check.pii.PiiDetector;
import java.util.Objects;

/**
 * The {@code @Pii} rule of a method: which personal data to look for and what to do with it on the way to the
 * model ({@code input}) and on the way back to the user ({@code output}).
 *
 * @param ruleId the rule's id
 * @param level the rule's level of authority
 * @param detector finds the configured types
 * @param input the mode for everything sent to the model: the user's message, untrusted blocks and memory
 * @param output the mode for the answer
 */
public record PrivacyPlan(String ruleId, Level level, PiiDetector detector, PiiMode input, PiiMode output) {

    public PrivacyPlan {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
