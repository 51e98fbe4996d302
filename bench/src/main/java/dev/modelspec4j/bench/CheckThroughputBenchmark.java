package dev.modelspec4j.bench;

import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.check.builtin.LengthCheck;
import dev.modelspec4j.check.builtin.RequireCheck;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.secrets.SecretDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each built-in deterministic check, and the default set together, on {@code size} characters of mixed ASCII
 * prose ({@link MixedText}, seeds from 42), one thread. Throughput in scans per second; × size / 10⁶ = MB/s per
 * core. {@code injection} needs {@code PromptInjectionDetector} on the class path (the suite leaves it out when
 * absent).
 *
 * <p>Each scan reads another text ({@link #TEXT_BYTES} of them in all, in turn), as a service reads another answer
 * each time: scanning one small text again and again lets the CPU's branch predictor learn it by heart, which
 * made 1 KB and 64 KB look up to 1.5× faster per byte than 1 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckThroughputBenchmark {

    /** Every value of {@link #check}, in report order. */
    static final List<String> CHECKS = List.of("length", "forbid", "require", "pii", "secrets", "injection", "defaults");

    @Param({"length", "forbid", "require", "pii", "secrets", "injection", "defaults"})
    String check;

    @Param({"1024", "65536", "1048576"})
    int size;

    /** How many characters of distinct texts the scans go through in turn, whatever the size. */
    static final int TEXT_BYTES = 4 << 20;

    private String[] texts;
    private int next;
    private ToIntFunction<String> scan;

    @Setup
    public void setUp() {
        texts = new String[Math.max(1, TEXT_BYTES / size)];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = MixedText.generate(size, 42L + k);
        }
        scan = scanner(check);
    }

    @Benchmark
    public int scan() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return scan.applyAsInt(text);
    }

    /** The check named {@code name}, configured as a spec would configure it, as a function to a finding count. */
    static ToIntFunction<String> scanner(String name) {
        switch (name) {
            case "length":
                return findings(new LengthCheck(2000, 300, 20, 1));
            case "forbid":
                return findings(new ForbidCheck(
                        List.of(Pattern.compile(ForbidCheck.phrase("as an AI language model")),
                                Pattern.compile(ForbidCheck.phrase("internal use only")),
                                Pattern.compile("(?i)guaranteed refund")),
                        List.of("the phrase \"as an AI language model\"", "the phrase \"internal use only\"",
                                "the pattern (?i)guaranteed refund")));
            case "require":
                return findings(new RequireCheck(List.of(Pattern.compile("(?i)ticket #\\d+"))));
            case "pii": {
                PiiDetector pii = PiiDetector.all();
                return text -> pii.detect(text).size();
            }
            case "secrets": {
                SecretDetector secrets = SecretDetector.defaults();
                return text -> secrets.detect(text).size();
            }
            case "injection":
                return OptionalDetectors.promptInjection().orElseThrow(() -> new IllegalStateException(
                        OptionalDetectors.PROMPT_INJECTION + " is not on this branch: leave out check=injection"));
            case "defaults":
                return defaults();
            default:
                throw new IllegalArgumentException("no check " + name);
        }
    }

    /** Every deterministic detector with its default settings, on the same text: PII, secrets, injection if present. */
    static ToIntFunction<String> defaults() {
        List<ToIntFunction<String>> parts = new ArrayList<>();
        parts.add(scanner("pii"));
        parts.add(scanner("secrets"));
        Optional<ToIntFunction<String>> injection = OptionalDetectors.promptInjection();
        injection.ifPresent(parts::add);
        return text -> {
            int found = 0;
            for (ToIntFunction<String> part : parts) {
                found += part.applyAsInt(text);
            }
            return found;
        };
    }

    /** The checks {@link #CHECKS} that this class path can run. */
    static List<String> available() {
        List<String> checks = new ArrayList<>(CHECKS);
        if (OptionalDetectors.promptInjection().isEmpty()) {
            checks.remove("injection");
        }
        return checks;
    }

    private static ToIntFunction<String> findings(OutputCheck check) {
        return text -> check.check(text).size();
    }
}
