package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.processor.generate.SourceText;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one method's {@code MethodPlan} as generated code states them, as steps of the runtime's
 * {@code Plans.method(..)} builder: each kind adds its rule as an input rule, an output rule, both, or as the
 * method's privacy plan.
 */
public final class PlanCode {

    static final ClassName LEVEL = ClassName.get("dev.modelspec4j.annotation", "Level");
    static final ClassName ACTION = ClassName.get("dev.modelspec4j.annotation", "Action");

    private final List<CodeBlock> rules = new ArrayList<>();
    private CodeBlock privacy;

    /** The rule's check runs on what goes to the model. */
    void input(RuleModel rule, CodeBlock check) {
        rules.add(step("input", rule, check));
    }

    /** The rule's check runs on the answer. */
    void output(RuleModel rule, CodeBlock check) {
        rules.add(step(rule.userOverridable() ? "userOverridableOutput" : "output", rule, check));
    }

    /** {@code .output("id", Level.DEVELOPER, Action.REASK, check)}: a step of the plan's builder. */
    private static CodeBlock step(String step, RuleModel rule, CodeBlock check) {
        return CodeBlock.of(".$L($L, $T.$L, $T.$L,$W$L)", step, SourceText.string(rule.id()), LEVEL, rule.level(),
                ACTION, rule.action(), check);
    }

    /** The method's privacy plan. */
    void privacy(CodeBlock plan) {
        privacy = plan;
    }

    /** The rules' builder steps, in the order they were added. */
    public List<CodeBlock> rules() {
        return List.copyOf(rules);
    }

    /** The privacy plan, or null when the method has none. */
    public CodeBlock privacy() {
        return privacy;
    }
}
