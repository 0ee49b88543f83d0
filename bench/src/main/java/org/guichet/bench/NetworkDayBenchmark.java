package org.guichet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A whole département's day, compressed: 250 sites, 400 agents at counters, 500 waiting-room screens on the event-bus
 * bridge, 250 kiosks and 60,000 visitors with a Monday-morning rush (see {@link NetworkDay}), replayed against 2
 * clustered server nodes on this machine (Hazelcast on 127.0.0.1) over one PostgreSQL, then against 1 node, each with
 * a fresh database. Each room's screens are spread over the nodes, and agents and kiosks too, so calls cross nodes.
 * Prints each operation's p50/p99/max and errors for both, side by side, the machine's load, and the checks: no
 * error, no lost call (every call heard by every screen of its room), no double call, no number given twice, no
 * ticket stamped as arriving before the one numbered before it.
 *
 * <pre>java -cp bench/target/guichet-bench.jar org.guichet.bench.NetworkDayBenchmark \
 *     [--sites 250] [--agents 400] [--screens 500] [--kiosks 250] [--visitors 60000] [--speed 160]
 *     [--drain-seconds 60] [--nodes 2,1] [--stats-per-second 2] [--idle-seconds 2] [--pool 16] [--seed 15]
 *     [--node-jvms shared] [--warm-up-rounds 1] [--history-days 0] [--opening-minutes 15] [--trace DIR]</pre>
 *
 * {@code --speed 160} plays the 8 opening hours in 3 minutes. Every run stops by itself: after the day and at most
 * {@code --drain-seconds} more for the queues to empty. {@code --history-days N} first writes N earlier days of ended
 * tickets (as many a day as the day's visitors) and analyses them, so that the day is planned as on a server that has
 * run for months ({@link EndedHistory}). The agents open their counters over the {@code --opening-minutes} before
 * 08:30, each asking once for a visitor into its empty queue; 0 has them all ask at 08:30 in the same instant.
 */
public final class NetworkDayBenchmark {

    /** Targets of issue 15 for 2 nodes on a 2-core machine. */
    private static final double TARGET_ISSUE_AND_CALL_P99_MS = 50;
    private static final double TARGET_SCREEN_P99_MS = 100;
    /**
     * The host's share of the machine over the day above which its latencies are reported as not Guichet's alone: a
     * chosen value, above the two days that met every target (0.06 and 0.31 %), below every day the host visibly
     * slowed (3 % and more). Days under it have missed the targets too (0.19 %): it is needed, not enough.
     */
    static final double HOST_SHARE_FOR_LATENCIES = 0.005;

    record Settings(int sites, int agents, int screens, int kiosks, int visitors, double speed, int drainSeconds,
                    List<Integer> nodeCounts, double statsPerSecond, int idleSeconds, int poolSize, long seed,
                    boolean ownJvms, int warmUpRounds, int historyDays, int openingMinutes, Path trace) {

        static Settings parse(String[] args) {
            Map<String, String> options = Options.parse(args, "NetworkDayBenchmark [--sites N] [--agents N] "
                    + "[--screens N] [--kiosks N] [--visitors N] [--speed X] [--drain-seconds N] [--nodes 2,1] "
                    + "[--stats-per-second X] [--idle-seconds N] [--pool N] [--seed N] [--node-jvms own|shared] "
                    + "[--warm-up-rounds N] [--history-days N] [--opening-minutes N] [--trace DIR]");
            Settings settings = new Settings(
                    Integer.parseInt(options.getOrDefault("sites", "250")),
                    Integer.parseInt(options.getOrDefault("agents", "400")),
                    Integer.parseInt(options.getOrDefault("screens", "500")),
                    Integer.parseInt(options.getOrDefault("kiosks", "250")),
                    Integer.parseInt(options.getOrDefault("visitors", "60000")),
                    Double.parseDouble(options.getOrDefault("speed", "160")),
                    Integer.parseInt(options.getOrDefault("drain-seconds", "60")),
                    Arrays.stream(options.getOrDefault("nodes", "2,1").split(",")).map(String::trim)
                            .map(Integer::parseInt).toList(),
                    Double.parseDouble(options.getOrDefault("stats-per-second", "2")),
                    Integer.parseInt(options.getOrDefault("idle-seconds", "2")),
                    Integer.parseInt(options.getOrDefault("pool", "16")),
                    Long.parseLong(options.getOrDefault("seed", "15")),
                    nodeJvms(options.getOrDefault("node-jvms", "shared")),
                    Integer.parseInt(options.getOrDefault("warm-up-rounds", "1")),
                    Integer.parseInt(options.getOrDefault("history-days", "0")),
                    Integer.parseInt(options.getOrDefault("opening-minutes", "15")),
                    options.containsKey("trace") ? Path.of(options.get("trace")) : null);
            if (settings.sites < 1 || settings.sites > 999 || settings.agents < settings.sites
                    || settings.screens < settings.sites || settings.kiosks < settings.sites
                    || settings.visitors < 0 || settings.speed <= 0 || settings.statsPerSecond <= 0
                    || settings.nodeCounts.stream().anyMatch(n -> n < 1 || n > 8) || settings.warmUpRounds < 1
                    || settings.historyDays < 0 || settings.openingMinutes < 0 || settings.openingMinutes > 60) {
                throw new IllegalArgumentException("need 1 <= sites <= 999, at least one agent, screen and kiosk per "
                        + "site, speed > 0, stats-per-second > 0, 1 to 8 nodes, at least one warm-up round, "
                        + "history-days >= 0, opening-minutes 0 to 60");
            }
            if (settings.trace != null && !Files.isDirectory(settings.trace)) {
                throw new IllegalArgumentException("--trace names a directory to write the traces in: "
                        + settings.trace + " is not one");
            }
            return settings;
        }

        private static boolean nodeJvms(String value) {
            return switch (value) {
                case "own" -> true;
                case "shared" -> false;
                default -> throw new IllegalArgumentException("--node-jvms is own (each node in a JVM of its own, "
                        + "as on separate machines) or shared (the nodes and the load in this JVM), got " + value);
            };
        }
    }

    private NetworkDayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        System.out.printf(Locale.ROOT, "Guichet network day: %d sites, %d agents, %d screens, %d kiosks, %d visitors, "
                        + "speed %.0f, nodes %s, %d earlier days of history, counters opened over the %d min before "
                        + "08:30; %d cores shared by servers, database and load; load average %s; %s%n",
                settings.sites(), settings.agents(), settings.screens(), settings.kiosks(), settings.visitors(),
                settings.speed(), settings.nodeCounts(), settings.historyDays(), settings.openingMinutes(),
                Runtime.getRuntime().availableProcessors(),
                NetworkDayRun.machineLoad(), settings.ownJvms()
                        ? "each node in a JVM of its own (" + ServerProcess.HEAP + ", no other option), the load in this one"
                        : "nodes and load in this JVM, " + HugeMethods.describe());
        // Writing the history takes about 10 s a day of 60,000 tickets here; its budget is ten times that.
        long historySeconds = (long) settings.historyDays() * Math.max(1, settings.visitors()) / 600;
        long hardLimitSeconds = settings.nodeCounts().size() * (long) (8 * 3600 / settings.speed()
                + settings.drainSeconds() + 600 + historySeconds);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(hardLimitSeconds));
                System.out.println("time limit of " + hardLimitSeconds + " s reached: stopping.");
                System.out.flush();
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException ignored) {
                // finished in time
            }
        }, "netday-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<NetworkDayRun.Result> results = new ArrayList<>();
        int status = 0;
        try {
            for (int nodes : settings.nodeCounts()) {
                System.out.printf("%n%d node(s):%n", nodes);
                results.add(new NetworkDayRun(settings, nodes).run());
            }
            report(results, settings.ownJvms());
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        watchdog.interrupt();
        System.exit(status);
    }

    private static void report(List<NetworkDayRun.Result> results, boolean ownJvms) {
        System.out.println();
        System.out.println("==== Guichet network day ====");
        StringBuilder header = new StringBuilder(String.format("%-16s", "operation"));
        for (NetworkDayRun.Result result : results) {
            header.append(String.format("| %-55s", result.nodes() + " node" + (result.nodes() > 1 ? "s" : "")
                    + ": count, p50 / p99 / max ms, errors"));
        }
        if (results.size() == 2) {
            header.append("| p99 ratio");
        }
        System.out.println(header);
        for (String operation : NetworkDayRun.OPERATIONS) {
            StringBuilder line = new StringBuilder(String.format("%-16s", operation));
            for (NetworkDayRun.Result result : results) {
                Latencies latencies = result.operations().get(operation);
                line.append(String.format(Locale.ROOT, "| %7d  %7.1f / %7.1f / %8.1f  %5d err       ",
                        latencies.count(), latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                        latencies.percentileMillis(1.0), latencies.errors()));
            }
            if (results.size() == 2) {
                line.append(String.format(Locale.ROOT, "| %.2f", results.get(0).operations().get(operation)
                        .percentileMillis(0.99) / results.get(1).operations().get(operation).percentileMillis(0.99)));
            }
            System.out.println(line);
        }
        System.out.println("(call-next counts the calls that found nobody waiting (204) too, and call-next 204 those "
                + "alone: a call that lost its ticket to another counter's answers 204 once that call has committed; "
                + "opening call counts apart each agent's first call, made on opening its counter before 08:30 "
                + "(into an empty queue: 204), also counted in call-next and call-next 204; call-to-screen runs "
                + "from the agent's call-next request to each screen of the room hearing the call, on whichever node)");
        ratioCaveat(results.size(), ownJvms).ifPresent(System.out::println);
        for (NetworkDayRun.Result result : results) {
            System.out.printf(Locale.ROOT, "%n%d node(s): day replayed in %.0f s; %d tickets acknowledged, %d calls; "
                            + "%s%n", result.nodes(), result.daySeconds(), result.acknowledgedIssues(), result.calls(),
                    result.machine());
            System.out.printf("  lost deliveries: %d (%d calls not heard by every screen of their room); double calls "
                            + "seen by the agents: %d; numbers given twice seen by the kiosks: %d; screen sockets "
                            + "closed by a server: %d%n", result.lostDeliveries(), result.callsNotOnEveryScreen(),
                    result.doubleCallsSeen(), result.doubleNumbersSeen(), result.screensDropped());
            System.out.println("  database: " + result.database());
            System.out.println("  autovacuum during the day (table, automatic vacuums and analyses): "
                    + result.maintenance());
            System.out.println("  WAL written during the day: " + result.wal());
            if (!result.failures().isEmpty()) {
                System.out.println("  errors: " + result.failures());
            }
            System.out.println("  targets: " + verdict(result));
            System.out.println("  by hour of the day played (each request counted in the hour it was sent):");
            result.byHour().forEach(System.out::println);
        }
    }

    /** Each target of the issue, met or missed by how much. */
    static String verdict(NetworkDayRun.Result result) {
        List<String> verdicts = new ArrayList<>();
        int errors = result.operations().values().stream().mapToInt(Latencies::errors).sum();
        verdicts.add(none("no error", errors, " errors"));
        long doubles = result.doubleCallsSeen() + result.doubleNumbersSeen()
                + result.database().getOrDefault("numbers given twice (site, prefix, day)", 0L)
                + result.database().getOrDefault("tickets called more than once", 0L);
        verdicts.add(none("no lost call", result.lostDeliveries(), " deliveries"));
        verdicts.add(none("no double call or number", doubles, ""));
        verdicts.add(none("numbers in the order of arrival",
                result.database().getOrDefault(NetworkDayRun.NUMBERS_BEFORE_THEIR_ARRIVAL, 0L), " tickets"));
        verdicts.add(none("screens' waiting counts right at the end",
                result.database().getOrDefault(NetworkDayRun.WRONG_COUNTS_SHOWN, 0L), " screens"));
        verdicts.add(p99(result, "issue", TARGET_ISSUE_AND_CALL_P99_MS));
        verdicts.add(p99(result, "call-next", TARGET_ISSUE_AND_CALL_P99_MS));
        verdicts.add(p99(result, "call-to-screen", TARGET_SCREEN_P99_MS));
        hostCaveat(result.hostShare()).ifPresent(verdicts::add);
        return String.join("; ", verdicts);
    }

    /** A target that nothing may break: met when {@code count} is 0, else missed by that many {@code what}. */
    static String none(String target, long count, String what) {
        return count == 0 ? target + ": met" : target + ": MISSED (" + count + what + ")";
    }

    /**
     * On a virtual machine the host may take the cores while the day runs (steal): hour by hour its share followed the
     * latency tail far more than the day's load did (bench/README.md, 3 December, afternoon), so a run it took more
     * than a few percent of says as much about the neighbours as about Guichet, and the report says so.
     */
    static Optional<String> hostCaveat(double hostShare) {
        if (hostShare <= HOST_SHARE_FOR_LATENCIES || Double.isNaN(hostShare)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "but the host took %.1f %% of this machine during the day "
                + "(steal): the latencies are not Guichet's alone, compare runs where it took under %.1f %%",
                100 * hostShare, 100 * HOST_SHARE_FOR_LATENCIES));
    }

    /**
     * A second day in this JVM runs on code the first day had the JIT compile, and in a compressed day the first hour
     * carries most of that compiling (bench/README.md, 3 December, evening: the compilers ran 35.8 s in the first hour
     * of 2 nodes, 3.3 s in that of 1 node after them), so the ratio credits the second day with a warm JVM.
     */
    static Optional<String> ratioCaveat(int days, boolean ownJvms) {
        if (days != 2) {
            return Optional.empty();
        }
        return Optional.of(ownJvms
                ? "(p99 ratio: the servers of each day started afresh, but the load ran the second day in this JVM on "
                        + "code the first day had compiled)"
                : "(p99 ratio: the second day ran in this JVM after the first, servers and load on code the first "
                        + "day had compiled and a heap it had grown: compare the two first hours below and their "
                        + "compilers' seconds, or run each node count on its own, --nodes 2 then --nodes 1)");
    }

    private static String p99(NetworkDayRun.Result result, String operation, double targetMillis) {
        double p99 = result.operations().get(operation).percentileMillis(0.99);
        return String.format(Locale.ROOT, "%s p99 < %.0f ms: %s (%.1f ms%s)", operation, targetMillis,
                p99 < targetMillis ? "met" : "MISSED", p99,
                p99 < targetMillis ? "" : String.format(Locale.ROOT, ", %.1fx the target", p99 / targetMillis));
    }
}
