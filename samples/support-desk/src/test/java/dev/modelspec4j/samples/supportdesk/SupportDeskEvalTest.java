package dev.modelspec4j.samples.supportdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.testing.eval.EvalCase;
import dev.modelspec4j.testing.eval.EvalCli;
import dev.modelspec4j.testing.eval.EvalReport;
import dev.modelspec4j.testing.eval.EvalRunner;
import dev.modelspec4j.testing.eval.ScriptedAnswers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval runner over the sample's data set, with the scripted answers shipped next to it. */
class SupportDeskEvalTest {

    static final Path DATA = Path.of("eval/support-desk.jsonl");
    static final Path ANSWERS = Path.of("eval/support-desk-answers.jsonl");

    static EvalReport report() {
        return EvalRunner.builder(SupportAssistant.class)
                .method("answer")
                .models(ScriptedAnswers.readJsonLines(ANSWERS), "scripted")
                .build()
                .run(EvalCase.readJsonLines(DATA));
    }

    private static EvalReport.RuleStats rule(EvalReport report, String id) {
        return report.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void countsOutcomesAndRulesOverTheDataSet() {
        EvalReport report = report();

        assertThat(report.total()).isEqualTo(8);
        assertThat(report.specId()).isEqualTo("acme.support");
        assertThat(report.specHash()).startsWith("sha256:");
        // The "injection" case: order notes that try to take over are stopped before the model is called.
        assertThat(report.outcomes()).containsEntry(Outcome.DELIVERED, 6).containsEntry(Outcome.REFUSED, 1)
                .containsEntry(Outcome.BLOCKED, 1);
        assertThat(report.rules()).extracting(EvalReport.RuleStats::id).containsExactlyInAnyOrder(
                "acmeBaseline.length", "answer.length", "acmeBaseline.forbid", "answer.forbid", "pii", "secrets",
                "answer.promptInjection", "answer.keepInstructionsPrivate");
        assertThat(rule(report, "answer.promptInjection").triggered()).isEqualTo(1);
        assertThat(rule(report, "answer.keepInstructionsPrivate").triggered()).isZero();
        EvalReport.RuleStats baseline = rule(report, "acmeBaseline.forbid");
        assertThat(baseline.triggered()).isEqualTo(2);
        assertThat(baseline.violations()).isEqualTo(3);
        assertThat(baseline.actions()).isEqualTo(Map.of(Action.REASK, 3));
        assertThat(rule(report, "answer.length").triggered()).isEqualTo(1);
        assertThat(rule(report, "answer.forbid").triggered()).isEqualTo(1);
        assertThat(rule(report, "acmeBaseline.length").triggered()).isZero();
        EvalReport.CaseResult refund = report.cases().get(1);
        assertThat(refund.id()).isEqualTo("refund");
        assertThat(refund.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refund.modelCalls()).isEqualTo(2);
    }

    @Test
    void theCommandWritesTheReportAsJsonAndHtml(@TempDir Path out) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8);
        int code = EvalCli.run(new String[] {"--interface", SupportAssistant.class.getName(), "--method", "answer",
            "--data", DATA.toString(), "--answers", ANSWERS.toString(), "--out", out.toString()}, Map.of(), print,
                print);

        assertThat(code).as(text.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("eval-report.json")));
        assertThat(json.get("total").asInt()).isEqualTo(8);
        assertThat(json.get("outcomes").get("REFUSED").asInt()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("eval-report.html"))).contains("<svg").doesNotContain("<script");
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("8 cases");
    }

    @Test
    void theCommandNeedsAModel(@TempDir Path out) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8);
        int code = EvalCli.run(new String[] {"--interface", SupportAssistant.class.getName(), "--method", "answer",
            "--data", DATA.toString(), "--out", out.toString()}, Map.of(), print, print);
        assertThat(code).isEqualTo(2);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("OPENAI_API_KEY");
    }
}
