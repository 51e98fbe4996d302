package dev.modelspec4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The LangChain4j guardrails of a generated class: the constructor creates each guardrail class once, with
 * {@code new}, and gives every method that has guardrails a {@code Guardrails} field, handed to its calls.
 */
final class GuardrailFields {

    private static final ClassName GUARDRAILS = ClassName.get("dev.modelspec4j.enforce", "Guardrails");

    private GuardrailFields() {
    }

    /**
     * Adds the fields to {@code type} and their initialisation to {@code constructor}; records each method's
     * field in {@code fields}.
     */
    static void write(AssistantModel model, TypeSpec.Builder type, MethodSpec.Builder constructor,
            Map<MethodModel, String> fields) {
        fields.clear();
        Set<String> names = new HashSet<>(Set.of("enforcer"));
        Map<ClassName, String> instances = new LinkedHashMap<>();
        for (MethodModel method : model.methods()) {
            List<RuleModel.GuardrailRule> guardrails = method.rules().stream()
                    .filter(RuleModel.GuardrailRule.class::isInstance).map(RuleModel.GuardrailRule.class::cast)
                    .toList();
            if (guardrails.isEmpty()) {
                continue;
            }
            for (RuleModel.GuardrailRule g : guardrails) {
                if (!instances.containsKey(g.guardrailClass())) {
                    String local = unique(lowerCamel(g.guardrailClass()), names);
                    instances.put(g.guardrailClass(), local);
                    constructor.addStatement("$T $N = new $T()", g.guardrailClass(), local, g.guardrailClass());
                }
            }
            String field = unique(method.name() + "Guardrails", names);
            fields.put(method, field);
            type.addField(FieldSpec.builder(GUARDRAILS, field, Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The LangChain4j guardrails of {@code $L}.\n", method.name())
                    .build());
            int maxRetries = guardrails.stream().filter(g -> !g.input())
                    .mapToInt(RuleModel.GuardrailRule::maxRetries).findFirst().orElse(0);
            CodeBlock.Builder init = CodeBlock.builder().add("new $T($S, $L)", GUARDRAILS,
                    RuleText.template(method.userMessage()), maxRetries);
            for (RuleModel.GuardrailRule g : guardrails) {
                init.add("\n.$L($S, $N)", g.input() ? "input" : "output", g.id(), instances.get(g.guardrailClass()));
            }
            constructor.addStatement("this.$N = $L", field, init.build());
        }
    }

    private static String lowerCamel(ClassName name) {
        String simple = String.join("", name.simpleNames());
        String local = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        return javax.lang.model.SourceVersion.isKeyword(local) ? local + "Guardrail" : local;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }
}
