package dev.modelspec4j.processor.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.ClassName;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleKindsTest {

    private static RuleModel.GuardrailRule guardrail(boolean input) {
        return new RuleModel.GuardrailRule("g", Level.DEVELOPER, Action.BLOCK, false, "method answer",
                ClassName.get("com.acme", "Rail"), input, 2);
    }

    @Test
    void everyRuleModelHasExactlyOneDescriptor() {
        Set<Class<?>> described = new java.util.HashSet<>();
        for (RuleKind<?> kind : RuleKinds.ALL) {
            assertThat(described.add(kind.modelType())).as(kind.name()).isTrue();
        }
        assertThat(described).containsExactlyInAnyOrder(RuleModel.class.getPermittedSubclasses());
    }

    @Test
    void everySpecDocumentKindIsOwnedByADescriptor() {
        EnumSet<SpecKind> owned = EnumSet.noneOf(SpecKind.class);
        for (RuleKind<?> kind : RuleKinds.ALL) {
            if (kind != RuleKinds.GUARDRAILS) {
                owned.add(SpecKind.named(kind.name()).orElseThrow());
            }
        }
        owned.add(RuleKinds.GUARDRAILS.spec(guardrail(true)));
        owned.add(RuleKinds.GUARDRAILS.spec(guardrail(false)));
        assertThat(owned).containsExactlyInAnyOrder(SpecKind.values());
    }

    @Test
    void aGuardrailNamesItsPhase() {
        assertThat(guardrail(true).kind()).isEqualTo("InputGuardrails");
        assertThat(guardrail(false).kind()).isEqualTo("OutputGuardrails");
        assertThat(RuleKinds.of(guardrail(false)).inPlan()).isFalse();
    }

    @Test
    void onlyKindsWhoseAnnotationHasUserOverridableSayIt() {
        List<String> names = new ArrayList<>();
        RuleKinds.ALL.stream().filter(RuleKind::hasUserOverridable).forEach(k -> names.add(k.name()));
        assertThat(names).containsExactly("Length", "Forbid", "Require");
        for (RuleKind<?> kind : RuleKinds.ALL) {
            if (kind.hasUserOverridable()) {
                assertThat(Arrays.stream(annotation(kind).getDeclaredMethods()).map(m -> m.getName()))
                        .contains("userOverridable");
            }
        }
    }

    private static Class<?> annotation(RuleKind<?> kind) {
        try {
            return Class.forName(kind.annotation());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void weakeningIsTheKindsToSay() {
        RuleModel.LengthRule strict = new RuleModel.LengthRule("l", Level.ROOT, Action.BLOCK, false, "policy p", 100,
                0, 0, 0);
        RuleModel.LengthRule loose = new RuleModel.LengthRule("l", Level.DEVELOPER, Action.BLOCK, false,
                "interface", 200, 0, 0, 0);
        assertThat(RuleKinds.LENGTH.weaker(strict, loose)).isEqualTo("it removes or loosens a length bound");
        assertThat(RuleKinds.LENGTH.weaker(loose, strict)).isNull();
        assertThat(RuleKinds.LENGTH.loosened(strict, loose)).extracting(RuleKind.Loosened::attribute)
                .containsExactly("maxChars");
    }

    @Test
    void aModelWithNoDescriptorIsAProgrammingError() {
        assertThatThrownBy(() -> RuleKinds.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RuleKinds.GUARDRAILS.check(guardrail(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
