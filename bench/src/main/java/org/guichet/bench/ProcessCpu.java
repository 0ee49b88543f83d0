package org.guichet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM and by one PostgreSQL (its postmaster and every backend), read from /proc. On a
 * shared machine throughput drifts with the neighbours' load; the CPU an operation costs drifts much less, so the
 * benchmarks report it next to their rates. Linux only; elsewhere the figures are unknown (-1).
 */
final class ProcessCpu {

    /** USER_HZ: the unit of the times in /proc/PID/stat, 100 on every Linux this runs on. */
    static final long TICK_NANOS = 10_000_000L;

    private final long postmaster;

    private ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The PostgreSQL whose data directory is given (it holds postmaster.pid). */
    static ProcessCpu ofDatabase(Path dataDirectory) {
        try {
            return new ProcessCpu(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0)
                    .trim()));
        } catch (IOException | RuntimeException e) {
            return new ProcessCpu(-1);
        }
    }

    /** CPU nanoseconds of this JVM, every thread, so far; -1 when unknown. */
    static long jvmNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Time the JIT compilers have spent so far in this JVM (their elapsed time), in nanoseconds; -1 when unknown. */
    static long compilerNanos() {
        var compilers = ManagementFactory.getCompilationMXBean();
        return compilers != null && compilers.isCompilationTimeMonitoringSupported()
                ? compilers.getTotalCompilationTime() * 1_000_000L : -1;
    }

    /** CPU nanoseconds of the database so far: the postmaster, its live backends and those that have ended. */
    long databaseNanos() {
        if (postmaster < 0) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                if (Long.parseLong(name) == postmaster) {
                    ticks += stat[1] + stat[2] + stat[3] + stat[4];
                } else if (stat[0] == postmaster) {
                    ticks += stat[1] + stat[2];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * TICK_NANOS;
    }

    /**
     * CPU nanoseconds the hypervisor gave to others while this virtual machine wanted them ("steal" in /proc/stat),
     * summed over its processors; -1 when unknown. A benchmark's tail on a shared host is read beside it.
     */
    static long stolenNanos() {
        try {
            return stolenTicks(Files.readAllLines(Path.of("/proc/stat")).get(0)) * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The steal ticks of /proc/stat's first line: "cpu user nice system idle iowait irq softirq steal ...". */
    static long stolenTicks(String allProcessors) {
        String[] fields = allProcessors.trim().split("\\s+");
        if (!"cpu".equals(fields[0]) || fields.length < 9) {
            throw new IllegalArgumentException("not /proc/stat's first line: " + allProcessors);
        }
        return Long.parseLong(fields[8]);
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone or unreadable. */
    static long[] stat(Path process) {
        try {
            String[] fields = fieldsAfterName(Files.readString(process.resolve("stat")));
            return new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The fields of a /proc stat line after the command name (state, ppid, ...; utime is [11], stime [12]). The name,
     * in parentheses, may hold spaces and parentheses: fields are counted after its last closing parenthesis.
     */
    static String[] fieldsAfterName(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    }
}
