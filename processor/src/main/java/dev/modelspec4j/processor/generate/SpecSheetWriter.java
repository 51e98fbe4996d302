package dev.modelspec4j.processor.generate;

import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.ExampleModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.SpecDocumentModel;
import dev.modelspec4j.processor.model.SpecDocumentModel.MethodDocument;
import dev.modelspec4j.processor.model.SpecSections;

/**
 * Writes the spec sheet of an assistant for readers who do not read Java — what the assistant is for, each rule
 * in plain words with its level and what happens when it is broken, and the worked examples — as Markdown
 * ({@code <id>.md}) and as one self-contained HTML page ({@code <id>.html}: inline CSS, no scripts, no external
 * files). Deterministic, like the JSON document.
 */
public final class SpecSheetWriter {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;"
                    + "padding:0 1rem;color:#1f2328;line-height:1.5}",
            "h1{margin-bottom:.2rem}",
            ".meta{color:#59636e;font-size:.9rem}",
            ".meta code{word-break:break-all}",
            "table{border-collapse:collapse;width:100%;margin:1rem 0}",
            "th,td{border:1px solid #d1d9e0;padding:.4rem .6rem;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}",
            ".level{white-space:nowrap;font-weight:600}",
            ".instructions{background:#f6f8fa;border-left:4px solid #0969da;padding:.5rem 1rem;white-space:pre-wrap}",
            ".example{border:1px solid #d1d9e0;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}",
            ".good{border-left:4px solid #1a7f37;padding-left:.6rem}",
            ".bad{border-left:4px solid #cf222e;padding-left:.6rem}",
            ".label{font-weight:600}");

    /** The spec sheet as Markdown. */
    public String markdown(SpecDocumentModel document) {
        AssistantModel assistant = document.assistant();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title(assistant)).append("\n\n");
        if (!assistant.description().isEmpty()) {
            md.append(assistant.description()).append("\n\n");
        }
        md.append("- Spec: `").append(assistant.specId()).append("`, version ").append(assistant.specVersion())
                .append("\n");
        md.append("- Content hash: `").append(assistant.hash()).append("`\n");
        md.append("- Assistant: `").append(assistant.interfaceName().canonicalName()).append("`\n\n");
        for (MethodDocument method : document.methods()) {
            MethodModel m = method.method();
            md.append("## ").append(m.name()).append("\n\n");
            if (!m.systemMessage().isEmpty()) {
                md.append("Instructions to the model:\n\n");
                for (String line : RuleText.template(m.systemMessage()).split("\n", -1)) {
                    md.append("> ").append(line).append("\n");
                }
                md.append("\n");
            }
            if (m.rules().isEmpty()) {
                md.append("No rules apply to this part of the assistant.\n\n");
            } else {
                md.append("| Rule | What every answer must do | Level | If an answer breaks it | Model Spec section |\n");
                md.append("| --- | --- | --- | --- | --- |\n");
                for (RuleModel rule : m.rules()) {
                    SpecSections.Section section = SpecSections.of(rule.kind());
                    md.append("| `").append(cell(rule.id())).append("` | ").append(cell(RuleText.describe(rule)))
                            .append(" | ").append(cell(RuleText.level(rule.level()))).append(" | ")
                            .append(cell(RuleText.action(rule.action(), m))).append(" | ")
                            .append(cell(section.title())).append(" (`#").append(section.anchor()).append("`) |\n");
                }
                md.append("\n");
            }
            for (ExampleModel example : method.examples()) {
                md.append("### Example ").append(example.index() + 1).append("\n\n");
                md.append("- **User:** ").append(inline(example.user())).append("\n");
                md.append("- **Good answer:** ").append(inline(example.good())).append("\n");
                if (!example.bad().isEmpty()) {
                    md.append("- **Bad answer** (caught by `").append(example.rule()).append("`): ")
                            .append(inline(example.bad())).append("\n");
                }
                md.append("\n");
            }
        }
        return md.toString();
    }

    /** The spec sheet as one self-contained HTML page. */
    public String html(SpecDocumentModel document) {
        AssistantModel assistant = document.assistant();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.append("<title>").append(escape(title(assistant))).append("</title>\n");
        html.append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title(assistant))).append("</h1>\n");
        html.append("<p class=\"meta\">Spec <code>").append(escape(assistant.specId())).append("</code>, version ")
                .append(escape(assistant.specVersion())).append(" &middot; content hash <code>")
                .append(escape(assistant.hash())).append("</code> &middot; assistant <code>")
                .append(escape(assistant.interfaceName().canonicalName())).append("</code></p>\n");
        if (!assistant.description().isEmpty()) {
            html.append("<p class=\"description\">").append(escape(assistant.description())).append("</p>\n");
        }
        for (MethodDocument method : document.methods()) {
            MethodModel m = method.method();
            html.append("<section class=\"method\" id=\"method-").append(escape(m.name())).append("\">\n");
            html.append("<h2>").append(escape(m.name())).append("</h2>\n");
            if (!m.systemMessage().isEmpty()) {
                html.append("<p>Instructions to the model:</p>\n<div class=\"instructions\">")
                        .append(escape(RuleText.template(m.systemMessage()))).append("</div>\n");
            }
            if (m.rules().isEmpty()) {
                html.append("<p>No rules apply to this part of the assistant.</p>\n");
            } else {
                html.append("<table class=\"rules\">\n<thead><tr><th>Rule</th><th>What every answer must do</th>"
                        + "<th>Level</th><th>If an answer breaks it</th><th>Model Spec section</th></tr></thead>\n"
                        + "<tbody>\n");
                for (RuleModel rule : m.rules()) {
                    SpecSections.Section section = SpecSections.of(rule.kind());
                    html.append("<tr class=\"rule\" data-rule-id=\"").append(escape(rule.id())).append("\">")
                            .append("<td><code>").append(escape(rule.id())).append("</code></td>")
                            .append("<td>").append(escape(RuleText.describe(rule))).append("</td>")
                            .append("<td class=\"level\" title=\"").append(escape(RuleText.level(rule.level())))
                            .append("\">").append(escape(rule.level().name())).append("</td>")
                            .append("<td><span class=\"label\">").append(escape(rule.action().name()))
                            .append("</span>: ").append(escape(RuleText.action(rule.action(), m))).append("</td>")
                            .append("<td>").append(escape(section.title())).append(" <code>#")
                            .append(escape(section.anchor())).append("</code></td></tr>\n");
                }
                html.append("</tbody>\n</table>\n");
            }
            for (ExampleModel example : method.examples()) {
                html.append("<div class=\"example\">\n<h3>Example ").append(example.index() + 1).append("</h3>\n");
                html.append("<p><span class=\"label\">User:</span> ").append(escape(example.user())).append("</p>\n");
                html.append("<p class=\"good\"><span class=\"label\">Good answer:</span> ")
                        .append(escape(example.good())).append("</p>\n");
                if (!example.bad().isEmpty()) {
                    html.append("<p class=\"bad\"><span class=\"label\">Bad answer</span> (caught by <code>")
                            .append(escape(example.rule())).append("</code>): ").append(escape(example.bad()))
                            .append("</p>\n");
                }
                html.append("</div>\n");
            }
            html.append("</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String title(AssistantModel assistant) {
        return "Spec sheet: " + assistant.specId() + " " + assistant.specVersion();
    }

    /** Text for a Markdown table cell: no line breaks, pipes escaped. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replace("\r", "").replace("\n", " ");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
