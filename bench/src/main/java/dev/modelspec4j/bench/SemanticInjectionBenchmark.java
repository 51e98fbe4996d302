package dev.modelspec4j.bench;

import dev.modelspec4j.check.injection.SemanticInjectionLayer;
import java.util.List;
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
 * The semantic injection layer (module {@code modelspec4j-embeddings}) on mixed prose, single-threaded: average
 * milliseconds per scan; divided by {@code size / 1024} it gives milliseconds per KB on one core. The layer runs
 * only with that module on the class path, which the {@code bench=semantic} profile adds (the other benchmarks
 * run without it, as the deterministic checks do by default):
 * <pre>
 * mvn -B -q -pl bench -am process-classes -Dbench=semantic
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SemanticInjectionBenchmark {

    @Param({"1024", "8192", "65536"})
    int size;

    private String text;
    private SemanticInjectionLayer layer;

    @Setup
    public void setUp() {
        List<SemanticInjectionLayer> installed = SemanticInjectionLayer.installed();
        if (installed.isEmpty()) {
            throw new IllegalStateException("no semantic injection layer on the class path: run with -Dbench=semantic");
        }
        layer = installed.get(0);
        text = MixedText.generate(size, 42L);
        layer.assess(text);
    }

    @Benchmark
    public Object assess() {
        return layer.assess(text);
    }
}
