package org.precisionaid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How busy the machine was: every benchmark records the load average when it starts and when it ends, so that a figure
 * from a loaded machine is read as an upper bound, never as a result (docs/benchmarks.md).
 */
final class MachineLoad {

    private MachineLoad() {
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg has them (else the JVM's 1 minute). */
    static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static void atStart(Map<String, Object> report) {
        report.put("loadAverageAtStart", now());
        System.out.println("Load average at start (1/5/15 min): " + report.get("loadAverageAtStart"));
    }

    static void atEnd(Map<String, Object> report) {
        report.put("loadAverageAtEnd", now());
        System.out.println("Load average at end (1/5/15 min): " + report.get("loadAverageAtEnd"));
    }
}
