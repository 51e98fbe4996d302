package dev.modelspec4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and range of a few timings (the harnesses outside JMH run too few times for more); Jackson writes it as is. */
record Stats(int n, double median, double min, double max, List<Double> values) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(n, median, sorted.get(0), sorted.get(n - 1), List.copyOf(values));
    }
}
