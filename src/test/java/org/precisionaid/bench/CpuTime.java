package org.precisionaid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU spent by this JVM and by the machine's PostgreSQL processes over a stretch of a benchmark, and by everything else
 * on the machine. On 2 shared cores throughput moves by 15 % from run to run with what else runs; the CPU a household
 * costs moves far less, so S1 ÷ bare is also given in CPU per household (docs/benchmarks.md B3). What other processes
 * used meanwhile says whether the stretch ran on a quiet machine — the load average cannot, as it still counts this
 * benchmark's own work of the minutes before.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long jvmStart;
    private final double databaseStart;
    private final double machineStart;

    private CpuTime() {
        this.jvmStart = jvmNanos();
        this.databaseStart = databaseSeconds();
        this.machineStart = machineSeconds();
    }

    static CpuTime start() {
        return new CpuTime();
    }

    /** Milliseconds of CPU per unit of work since the start: the JVM's (all its threads) and PostgreSQL's. */
    Map<String, Object> perUnit(long units) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (units <= 0) {
            return result;
        }
        result.put("jvm", IdentificationBenchmark.round((jvmNanos() - jvmStart) / 1e6 / units));
        double database = databaseSeconds();
        if (database >= 0 && databaseStart >= 0) {
            result.put("database", IdentificationBenchmark.round((database - databaseStart) * 1e3 / units));
        }
        return result;
    }

    /**
     * Seconds of CPU that processes other than this JVM and PostgreSQL used since the start, over all cores (about 0
     * on a quiet machine); -1 without /proc.
     */
    double othersSeconds() {
        double machine = machineSeconds();
        double database = databaseSeconds();
        if (machine < 0 || machineStart < 0 || database < 0 || databaseStart < 0) {
            return -1;
        }
        double ours = (jvmNanos() - jvmStart) / 1e9 + (database - databaseStart);
        return IdentificationBenchmark.round(Math.max(0, machine - machineStart - ours));
    }

    /** Busy CPU time of the whole machine (the first line of /proc/stat: all but idle and iowait), -1 without it. */
    private static double machineSeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * User and system time of every process named postgres, with what their ended children left to them (the
     * server's own processes, and the connections' backends that live as long as the pool); -1 without /proc.
     */
    private static double databaseSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuTime::postgresTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                return 0;
            }
            // after the name: state is field 3; utime, stime, cutime, cstime are fields 14 to 17
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException gone) {
            return 0; // ended meanwhile
        }
    }
}
