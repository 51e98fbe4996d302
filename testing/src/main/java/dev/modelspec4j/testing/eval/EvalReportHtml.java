package dev.modelspec4j.testing.eval;

import dev.modelspec4j.Outcome;
import dev.modelspec4j.annotation.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link EvalReport} as one HTML page: inline CSS, inline SVG bar charts, no scripts. */
final class EvalReportHtml {

    private static final int BAR_WIDTH = 360;
    private static final int ROW_HEIGHT = 26;
    private static final int LABEL_WIDTH = 220;

    private final EvalReport report;

    EvalReportHtml(EvalReport report) {
        this.report = report;
    }

    String render() {
        StringBuilder html = new StringBuilder();
        String title = "Eval report: " + report.specId() + " " + report.specVersion() + ", " + report.method();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
                        + "color:#1f2328}\n")
                .append("table{border-collapse:collapse;width:100%;margin:1rem 0}\n")
                .append("th,td{border:1px solid #d1d9e0;padding:.3rem .6rem;text-align:left}\n")
                .append("th{background:#f6f8fa}\n.meta{color:#59636e}\nsvg text{font-size:13px;fill:#1f2328}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        html.append("<p class=\"meta\">Assistant <code>").append(escape(report.assistant()))
                .append("</code> &middot; spec hash <code>").append(escape(report.specHash()))
                .append("</code> &middot; model ").append(escape(report.model())).append(" &middot; ")
                .append(report.total()).append(report.total() == 1 ? " case" : " cases").append("</p>\n");

        html.append("<h2>Outcomes</h2>\n");
        List<String[]> outcomeBars = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            outcomeBars.add(new String[] {outcome.name(), String.valueOf(report.outcomes().getOrDefault(outcome, 0))});
        }
        chart(html, "outcomes", outcomeBars, "#0969da");

        html.append("<h2>Rules triggered</h2>\n");
        List<String[]> ruleBars = new ArrayList<>();
        for (EvalReport.RuleStats rule : report.rules()) {
            ruleBars.add(new String[] {rule.id(), String.valueOf(rule.triggered())});
        }
        chart(html, "rules", ruleBars, "#cf222e");
        html.append("<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Level</th><th>Action</th>"
                + "<th>Cases broken</th><th>Violations</th><th>Actions taken</th></tr></thead>\n<tbody>\n");
        for (EvalReport.RuleStats rule : report.rules()) {
            html.append("<tr class=\"rule\" data-rule-id=\"").append(escape(rule.id())).append("\"><td><code>")
                    .append(escape(rule.id())).append("</code></td><td>").append(rule.level()).append("</td><td>")
                    .append(rule.action()).append("</td><td>").append(rule.triggered()).append("</td><td>")
                    .append(rule.violations()).append("</td><td>").append(escape(actions(rule.actions())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append("<h2>Cases</h2>\n<table class=\"cases\">\n<thead><tr><th>Case</th><th>Outcome</th>"
                + "<th>Model calls</th><th>Rules broken</th></tr></thead>\n<tbody>\n");
        for (EvalReport.CaseResult c : report.cases()) {
            html.append("<tr><td>").append(escape(c.id())).append("</td><td>").append(c.outcome())
                    .append("</td><td>").append(c.modelCalls()).append("</td><td>")
                    .append(escape(c.rules().isEmpty() ? "none" : String.join(", ", c.rules())))
                    .append(c.error() == null ? "" : " (" + escape(c.error()) + ")").append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A horizontal bar chart; bars are scaled to the largest value, or to the number of cases. */
    private void chart(StringBuilder html, String name, List<String[]> bars, String color) {
        int max = Math.max(1, report.total());
        for (String[] bar : bars) {
            max = Math.max(max, Integer.parseInt(bar[1]));
        }
        int height = Math.max(1, bars.size()) * ROW_HEIGHT;
        int width = LABEL_WIDTH + BAR_WIDTH + 60;
        html.append("<svg class=\"chart\" id=\"chart-").append(name).append("\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(name).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            int value = Integer.parseInt(bars.get(i)[1]);
            int y = i * ROW_HEIGHT;
            int length = Math.round((float) BAR_WIDTH * value / max);
            html.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(escape(bars.get(i)[0]))
                    .append("</text>");
            html.append("<rect class=\"bar\" data-label=\"").append(escape(bars.get(i)[0])).append("\" data-value=\"")
                    .append(value).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(length).append("\" height=\"").append(ROW_HEIGHT - 8)
                    .append("\" fill=\"").append(color).append("\"/>");
            html.append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + 17).append("\">")
                    .append(value).append("</text>\n");
        }
        html.append("</svg>\n");
    }

    private static String actions(Map<Action, Integer> actions) {
        List<String> parts = new ArrayList<>();
        for (Action action : Action.values()) {
            Integer count = actions.get(action);
            if (count != null && count > 0) {
                parts.add(action.name().toLowerCase(Locale.ROOT) + " " + count);
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
