package org.precisionaid.bench;

import java.util.Map;

/** The benchmark's figures as a Markdown table. */
final class BenchReport {

    private BenchReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("When: ").append(report.get("when")).append(" · cores: ").append(report.get("cores"))
                .append(" · max heap: ").append(report.get("maxHeapMb")).append(" MB · parameters: ")
                .append(report.get("parameters")).append(" · load average (1/5/15 min) at start: ")
                .append(report.get("loadAverageAtStart")).append(", at end: ").append(report.get("loadAverageAtEnd"))
                .append(" (above about 1 on 2 cores, the figures are upper bounds)\n\n");
        for (Map.Entry<String, Object> entry : report.entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> db) || !db.containsKey("s1")) {
                continue;
            }
            Map<String, Object> s1 = (Map<String, Object>) db.get("s1");
            Map<String, Object> baseline = (Map<String, Object>) db.get("baseline");
            Map<String, Object> s2 = (Map<String, Object>) db.get("s2");
            md.append("## ").append(entry.getKey()).append("\n\n| figure | value |\n|---|---|\n");
            row(md, "engine settings", db.get("engine"));
            row(md, "start-up (s)", db.get("startupSeconds"));
            row(md, "heap / RSS after start (MB)", db.get("afterStart"));
            row(md, "S1 households", s1.get("households") + " in " + s1.get("seconds") + " s");
            row(md, "S1 households/s", s1.get("householdsPerSecond"));
            row(md, "S1 engine transactions/s", s1.get("engineTransactionsPerSecond"));
            if (db.get("bare") instanceof Map<?, ?> bare) {
                row(md, "bare engine, same model shape and steps: households/s", bare.get("householdsPerSecond"));
                row(md, "ratio S1 ÷ bare engine", db.get("s1ToBareRatio"));
            }
            row(md, "baseline raw commits/s (JDBC one-row insert)", baseline.get("commitsPerSecond"));
            row(md, "ratio flow transactions/s ÷ raw commits/s", db.get("flowToRawRatio"));
            row(md, "heap / RSS after S1 (MB)", db.get("afterS1"));
            row(md, "history", db.get("history"));
            row(md, "S2 open tasks (seeded in s)", s2.get("openTasks") + " (" + s2.get("seedSeconds") + ")");
            md.append("\n| step | count | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
            steps(md, (Map<String, Map<String, Object>>) s1.get("steps"), "S1 ");
            if (db.get("bare") instanceof Map<?, ?> bare) {
                steps(md, (Map<String, Map<String, Object>>) bare.get("steps"), "bare ");
            }
            steps(md, (Map<String, Map<String, Object>>) s2.get("latency"), "S2 ");
            Map<String, Object> s4 = (Map<String, Object>) db.get("s4");
            steps(md, (Map<String, Map<String, Object>>) s4.get("latency"), "S4 (" + s4.get("timerJobs") + " timers) ");
            md.append("\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Object value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void steps(StringBuilder md, Map<String, Map<String, Object>> steps, String prefix) {
        steps.forEach((step, row) -> md.append("| ").append(prefix).append(step).append(" | ").append(row.get("count"))
                .append(" | ").append(row.get("p50_ms")).append(" | ").append(row.get("p95_ms")).append(" | ")
                .append(row.get("p99_ms")).append(" |\n"));
    }
}
