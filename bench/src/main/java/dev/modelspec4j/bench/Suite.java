package dev.modelspec4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks against the anchors, in one run: per-call time and allocation ({@link CallOverheadBenchmark},
 * with the GC profiler), check throughput ({@link CheckThroughputBenchmark}), cold start ({@link ColdStart}) and
 * compile time ({@link CompileTime}). Results go to {@code bench/target/bench-results/} as JSON (JMH's own for
 * the JMH benchmarks); {@link PerformanceReport} then writes the section of {@code docs/performance.md} from them.
 *
 * <p>Options: {@code --root DIR} (repository root, required); {@code --smoke} (every benchmark once, a few
 * seconds each, the report goes to {@code target/} instead of {@code docs/}); {@code --report-only} (rewrite the
 * document from the JSON files of the last run).
 */
public final class Suite {

    /** How long and how often each part runs. */
    record Settings(int forks, int warmups, int iterations, TimeValue time, int checkForks, int coldRuns,
            int coldWarmups, int compileInterfaces, int compileRuns, int compileWarmups, int compileColdRuns) {

        static final Settings FULL = new Settings(3, 5, 5, TimeValue.seconds(1), 2, 10, 1, 200, 7, 3, 5);
        static final Settings SMOKE = new Settings(0, 0, 1, TimeValue.milliseconds(100), 0, 1, 0, 10, 1, 0, 1);

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("forks", forks);
            m.put("warmupIterations", warmups);
            m.put("iterations", iterations);
            m.put("iterationTime", time.toString());
            m.put("checkForks", checkForks);
            m.put("coldStartRuns", coldRuns);
            m.put("coldStartWarmups", coldWarmups);
            m.put("compileInterfaces", compileInterfaces);
            m.put("compileRuns", compileRuns);
            m.put("compileWarmups", compileWarmups);
            m.put("compileColdRuns", compileColdRuns);
            return m;
        }
    }

    /** How long a measuring run waits for another JMH run to finish: 90 × 20 s = 30 minutes. */
    private static final int LOCK_ATTEMPTS = 90;
    private static final Duration LOCK_WAIT = Duration.ofSeconds(20);

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        boolean smoke = false;
        boolean reportOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--smoke" -> smoke = true;
                case "--report-only" -> reportOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("--root DIR: the repository root");
        }
        Path results = root.resolve("bench/target/bench-results" + (smoke ? "-smoke" : ""));
        if (!reportOnly) {
            run(smoke ? Settings.SMOKE : Settings.FULL, results, root.resolve("bench/target/compile-bench"), smoke);
        }
        Path doc = smoke ? results.resolve("performance.md") : root.resolve("docs/performance.md");
        PerformanceReport.write(results, doc);
        System.out.println("Wrote " + doc);
    }

    private static void run(Settings s, Path results, Path compileWork, boolean smoke)
            throws IOException, InterruptedException, RunnerException {
        Files.createDirectories(results);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        run.put("started", ZonedDateTime.now(ZoneOffset.UTC).toString());
        run.put("smoke", smoke);
        run.put("settings", s.asMap());
        run.put("machine", Machine.describe());
        List<Map<String, Object>> loads = new ArrayList<>();
        run.put("load", loads);
        load(loads, "start");

        SupportBots.verifyEquivalent();
        jmh(s, s.forks(), CallOverheadBenchmark.class, List.of(), true, results.resolve("call-overhead.json"));
        load(loads, "after call overhead");

        List<String> checks = CheckThroughputBenchmark.available();
        run.put("checks", checks);
        jmh(s, s.checkForks(), CheckThroughputBenchmark.class, checks, false, results.resolve("check-throughput.json"));
        load(loads, "after check throughput");

        List<ColdStart.Run> cold = ColdStart.measure(s.coldRuns(), s.coldWarmups());
        json.writeValue(results.resolve("cold-start.json").toFile(), Map.of(
                "runs", s.coldRuns(), "summary", ColdStart.summary(cold)));
        load(loads, "after cold start");

        CompileTime compile = new CompileTime(compileWork, s.compileInterfaces());
        List<CompileTime.Compilation> compilations = compile.measure(s.compileRuns(), s.compileWarmups(),
                s.compileColdRuns());
        json.writeValue(results.resolve("compile-time.json").toFile(), compile.summary(compilations, s.compileWarmups()));
        load(loads, "end");

        run.put("finished", ZonedDateTime.now(ZoneOffset.UTC).toString());
        json.writeValue(results.resolve("run.json").toFile(), run);
    }

    private static void jmh(Settings s, int forks, Class<?> benchmark, List<String> checks, boolean gc, Path out)
            throws RunnerException, InterruptedException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(forks)
                .warmupIterations(s.warmups())
                .warmupTime(s.time())
                .measurementIterations(s.iterations())
                .measurementTime(s.time())
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(out.toString());
        if (!checks.isEmpty()) {
            options.param("check", checks.toArray(new String[0]));
        }
        if (gc) {
            options.addProfiler("gc");
        }
        if (forks == 0) {
            // A smoke run measures nothing: it need not wait for a benchmark that holds JMH's machine-wide lock.
            System.setProperty("jmh.ignoreLock", "true");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                new Runner(options.build()).run();
                return;
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains("JMH lock") || attempt >= LOCK_ATTEMPTS) {
                    throw e;
                }
                System.out.println("Another JMH run holds /tmp/jmh.lock; measuring side by side would spoil both."
                        + " Waiting " + LOCK_WAIT.toSeconds() + " s (attempt " + attempt + " of " + LOCK_ATTEMPTS + ").");
                Thread.sleep(LOCK_WAIT.toMillis());
            }
        }
    }

    private static void load(List<Map<String, Object>> loads, String when) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("when", when);
        sample.put("at", ZonedDateTime.now(ZoneOffset.UTC).toString());
        sample.put("loadAverages", Machine.loadAverages());
        loads.add(sample);
    }
}
