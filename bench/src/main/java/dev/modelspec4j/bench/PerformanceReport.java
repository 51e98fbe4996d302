package dev.modelspec4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the "Against the anchors" section of {@code docs/performance.md} from the JSON files of a {@link Suite}
 * run: JMH's result files for the JMH benchmarks, the suite's own for cold start, compile time and the machine.
 * The section sits between two marker comments; the rest of the document (sections written by hand, e.g. the
 * privacy scan) is kept as it is. Without the markers, the section is appended.
 */
final class PerformanceReport {

    static final String BEGIN = "<!-- BEGIN anchors: written by dev.modelspec4j.bench.Suite from bench/target/bench-results; do not edit by hand -->";
    static final String END = "<!-- END anchors -->";

    static final double OVERHEAD_VS_AI_SERVICES = 0.10;
    static final double OVERHEAD_VS_HAND_WRITTEN = 1.5;
    static final double LINEARITY = 1.2;
    static final double COMPILE_ADDED = 0.25;

    private static final String OVERHEAD = "dev.modelspec4j.bench.CallOverheadBenchmark.";
    private static final List<Integer> SIZES = List.of(1024, 65536, 1048576);

    private final JsonNode run;
    private final JsonNode overhead;
    private final JsonNode checks;
    private final JsonNode cold;
    private final JsonNode compile;
    private StringBuilder out = new StringBuilder();
    private final List<String> targets = new ArrayList<>();

    private PerformanceReport(Path results) throws IOException {
        ObjectMapper json = new ObjectMapper();
        run = json.readTree(results.resolve("run.json").toFile());
        overhead = json.readTree(results.resolve("call-overhead.json").toFile());
        checks = json.readTree(results.resolve("check-throughput.json").toFile());
        cold = json.readTree(results.resolve("cold-start.json").toFile());
        compile = json.readTree(results.resolve("compile-time.json").toFile());
    }

    /** Writes the section into {@code doc}, replacing the previous one. */
    static void write(Path results, Path doc) throws IOException {
        String section = new PerformanceReport(results).section();
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Performance\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            updated = text.substring(0, begin) + section + text.substring(end + END.length());
        } else {
            updated = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    private String section() {
        line(BEGIN);
        line("## Against the anchors");
        line("");
        line("Written by `dev.modelspec4j.bench.Suite` (in `bench/`) from the JSON results of one run; the sections of");
        line("this document outside the marker comments are written by hand and left as they are. Command, from the");
        line("repository root (the run below took " + minutes() + " minutes; results in `bench/target/bench-results/`):");
        line("");
        line("```");
        line("mvn -B -q -pl bench -am process-classes -Dbench=suite");
        line("```");
        line("");
        line("`-Dbench=smoke` runs every benchmark once (seconds, as CI does) and writes its report under `bench/target/`;");
        line("`-Dsuite.args=--report-only` with `-Dbench=suite` rewrites this section from the last results.");
        line("");
        machine();
        StringBuilder head = out;
        out = new StringBuilder();
        callOverhead();
        checkThroughput();
        coldStart();
        compileTime();
        out.append(END);
        StringBuilder body = out;
        out = head;
        line("Targets of the issue, from the figures below:");
        line("");
        for (String target : targets) {
            line("- " + target);
        }
        line("");
        return head.append(body).toString();
    }

    private String minutes() {
        Duration d = Duration.between(ZonedDateTime.parse(run.get("started").asText()),
                ZonedDateTime.parse(run.get("finished").asText()));
        return String.valueOf(Math.max(1, Math.round(d.getSeconds() / 60.0)));
    }

    private void machine() {
        JsonNode m = run.get("machine");
        int cores = m.get("cores").asInt();
        line("### Run of " + run.get("date").asText());
        line("");
        line("Machine: " + cores + " cores (" + m.get("cpu").asText() + "), " + m.get("jdk").asText() + ", "
                + m.get("os").asText() + ". JMH 1.37, one benchmark thread.");
        line("");
        StringBuilder loads = new StringBuilder("Load averages over 1, 5 and 15 minutes (as `uptime` shows them): ");
        double max = 0;
        Iterator<JsonNode> samples = run.get("load").elements();
        while (samples.hasNext()) {
            JsonNode sample = samples.next();
            JsonNode avg = sample.get("loadAverages");
            if (avg.size() == 3) {
                loads.append(sample.get("when").asText()).append(' ').append(String.format(Locale.ROOT,
                        "%.2f / %.2f / %.2f", avg.get(0).asDouble(), avg.get(1).asDouble(), avg.get(2).asDouble()));
                loads.append(samples.hasNext() ? "; " : ".");
                max = Math.max(max, avg.get(0).asDouble());
            }
        }
        line(loads.toString());
        line("");
        if (max >= 0.75 * cores) {
            line("**The machine was busy during this run** (1-minute load up to " + fmt(max) + " on " + cores
                    + " cores, while the benchmark itself keeps about one core busy): other processes competed for the"
                    + " CPU, so absolute figures are slower and noisier than on an idle machine. The ratios compare"
                    + " variants measured side by side in the same JMH run, which the load affects alike but not"
                    + " exactly; read them with their error bars. Under such load, repeated runs differ by more than"
                    + " the error bars suggest, most for the smallest differences (generated against hand-written, a few"
                    + " hundred nanoseconds): repeat on an idle machine before concluding on a ratio near its target.");
        } else {
            line("The machine was otherwise idle during the run (1-minute load at most " + fmt(max) + ").");
        }
        line("");
    }

    private void callOverhead() {
        JsonNode bare = find(overhead, OVERHEAD + "bareModelCall");
        JsonNode ai = find(overhead, OVERHEAD + "aiServices");
        JsonNode gen = find(overhead, OVERHEAD + "generated");
        JsonNode hand = find(overhead, OVERHEAD + "handWritten");
        double bareNs = score(bare);
        line("### Per-call overhead and allocation");
        line("");
        line("`CallOverheadBenchmark`: one interface, `SupportBot` (`@SystemMessage` with a `{{product}}` variable,");
        line("`@UserMessage` template, `@Length(maxChars = 800)`, `@Forbid(patterns = \"(?i)guaranteed refund\")`), called");
        line("against `InstantChatModel`, which returns the same `ChatResponse` at once. Three variants run the same two");
        line("check objects (`LengthCheck`, `ForbidCheck`) and send the same two messages (verified before measuring):");
        line("");
        line("- *AiServices*: LangChain4j `AiServices.builder(SupportBot.class).chatModel(model).build()`, the checks as");
        line("  `@OutputGuardrails` (a failure is `fatal`). No `@InputGuardrails`: both rules judge the answer, none the input.");
        line("- *generated*: the processor's `GuardedSupportBotSpec`, built with `.auditSink(record -> {})`: the audit record is");
        line("  built on every call and then discarded, so no I/O is measured. Call id and timestamps as by default");
        line("  (`SecureRandom`, system clock).");
        line("- *hand-written*: `HandWrittenSupportBot`: render the messages, `ChatModel.chat`, run the checks, throw on a");
        line("  violation. No audit, no call id.");
        line("");
        line("Time per call: JMH average time, mean ± 99.9 % confidence half-width, " + describe(bare) + ". "
                + "**Overhead = time per call − time of `bareModelCall`** (`model.chat(request)` with a request built"
                + " once: what every variant pays). Allocation per call: `gc.alloc.rate.norm` of `-prof gc`, same run.");
        line("");
        line("| variant | time per call (ns) | overhead (ns) | allocated per call (B) | allocated beyond the bare call (B) |");
        line("| --- | ---: | ---: | ---: | ---: |");
        double bareAlloc = alloc(bare);
        row("bare model call", bare, Double.NaN, bareAlloc, Double.NaN);
        row("AiServices + guardrails", ai, score(ai) - bareNs, alloc(ai), alloc(ai) - bareAlloc);
        row("generated `GuardedSupportBotSpec`", gen, score(gen) - bareNs, alloc(gen), alloc(gen) - bareAlloc);
        row("hand-written", hand, score(hand) - bareNs, alloc(hand), alloc(hand) - bareAlloc);
        line("");
        double genOver = score(gen) - bareNs;
        double aiOver = score(ai) - bareNs;
        double handOver = score(hand) - bareNs;
        double vsAi = genOver / aiOver;
        double vsHand = genOver / handOver;
        line("Ratios, from this one run:");
        line("");
        double floor = handOver / aiOver;
        targets.add("per-call overhead, generated / AiServices: " + fmt(vsAi) + " (≤ " + fmt(OVERHEAD_VS_AI_SERVICES)
                + "): " + verdict(vsAi <= OVERHEAD_VS_AI_SERVICES) + "; the hand-written call alone is at "
                + fmt(floor) + (floor > OVERHEAD_VS_AI_SERVICES ? ", so the target asks for less than a direct"
                + " `ChatModel.chat` call with the same checks costs." : "."));
        targets.add("per-call overhead, generated / hand-written: " + fmt(vsHand) + " (≤ " + fmt(OVERHEAD_VS_HAND_WRITTEN)
                + "): " + verdict(vsHand <= OVERHEAD_VS_HAND_WRITTEN) + " on JMH's means; "
                + fmt(medianOverheadRatio(gen, hand, bare)) + " on the medians of the iterations.");
        line("- generated overhead / AiServices overhead = **" + fmt(vsAi) + "** (AiServices costs " + fmt(1 / vsAi)
                + "× as much); target ≤ " + fmt(OVERHEAD_VS_AI_SERVICES) + ": " + verdict(vsAi <= OVERHEAD_VS_AI_SERVICES) + ".");
        line("- hand-written overhead / AiServices overhead = " + fmt(floor) + ": the floor of any implementation that"
                + " renders the same messages, calls `ChatModel.chat` and runs the same two checks; against it, the"
                + " checks alone (about the same in all three variants) and LangChain4j's request path (building"
                + " `ChatRequest`, the default-parameter merge and listener dispatch of `ChatModel.chat`) are what the"
                + " generated call cannot shed.");
        line("- generated overhead / hand-written overhead = **" + fmt(vsHand) + "**; target ≤ "
                + fmt(OVERHEAD_VS_HAND_WRITTEN) + ": " + verdict(vsHand <= OVERHEAD_VS_HAND_WRITTEN) + ".");
        JsonNode clockReading = find(overhead, OVERHEAD + "clockReading");
        JsonNode auditAlone = find(overhead, OVERHEAD + "auditRecord");
        if (!clockReading.isMissingNode() && !auditAlone.isMissingNode()) {
            double auditing = score(auditAlone) + score(clockReading);
            line("- what auditing costs: the record as the engine builds it (call id, timestamp, record: "
                    + fmt(score(auditAlone)) + " ns) and the second clock reading for its duration ("
                    + fmt(score(clockReading)) + " ns), " + fmt(auditing) + " ns in all, which the hand-written call"
                    + " does not do; the rest of the engine costs " + fmt(genOver - handOver - auditing)
                    + " ns more than the hand-written call, i.e. (generated overhead − auditing) / hand-written"
                    + " overhead = " + fmt((genOver - auditing) / handOver) + ".");
        }
        double medBare = medianOfIterations(bare);
        line("- the same two ratios from the median of each method's iterations instead of the mean (less sensitive"
                + " to load spikes; bare call " + fmt(medBare) + " ns): " + fmt(medianOverheadRatio(gen, ai, bare))
                + " and " + fmt(medianOverheadRatio(gen, hand, bare)) + ".");
        line("- time per call, generated / hand-written = " + fmt(score(gen) / score(hand)) + "; AiServices / generated = "
                + fmt(score(ai) / score(gen)) + ".");
        JsonNode audit = find(overhead, OVERHEAD + "auditRecord");
        double engine = alloc(gen) - alloc(hand);
        double record = alloc(audit);
        double spread = Math.sqrt(Math.pow(allocError(gen), 2) + Math.pow(allocError(hand), 2)
                + Math.pow(allocError(audit), 2));
        String allocVerdict = engine - record <= 0 ? "met"
                : engine - record <= spread ? "met within the error bars (± " + fmtInt(spread) + " B)"
                : "**not met** (± " + fmtInt(spread) + " B)";
        targets.add("allocation per call beyond the hand-written call: " + fmtInt(engine) + " B"
                + (engine <= record ? ", less than the audit record alone (" + fmtInt(record) + " B)"
                : ", of which the audit record " + fmtInt(record) + " B and the engine's other state "
                        + fmtInt(engine - record) + " B") + " (nothing beyond the audit record): " + allocVerdict + ".");
        line("- allocation: the generated call allocates **" + fmtInt(engine)
                + " B more than the hand-written call** and " + fmtInt(alloc(ai) - alloc(gen))
                + " B less than AiServices. The hand-written call is what LangChain4j itself needs (request, messages,"
                + " the model's default-parameter merge) plus the two checks. "
                + (engine <= record ? "The audit" : "Of the " + fmtInt(engine) + " B, the audit")
                + " record with its call id and timestamp (`auditRecord`, built alone as the engine builds it: "
                + fmtInt(record) + " B, " + fmt(score(audit)) + " ns) "
                + (engine <= record ? "is more than that difference: the engine's own state (the `Call` object and"
                        + " what it holds; lists are created only when something is found) is paid for by what it"
                        + " avoids copying, e.g. the message list that `ChatRequest` copies anyway."
                        : "explains " + fmtInt(record) + " B; the remaining **" + fmtInt(engine - record) + " B** per"
                        + " call is the engine's own state beyond the audit record (the `Call` object and what it"
                        + " holds; lists are created only when something is found).")
                + " Target (nothing beyond LangChain4j's needs plus the audit record): "
                + allocVerdict + ".");
        line("");
    }

    private void row(String name, JsonNode bench, double overheadNs, double allocated, double beyond) {
        line("| " + name + " | " + fmt(score(bench)) + " ± " + fmt(error(bench)) + " | "
                + (Double.isNaN(overheadNs) ? "—" : fmt(overheadNs)) + " | " + fmtInt(allocated) + " | "
                + (Double.isNaN(beyond) ? "—" : fmtInt(beyond)) + " |");
    }

    private void checkThroughput() {
        line("### Throughput of the deterministic checks");
        line("");
        line("`CheckThroughputBenchmark`: each check on 1 KB (1 024), 64 KB (65 536) and 1 MB (1 048 576) characters of");
        line("mixed support-desk prose (`MixedText`: ASCII, so characters = bytes; one piece of personal data or one");
        line("secret about every 2 KB), one thread. Each scan reads another text: 4 MB of distinct texts of the size");
        line("(seeds 42, 43, ...) are read in turn, as a service reads another answer each time; scanning one small text");
        line("over and over lets the CPU's branch predictor learn it, which made 1 KB and 64 KB look up to 1.5× faster per");
        line("byte than 1 MB. MB/s per core = scans per second × size / 10⁶, mean ± 99.9 %");
        line("half-width, " + describe(checks.get(0)) + ". Configuration: `length` = `LengthCheck` with every bound");
        line("(characters, words, sentences); `forbid` = `ForbidCheck` with two phrases and one pattern (normalises the");
        line("text first); `require` = `RequireCheck` with one pattern that does not occur (scans everything);");
        line("`pii` = `PiiDetector.all()`; `secrets` = `SecretDetector.defaults()`; `injection` =");
        line("`PromptInjectionDetector.standard()`; `defaults` = the deterministic detectors with default settings on the");
        line("same text: " + defaultsMembers() + ".");
        line("");
        line("Linearity: the per-byte cost at 1 MB divided by that at 64 KB (= MB/s at 64 KB ÷ MB/s at 1 MB); target ≤ "
                + fmt(LINEARITY) + ".");
        line("");
        List<String> linear = new ArrayList<>();
        List<String> notLinear = new ArrayList<>();
        line("| check | 1 KB (MB/s) | 64 KB (MB/s) | 1 MB (MB/s) | per-byte cost 1 MB / 64 KB |");
        line("| --- | ---: | ---: | ---: | ---: |");
        for (String check : CheckThroughputBenchmark.CHECKS) {
            if (!ran(check)) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + check + " |");
            double[] mbs = new double[SIZES.size()];
            for (int i = 0; i < SIZES.size(); i++) {
                JsonNode b = findCheck(check, SIZES.get(i));
                mbs[i] = score(b) * SIZES.get(i) / 1e6;
                row.append(' ').append(fmt(mbs[i])).append(" ± ").append(fmt(error(b) * SIZES.get(i) / 1e6)).append(" |");
            }
            double ratio = mbs[1] / mbs[2];
            (ratio <= LINEARITY ? linear : notLinear).add(check + " " + fmt(ratio));
            row.append(' ').append(fmt(ratio)).append(ratio <= LINEARITY ? "" : " (above " + fmt(LINEARITY) + ")")
                    .append(" |");
            line(row.toString());
        }
        targets.add("linear growth, per-byte cost 1 MB / 64 KB ≤ " + fmt(LINEARITY) + ": "
                + (notLinear.isEmpty() ? "met by every check (" + String.join(", ", linear) + ")."
                : "met by " + (linear.isEmpty() ? "none" : String.join(", ", linear)) + "; **not met** by "
                        + String.join(", ", notLinear) + "."));
        if (!ran("injection")) {
            line("");
            line("`injection` is absent: `" + OptionalDetectors.PROMPT_INJECTION + "` is not on this branch's class path"
                    + " (the suite skips it; it enters `defaults` as soon as it is).");
        }
        line("");
    }

    private String defaultsMembers() {
        return ran("injection") ? "PII + secrets + prompt injection" : "PII + secrets (prompt injection absent)";
    }

    private boolean ran(String check) {
        for (JsonNode b : checks) {
            if (b.path("params").path("check").asText().equals(check)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode findCheck(String check, int size) {
        for (JsonNode b : checks) {
            if (b.path("params").path("check").asText().equals(check)
                    && b.path("params").path("size").asInt() == size) {
                return b;
            }
        }
        throw new IllegalStateException("no result for check=" + check + " size=" + size);
    }

    private void coldStart() {
        JsonNode summary = cold.get("summary");
        JsonNode ai = summary.get("ai_services");
        JsonNode gen = summary.get("generated");
        line("### Cold start");
        line("");
        line("`ColdStart`: a fresh JVM per run (this module's class path, default JVM options) builds `SupportBot` one way");
        line("and calls it once against `InstantChatModel`; " + cold.get("runs").asInt()
                + " runs per variant, the two variants alternating, after " + warmupPairs() + ". *To first answer*:");
        line("from `Process.start()` in the parent to the child's line on standard output (JVM start, class loading,");
        line("build, first call). *In main*: building the assistant and the first call, timed inside the child.");
        line("Milliseconds, median (min–max).");
        line("");
        line("| variant | to first answer (ms) | in main: build + first call (ms) |");
        line("| --- | ---: | ---: |");
        line("| AiServices + guardrails | " + stat(ai.get("processMillis")) + " | " + stat(ai.get("inMainMillis")) + " |");
        line("| generated `GuardedSupportBotSpec` | " + stat(gen.get("processMillis")) + " | "
                + stat(gen.get("inMainMillis")) + " |");
        line("");
        targets.add("cold start (no numeric target): generated / AiServices, medians, to first answer "
                + fmt(median(gen, "processMillis") / median(ai, "processMillis")) + ", build + first call "
                + fmt(median(gen, "inMainMillis") / median(ai, "inMainMillis")) + ".");
        line("Generated / AiServices, medians: to first answer **" + fmt(median(gen, "processMillis") / median(ai, "processMillis"))
                + "**, in main **" + fmt(median(gen, "inMainMillis") / median(ai, "inMainMillis")) + "**.");
        line("");
    }

    private String warmupPairs() {
        int pairs = run.path("settings").path("coldStartWarmups").asInt();
        return pairs == 0 ? "no warm-up" : pairs + " discarded warm-up " + (pairs == 1 ? "pair" : "pairs")
                + " (file-system caches)";
    }

    private void compileTime() {
        JsonNode warm = compile.get("warmMillis");
        JsonNode cold = compile.get("coldMillis");
        double without = median(warm, "WITHOUT");
        double with = median(warm, "MODELSPEC4J");
        double floor = median(warm, "MINIMAL_GENERATOR");
        double own = median(warm, "MODELSPEC4J_OWN");
        double added = (with - without) / without;
        double coldAdded = (median(cold, "MODELSPEC4J") - median(cold, "WITHOUT")) / median(cold, "WITHOUT");
        double floorAdded = (floor - without) / without;
        double coldFloorAdded = (median(cold, "MINIMAL_GENERATOR") - median(cold, "WITHOUT")) / median(cold, "WITHOUT");
        int interfaces = compile.get("interfaces").asInt();
        line("### Compile time");
        line("");
        line("`CompileTime`: a generated project of " + interfaces + " assistant interfaces (each with");
        line("`@ModelSpec`, `@SystemMessage`, and two methods carrying `@Length`, `@Forbid`, `@Require`, `@OnViolation`,");
        line("`@UserMessage`, `@V`), written to `bench/target/compile-bench/` and compiled (`--release 17`) four ways,");
        line("round-robin:");
        line("");
        line("- *without annotation processing*: `-proc:none`, the baseline;");
        line("- *any processor*: a processor that claims `@ModelSpec` and does nothing, i.e. what javac adds as soon as");
        line("  any annotation processor runs;");
        line("- *minimal generator*: a processor that writes for each interface the least an implementing class can be");
        line("  (its methods return `null`): the floor of every processor that generates a class per interface, because");
        line("  javac then runs a second round, in which it reads the class path's symbols again, and compiles the new files;");
        line("- *modelspec4j*: the modelspec4j processor, its own time (`init` + `process`: reading, validating,");
        line("  writing the class and the spec documents) measured by a wrapper.");
        line("");
        line("*Warm*: in one JVM with `javax.tools`, " + warm.get("WITHOUT").get("n").asInt() + " times each after "
                + compile.get("warmupRounds").asInt() + " warm-up rounds (a long-lived build daemon). *Cold*: a fresh JVM per");
        line("compilation, " + cold.get("WITHOUT").get("n").asInt() + " times each, from process start to exit (a `javac` command, a first `mvn compile`).");
        line("Milliseconds, median (min–max); *added* = (median − median without) / median without. The generated classes");
        line("hold " + fmtInt(compile.path("generatedLines").asDouble()) + " lines of Java for "
                + fmtInt(compile.path("sourceLines").asDouble()) + " lines of interfaces (×"
                + fmt(compile.path("generatedLines").asDouble() / compile.path("sourceLines").asDouble()) + ").");
        line("");
        line("| compilation | warm (ms) | added, warm | cold (ms) | added, cold |");
        line("| --- | ---: | ---: | ---: | ---: |");
        compileRow("without annotation processing", "WITHOUT");
        compileRow("any processor (does nothing)", "ANY_PROCESSOR");
        compileRow("minimal generator (an empty class per interface)", "MINIMAL_GENERATOR");
        compileRow("modelspec4j", "MODELSPEC4J");
        line("| of which modelspec4j's own work | " + stat(warm.get("MODELSPEC4J_OWN")) + " | " + pct(own / without)
                + " | | |");
        line("");
        boolean floorMeets = floorAdded <= COMPILE_ADDED || coldFloorAdded <= COMPILE_ADDED;
        targets.add("compile time added by the processor: " + pct(added) + " warm, " + pct(coldAdded) + " cold (≤ "
                + pct(COMPILE_ADDED) + "): " + verdict(added <= COMPILE_ADDED && coldAdded <= COMPILE_ADDED)
                + "; a processor that only writes an empty class per interface already adds " + pct(floorAdded)
                + " warm and " + pct(coldFloorAdded) + " cold" + (floorMeets ? "." : ", so the target is below"
                + " what javac allows any such processor on this project."));
        line("Added by modelspec4j: **" + pct(added) + "** warm and **" + pct(coldAdded) + "** cold (target ≤ "
                + pct(COMPILE_ADDED) + ": " + verdict(added <= COMPILE_ADDED && coldAdded <= COMPILE_ADDED)
                + "). Its own work is " + pct(own / without) + " of the warm baseline; compiling what it generates and"
                + " javac's second round the remaining " + pct((with - without - own) / without) + ". The floor: javac"
                + " alone adds " + pct(floorAdded) + " warm and " + pct(coldFloorAdded) + " cold for a processor that"
                + " writes nothing but an empty class per interface, and modelspec4j costs "
                + fmt((with - without) / (floor - without)) + "× that floor's added time (warm). A project whose"
                + " interfaces are a small part of its sources sees a smaller share; this one has nothing else.");
        line("");
    }

    private void compileRow(String label, String variant) {
        JsonNode warm = compile.get("warmMillis");
        JsonNode cold = compile.get("coldMillis");
        boolean baseline = variant.equals("WITHOUT");
        line("| " + label + " | " + stat(warm.get(variant)) + " | "
                + (baseline ? "—" : pct((median(warm, variant) - median(warm, "WITHOUT")) / median(warm, "WITHOUT")))
                + " | " + stat(cold.get(variant)) + " | "
                + (baseline ? "—" : pct((median(cold, variant) - median(cold, "WITHOUT")) / median(cold, "WITHOUT")))
                + " |");
    }

    private static JsonNode find(JsonNode results, String benchmark) {
        for (JsonNode b : results) {
            if (b.get("benchmark").asText().equals(benchmark)) {
                return b;
            }
        }
        throw new IllegalStateException("no result for " + benchmark);
    }

    private static String describe(JsonNode b) {
        int forks = b.get("forks").asInt();
        return (forks == 0 ? "in the suite's JVM" : forks + (forks == 1 ? " fork" : " forks")) + " × "
                + b.get("measurementIterations").asInt() + " iterations of " + b.get("measurementTime").asText()
                + " after " + b.get("warmupIterations").asInt() + " warm-up iterations";
    }

    private static double score(JsonNode b) {
        return b.get("primaryMetric").get("score").asDouble();
    }

    private static double error(JsonNode b) {
        return b.get("primaryMetric").get("scoreError").asDouble(Double.NaN);
    }

    private static double medianOverheadRatio(JsonNode a, JsonNode b, JsonNode bare) {
        double base = medianOfIterations(bare);
        return (medianOfIterations(a) - base) / (medianOfIterations(b) - base);
    }

    /** The median of every measured iteration of every fork (JMH's score is their mean). */
    private static double medianOfIterations(JsonNode b) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : b.get("primaryMetric").get("rawData")) {
            for (JsonNode iteration : fork) {
                values.add(iteration.asDouble());
            }
        }
        return Stats.of(values).median();
    }

    private static double allocError(JsonNode b) {
        return allocMetric(b).path("scoreError").asDouble(0);
    }

    private static double alloc(JsonNode b) {
        return allocMetric(b).path("score").asDouble(Double.NaN);
    }

    private static JsonNode allocMetric(JsonNode b) {
        Iterator<Map.Entry<String, JsonNode>> metrics = b.path("secondaryMetrics").fields();
        while (metrics.hasNext()) {
            Map.Entry<String, JsonNode> metric = metrics.next();
            if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                return metric.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    private static double median(JsonNode variant, String field) {
        return variant.get(field).get("median").asDouble();
    }

    private static String stat(JsonNode s) {
        return fmt(s.get("median").asDouble()) + " (" + fmt(s.get("min").asDouble()) + "–" + fmt(s.get("max").asDouble()) + ")";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmtInt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
