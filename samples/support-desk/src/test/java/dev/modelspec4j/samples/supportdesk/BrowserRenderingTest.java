package dev.modelspec4j.samples.supportdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated spec sheet and an eval report in a real headless Chromium and checks what it rendered:
 * the pages must stand on their own (no scripts, no external files). Skipped only when no Chromium is installed
 * ({@code .ci/run} installs it).
 */
class BrowserRenderingTest {

    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** The DOM Chromium built from {@code page}, serialized after loading. */
    private static String renderedDom(Path page, Path work) throws IOException, InterruptedException {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no Chromium binary installed");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + work.resolve("profile"), "--dump-dom",
                page.toUri().toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(work.resolve("chromium.log").toFile())
                .start();
        String dom;
        try (InputStream out = process.getInputStream()) {
            dom = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        assertThat(process.exitValue()).as("Chromium exit code; log: " + work.resolve("chromium.log")).isZero();
        assertThat(dom).as("rendered DOM").contains("</html>");
        return dom;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theSpecSheetRendersEveryRuleAndExample(@TempDir Path work) throws Exception {
        Path page = work.resolve("acme.support.html");
        try (InputStream in = SupportAssistant.class.getClassLoader()
                .getResourceAsStream("META-INF/modelspec/acme.support.html")) {
            assertThat(in).as("generated spec sheet on the class path").isNotNull();
            Files.write(page, in.readAllBytes());
        }

        String dom = renderedDom(page, work);

        assertThat(dom).contains("<title>Spec sheet: acme.support 2.1</title>")
                .contains("<h1>Spec sheet: acme.support 2.1</h1>")
                .contains("Answers customer questions about Acme products.")
                .contains("<h2>answer</h2>").contains("<h2>triage</h2>")
                .contains("data-rule-id=\"acmeBaseline.forbid\"").contains("data-rule-id=\"triage.require\"")
                .contains("Category: billing")
                .doesNotContain("<script");
        // chat: 2 policy rules + length + forbid + pii + secrets + injection scanning + instruction privacy;
        // answer: the same; triage: 2 policy rules + require + pii + secrets + instruction privacy.
        assertThat(count(dom, "<tr class=\"rule\"")).isEqualTo(22);
        assertThat(count(dom, "<div class=\"example\">")).isEqualTo(2);
    }

    @Test
    void theEvalReportRendersItsBarCharts(@TempDir Path work) throws Exception {
        Path page = work.resolve("eval-report.html");
        Files.writeString(page, SupportDeskEvalTest.report().toHtml());

        String dom = renderedDom(page, work);

        assertThat(dom).contains("<title>Eval report: acme.support 2.1, answer</title>")
                .contains("<svg class=\"chart\" id=\"chart-outcomes\"")
                .contains("data-label=\"DELIVERED\" data-value=\"6\"")
                .contains("data-label=\"REFUSED\" data-value=\"1\"")
                .contains("data-label=\"acmeBaseline.forbid\" data-value=\"2\"");
        // Eight outcomes (CANCELLED and UNEXPECTED_REPLY included) and eight rules, each one bar.
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(16);
        assertThat(count(dom, "<tr class=\"rule\"")).isEqualTo(8);
    }
}
