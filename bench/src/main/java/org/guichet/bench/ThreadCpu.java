package org.guichet.bench;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This JVM's CPU by kind of thread, read from /proc/self/task: the servers' and the load's event loops, Hazelcast's
 * threads, Vert.x's workers, the garbage collector, the JIT compilers. A profiler's samples miss the collector and the
 * compilers; this counts every thread's CPU, so what a second node costs can be read by kind. Linux only; elsewhere
 * every thread reads as unknown and the day's report says so.
 */
final class ThreadCpu {

    static final String LOAD_LOOPS = "the load's event loops";
    static final String NODE_LOOPS = "the nodes' event loops";
    static final String HAZELCAST = "Hazelcast";
    static final String WORKERS = "Vert.x workers";
    static final String COLLECTOR = "garbage collector";
    static final String COMPILERS = "JIT compilers";
    static final String HASHING = "password hashing";
    static final String OTHER = "other threads";
    /** The groups in the order the report lists them. */
    static final List<String> GROUPS = List.of(NODE_LOOPS, LOAD_LOOPS, HAZELCAST, WORKERS, COLLECTOR, COMPILERS,
            HASHING, OTHER);

    private final Set<Long> loadLoops;

    private ThreadCpu(Set<Long> loadLoops) {
        this.loadLoops = loadLoops;
    }

    /** Counts the event loops of {@code load} apart from the other Vert.x's (which share their threads' names). */
    static ThreadCpu withLoad(Vertx load) throws Exception {
        List<Future<Long>> ids = new ArrayList<>();
        for (EventExecutor loop : ((VertxInternal) load).nettyEventLoopGroup()) {
            ids.add(loop.submit(ThreadCpu::nativeThreadId));
        }
        Set<Long> loops = new HashSet<>();
        for (Future<Long> id : ids) {
            loops.add(id.get(10, TimeUnit.SECONDS));
        }
        return new ThreadCpu(loops);
    }

    /** The kernel's id of the calling thread (/proc/thread-self names it); -1 off Linux. */
    static long nativeThreadId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The group of a thread from its kernel name (at most 15 characters: "vert.x-eventloo", "hz.node-1.IO.th",
     * "GC Thread#0", "C2 CompilerThre"...).
     */
    static String group(String name, boolean loadLoop) {
        if (name.startsWith("vert.x-eventloo")) {
            return loadLoop ? LOAD_LOOPS : NODE_LOOPS;
        }
        if (name.startsWith("hz.")) {
            return HAZELCAST;
        }
        if (name.startsWith("vert.x-worker") || name.startsWith("vert.x-internal") || name.startsWith("vert.x-virtual")) {
            return WORKERS;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return COLLECTOR;
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return COMPILERS;
        }
        if (name.startsWith("guichet-passwor")) {
            return HASHING;
        }
        return OTHER;
    }

    /** Each living thread's CPU so far, in clock ticks, by the kernel's thread id. */
    Map<Long, Reading> read() {
        Map<Long, Reading> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    long id = Long.parseLong(task.getFileName().toString());
                    Reading reading = parse(Files.readString(task.resolve("stat")), loadLoops.contains(id));
                    threads.put(id, reading);
                } catch (IOException | RuntimeException ended) {
                    // The thread ended while listed: its time shows in what the report cannot place.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    /** A thread's group and CPU ticks (user and system) from its /proc stat line. */
    static Reading parse(String statLine, boolean loadLoop) {
        String name = statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
        String[] fields = ProcessCpu.fieldsAfterName(statLine);
        return new Reading(group(name, loadLoop), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /**
     * Seconds of CPU by group between two readings, in {@link #GROUPS}' order; a thread born in between counts from
     * zero. Threads that ended in between are not in the second reading: their time is what the JVM's total has
     * beyond the sum.
     */
    static Map<String, Double> spent(Map<Long, Reading> before, Map<Long, Reading> after) {
        Map<String, Long> ticks = after.entrySet().stream().collect(Collectors.groupingBy(
                entry -> entry.getValue().group(),
                Collectors.summingLong(entry -> entry.getValue().ticks()
                        - (before.containsKey(entry.getKey()) ? before.get(entry.getKey()).ticks() : 0))));
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.forEach(group -> seconds.put(group, ticks.getOrDefault(group, 0L) * ProcessCpu.TICK_NANOS / 1e9));
        return seconds;
    }

    /** "the nodes' event loops 120 s, …, other threads 3 s, ended or unplaced 2 s" of {@code jvmSeconds}. */
    static String summary(Map<String, Double> seconds, double jvmSeconds) {
        double placed = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        if (placed == 0) {
            return "unknown (no /proc/self/task)";
        }
        String groups = seconds.entrySet().stream()
                .map(entry -> String.format(java.util.Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
        return groups + String.format(java.util.Locale.ROOT, ", ended or unplaced %.1f s", jvmSeconds - placed);
    }

    record Reading(String group, long ticks) {
    }
}
