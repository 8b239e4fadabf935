package org.precisionaid.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latency samples per named step, in microseconds, and their percentiles. */
final class Stats {

    private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();

    void record(String step, long nanos) {
        samples.computeIfAbsent(step, key -> new ConcurrentLinkedQueue<>()).add(nanos / 1_000);
    }

    <T> T time(String step, java.util.function.Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            record(step, System.nanoTime() - start);
        }
    }

    void time(String step, Runnable action) {
        time(step, () -> {
            action.run();
            return null;
        });
    }

    /** step → {count, p50, p95, p99} in milliseconds. */
    Map<String, Map<String, Object>> percentiles() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        samples.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            long[] values = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("count", values.length);
            row.put("p50_ms", at(values, 0.50));
            row.put("p95_ms", at(values, 0.95));
            row.put("p99_ms", at(values, 0.99));
            result.put(entry.getKey(), row);
        });
        return result;
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 10.0) / 100.0;
    }
}
