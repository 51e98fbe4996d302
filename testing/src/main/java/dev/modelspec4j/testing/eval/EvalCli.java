package dev.modelspec4j.testing.eval;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The eval runner as a command:
 *
 * <pre>
 * EvalCli --interface com.acme.SupportAssistant --method answer --data cases.jsonl --out target/eval
 *         [--answers answers.jsonl]
 * </pre>
 *
 * With {@code --answers} the model is scripted (offline); without, it is a live OpenAI-compatible model from
 * {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL} (optional) and {@code OPENAI_MODEL} (optional), which needs
 * {@code langchain4j-open-ai} on the class path. Writes {@code eval-report.json} and {@code eval-report.html} to
 * the output folder. Exit code 0 when the run completed (the JVM is then left to end by itself, so that the
 * command can run inside Maven), 1 when the report could not be written, 2 on a usage error.
 */
public final class EvalCli {

    private EvalCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command with {@code env} as its environment; returns its exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.keySet().containsAll(List.of("--interface", "--method", "--data", "--out"))) {
            err.println("usage: EvalCli --interface <assistant interface> --method <method> --data <cases.jsonl>"
                    + " --out <folder> [--answers <answers.jsonl>]");
            return 2;
        }
        Class<?> assistant;
        try {
            assistant = Class.forName(options.get("--interface"), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            err.println("EvalCli: no such interface on the class path: " + options.get("--interface"));
            return 2;
        }
        EvalRunner.Builder runner = EvalRunner.builder(assistant).method(options.get("--method"));
        if (options.containsKey("--answers")) {
            runner.models(ScriptedAnswers.readJsonLines(Path.of(options.get("--answers"))),
                    "scripted (" + Path.of(options.get("--answers")).getFileName() + ")");
        } else {
            String key = env.get("OPENAI_API_KEY");
            if (key == null || key.isBlank()) {
                err.println("EvalCli: give --answers for a scripted run, or set OPENAI_API_KEY for a live model");
                return 2;
            }
            String model = env.getOrDefault("OPENAI_MODEL", "gpt-4o-mini");
            ChatModel live = Live.model(key, env.getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"), model);
            runner.models(c -> live, model);
        }
        EvalReport report = runner.build().run(EvalCase.readJsonLines(Path.of(options.get("--data"))));
        Path folder = Path.of(options.get("--out"));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("eval-report.json"), report.toJson());
            Files.writeString(folder.resolve("eval-report.html"), report.toHtml());
        } catch (IOException e) {
            err.println("EvalCli: could not write the report: " + e);
            return 1;
        }
        out.println("eval of " + report.specId() + " " + report.specVersion() + " " + report.method() + ": "
                + report.total() + " cases, outcomes " + report.outcomes());
        report.rules().forEach(r -> out.println("  " + r.id() + ": broken in " + r.triggered() + " cases, actions "
                + r.actions()));
        out.println("report: " + folder.resolve("eval-report.html").toAbsolutePath());
        return 0;
    }

    /** Kept apart so that {@code langchain4j-open-ai} is loaded only for a live run. */
    private static final class Live {
        static ChatModel model(String key, String baseUrl, String model) {
            return OpenAiChatModel.builder().apiKey(key).baseUrl(baseUrl).modelName(model).build();
        }
    }
}
