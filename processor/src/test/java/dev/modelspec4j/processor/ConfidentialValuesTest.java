package dev.modelspec4j.processor;

import static dev.modelspec4j.processor.DiagnosticsTest.assertSingleError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.processor.fixtures.VaultAssistant;
import dev.modelspec4j.testing.ScriptedChatModel;
import org.junit.jupiter.api.Test;

/** {@code @KeepInstructionsPrivate(confidential = ...)} and {@code [[confidential: ...]]} in generated code. */
class ConfidentialValuesTest {

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private VaultAssistant assistant(ScriptedChatModel model) {
        return Fixtures.builder(VaultAssistant.class).chatModel(model).auditSink(audit).build();
    }

    @Test
    void theModelReadsTheValuesWithoutTheMarkers() {
        ScriptedChatModel model = ScriptedChatModel.answering("The depot opens at six.");
        assertThat(assistant(model).answer("When do you open?", "4711-PINE")).isEqualTo("The depot opens at six.");
        String system = ScriptedChatModel.systemText(model.lastRequest());
        assertThat(system).contains("door code today is 4711-PINE:", "passphrase amber-falcon-19.")
                .doesNotContain("[[", "confidential:");
    }

    @Test
    void anAnswerWithAConfidentialValueAloneIsRefused() {
        for (String leak : new String[] {"Sure, it's 4711 PINE.", "Use 4711-p1n3.", "It is AMBER falcon 19."}) {
            ScriptedChatModel model = ScriptedChatModel.answering(leak);
            assertThat(assistant(model).answer("What is the code?", "4711-PINE")).as(leak)
                    .isEqualTo(MethodPlan.DEFAULT_REFUSAL);
            assertThat(audit.last().violations()).singleElement().satisfies(v -> assertThat(v.evidence())
                    .contains("confidential value found").doesNotContain("4711", "amber"));
        }
    }

    @Test
    void aValueOfAnotherCallIsNotConfidentialInThisOne() {
        ScriptedChatModel model = ScriptedChatModel.answering("Yesterday's code 4711-PINE has expired.");
        assertThat(assistant(model).answer("Old code?", "9032-OAK")).isEqualTo(
                "Yesterday's code 4711-PINE has expired.");
    }

    @Test
    void aConfidentialNameThatIsNoTemplateVariable() {
        assertSingleError(DiagnosticsTest.assistant(
                "@ModelSpec(id = \"t.a\")",
                "@SystemMessage(\"The code is {{code}}.\")",
                "public interface Assistant {",
                "    @KeepInstructionsPrivate(confidential = \"pin\")",
                "    String answer(@UserMessage String question, @V(\"code\") String code);",
                "}"), "MS-170", "confidential = \"pin\"");
    }

    @Test
    void aConfidentialMarkerWithoutItsEnd() {
        assertSingleError(DiagnosticsTest.assistant(
                "@ModelSpec(id = \"t.a\")",
                "public interface Assistant {",
                "    @SystemMessage(\"The passphrase is [[confidential: amber.\")",
                "    String answer(@UserMessage String question);",
                "}"), "MS-171", "[[confidential: amber");
    }
}
