package dev.modelspec4j.bench;

import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.secrets.SecretDetector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The combined deterministic privacy scan (every PII type + secrets) on mixed prose, single-threaded. Throughput
 * in scans per second; times {@code size} gives characters (bytes, the text is ASCII) per second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrivacyScanBenchmark {

    @Param({"1024", "1048576"})
    int size;

    private String text;
    private PiiDetector pii;
    private SecretDetector secrets;

    @Setup
    public void setUp() {
        text = MixedText.generate(size, 42L);
        pii = PiiDetector.all();
        secrets = SecretDetector.defaults();
    }

    @Benchmark
    public int piiAndSecrets() {
        return pii.detect(text).size() + secrets.detect(text).size();
    }

    @Benchmark
    public int piiOnly() {
        return pii.detect(text).size();
    }

    @Benchmark
    public int secretsOnly() {
        return secrets.detect(text).size();
    }
}
