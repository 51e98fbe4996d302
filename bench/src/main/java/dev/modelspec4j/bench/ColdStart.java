package dev.modelspec4j.bench;

import dev.langchain4j.service.AiServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start: a fresh JVM per run, which builds {@link SupportBot} one way and calls it once. The parent starts
 * the child with this module's class path, alternating the variants, and times from {@code Process.start()} to
 * the child's line on standard output; the child reports the time its {@code main} spent building and calling.
 *
 * <p>{@code java dev.modelspec4j.bench.ColdStart child AI_SERVICES|GENERATED}: one child run.
 */
public final class ColdStart {

    /** The variants compared: LangChain4j's first call against the generated class's. */
    static final List<SupportBots.Variant> VARIANTS = List.of(SupportBots.Variant.AI_SERVICES,
            SupportBots.Variant.GENERATED);

    private ColdStart() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("child")) {
            // What a user's main does, and nothing else of the harness (no enum, no shared lambdas).
            long start = System.nanoTime();
            InstantChatModel model = new InstantChatModel(InstantChatModel.ANSWER, false);
            SupportBot bot = args[1].equals("GENERATED")
                    ? GuardedSupportBotSpec.builder().chatModel(model).auditSink(record -> { }).build()
                    : AiServices.builder(SupportBot.class).chatModel(model).build();
            String answer = bot.answer(SupportBots.QUESTION, SupportBots.PRODUCT);
            long inMain = System.nanoTime() - start;
            System.out.println("first-call-nanos " + inMain + " " + answer.length());
            System.out.flush();
            return;
        }
        throw new IllegalArgumentException("usage: ColdStart child AI_SERVICES|GENERATED");
    }

    /** One child run. */
    record Run(String variant, double processMillis, double inMainMillis) {
    }

    /**
     * Runs {@code runs} children per variant, alternating, after {@code warmupRuns} discarded pairs (file-system
     * caches); returns every run.
     */
    static List<Run> measure(int runs, int warmupRuns) throws IOException, InterruptedException {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < warmupRuns + runs; i++) {
            for (SupportBots.Variant variant : (i % 2 == 0 ? VARIANTS : List.of(VARIANTS.get(1), VARIANTS.get(0)))) {
                Run run = runChild(variant);
                if (i >= warmupRuns) {
                    all.add(run);
                }
            }
        }
        return all;
    }

    private static Run runChild(SupportBots.Variant variant) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName(), "child", variant.name());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        String line;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            long processNanos = System.nanoTime() - start;
            while (out.readLine() != null) {
                // drain
            }
            int exit = process.waitFor();
            if (exit != 0 || line == null || !line.startsWith("first-call-nanos ")) {
                throw new IllegalStateException("cold-start child " + variant + " failed: exit " + exit + ", " + line);
            }
            long inMain = Long.parseLong(line.split(" ")[1]);
            return new Run(variant.name(), processNanos / 1e6, inMain / 1e6);
        }
    }

    /** Median, min and max of each variant's two timings, for the JSON file. */
    static Map<String, Object> summary(List<Run> runs) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (SupportBots.Variant variant : VARIANTS) {
            List<Double> process = new ArrayList<>();
            List<Double> inMain = new ArrayList<>();
            for (Run run : runs) {
                if (run.variant().equals(variant.name())) {
                    process.add(run.processMillis());
                    inMain.add(run.inMainMillis());
                }
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("processMillis", Stats.of(process));
            v.put("inMainMillis", Stats.of(inMain));
            result.put(variant.name().toLowerCase(Locale.ROOT), v);
        }
        return result;
    }
}
