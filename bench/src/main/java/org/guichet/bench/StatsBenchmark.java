package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.service.Services;
import org.guichet.server.service.StatsService;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.store.Migrations;
import org.guichet.server.store.StatsExplain;
import org.guichet.server.store.StatsRollups;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Loads a synthetic year ({@link SyntheticYear}) into a fresh embedded PostgreSQL under a temporary directory, builds
 * the facts and rollups, then times the main statistics queries through the same code the API uses, each with varied
 * filters, and prints p50 and p95.
 *
 * <pre>java -cp bench/target/guichet-bench.jar org.guichet.bench.StatsBenchmark
 *     [--sites 200] [--year 2025] [--visitors 60] [--runs 20] [--dir DIR] [--keep]</pre>
 */
public final class StatsBenchmark {

    private record Scenario(String name, Function<Random, StatsQuery> query, Kind kind) {
    }

    private enum Kind { METRICS, HOURS, OCCUPANCY, LIVE }

    private final int sites;
    private final int year;
    private final int runs;
    private boolean explain;
    private final List<String> siteIds = new ArrayList<>();
    /** Supervises every site: the live view asks who is looking. */
    private static final Principal BENCH_ADMIN = Principal.agent(0, "bench", Role.ADMIN, java.util.Set.of());
    private StatsExplain explainer;
    private LocalDate today;

    private StatsBenchmark(int sites, int year, int runs) {
        this.sites = sites;
        this.year = year;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        int sites = intArg(args, "--sites", 200);
        int year = intArg(args, "--year", 2025);
        int visitors = intArg(args, "--visitors", 60);
        int runs = intArg(args, "--runs", 20);
        String dirArg = stringArg(args, "--dir");
        boolean keep = List.of(args).contains("--keep");
        Path dir = dirArg != null ? Files.createDirectories(Path.of(dirArg)) : Files.createTempDirectory("guichet-bench-");
        System.out.printf(Locale.ROOT, "Guichet statistics benchmark: %d sites, year %d, ~%d visitors a site-day, "
                        + "%d timed runs a query%n", sites, year, visitors, runs);
        System.out.printf(Locale.ROOT, "machine: %d processors, load average %.2f; data in %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), dir);
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(!keep)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("jit", "off")
                .start()) {
            DatabaseSettings db = new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres",
                    "postgres");
            Migrations.migrate(db);
            StatsBenchmark benchmark = new StatsBenchmark(sites, year, runs);
            benchmark.explain = List.of(args).contains("--explain");
            benchmark.load(db, new SyntheticYear(sites, year, visitors));
            benchmark.measure(db);
        } finally {
            if (!keep) {
                ScratchDirectory.deleteQuietly(dir);
            }
        }
        System.out.printf(Locale.ROOT, "total run time: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void load(DatabaseSettings db, SyntheticYear data) throws SQLException {
        System.out.println("\n-- loading");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            List<String[]> indexes = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT indexname, indexdef FROM pg_indexes
                         WHERE schemaname = 'public' AND tablename IN ('ticket', 'ticket_event', 'counter_event')
                           AND indexname NOT LIKE '%_pkey'""")) {
                while (rows.next()) {
                    indexes.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
            // Bulk load: no trigger, no foreign-key check, indexes built once afterwards.
            timed("drop secondary indexes", () -> {
                for (String[] index : indexes) {
                    execute(connection, "DROP INDEX " + index[0]);
                }
            });
            execute(connection, "SET session_replication_role = replica");
            for (SyntheticYear.Step step : data.steps()) {
                if (step.name().startsWith("facts")) {
                    timed("rebuild " + indexes.size() + " secondary indexes", () -> {
                        inParallel(db, indexes.stream().map(index -> index[1]).toList());
                        execute(connection, "ANALYZE");
                    });
                }
                if (step.divisible()) {
                    timed(step.name(), () -> inParallel(db, List.of(step.part(0, 2), step.part(1, 2))));
                } else {
                    timed(step.name(), () -> SyntheticYear.run(connection, step));
                }
            }
            execute(connection, "SET session_replication_role = DEFAULT");
            // The facts are read by index-only scans: they need the visibility map; the rest needs statistics.
            timed("vacuum analyze facts, analyze the rest", () -> {
                execute(connection, "VACUUM ANALYZE ticket_fact");
                execute(connection, "ANALYZE");
            });
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT max(day) FROM bench_day")) {
                rows.next();
                today = rows.getDate(1).toLocalDate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM site ORDER BY id")) {
                while (rows.next()) {
                    siteIds.add(rows.getString(1));
                }
            }
        }
    }

    private void measure(DatabaseSettings db) throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(4))
                .connectingTo(new PgConnectOptions().setHost(db.host()).setPort(db.port()).setDatabase(db.database())
                        .setUser(db.user()).setPassword(db.password()).setCachePreparedStatements(true))
                .using(vertx)
                .build();
        try {
            long t = System.nanoTime();
            int rolled = await(new StatsRollups(pool).rebuildDirty(Integer.MAX_VALUE, Duration.ZERO));
            System.out.printf(Locale.ROOT, "%-44s %8.1f s  (%d site-days)%n", "rollups (StatsRollups)",
                    (System.nanoTime() - t) / 1e9, rolled);
            await(pool.query("VACUUM ANALYZE stats_rollup, stats_dirty_log").execute());
            printVolumes(pool);

            Clock clock = Clock.fixed(today.atTime(13, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            Services.Base base = Services.base(pool, clock, Services.Outlets.NONE.announcements());
            await(base.catalogs().reload());
            StatsService stats = Services.assemble(vertx, pool, base, Services.Outlets.NONE, Duration.ofHours(1))
                    .stats();
            explainer = new StatsExplain(pool);
            System.out.printf(Locale.ROOT, "%n-- queries (warm, sequential; %d runs each after 3 warm-up runs; "
                    + "\"today\" is %s)%n", runs, today);
            System.out.printf(Locale.ROOT, "%-58s %-7s %8s %8s %8s%n", "query", "source", "p50 ms", "p95 ms",
                    "max ms");
            for (Scenario scenario : scenarios()) {
                run(stats, scenario);
            }
            System.out.printf(Locale.ROOT, "%nfor reference, the whole network for the year read from the facts "
                    + "(exact percentiles, what the rollups avoid):%n");
            run(stats, new Scenario("overview · all sites · year · facts (forced)",
                    random -> query(siteIds, year(), StatsQuery.Breakdown.NONE).withSource(StatsQuery.Source.FACTS),
                    Kind.METRICS), 1, 2);
        } finally {
            pool.close();
            vertx.close();
        }
    }

    private List<Scenario> scenarios() {
        return List.of(
                new Scenario("overview · 1 site · 1 month", random -> query(oneSite(random), month(random),
                        StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("overview · 1 site · year", random -> query(oneSite(random), year(),
                        StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("by service · 1 site · quarter", random -> query(oneSite(random), quarter(random),
                        StatsQuery.Breakdown.SERVICE), Kind.METRICS),
                new Scenario("by counter · 1 site · 1 month", random -> query(oneSite(random), month(random),
                        StatsQuery.Breakdown.COUNTER), Kind.METRICS),
                new Scenario("by agent · 1 site · quarter", random -> query(oneSite(random), quarter(random),
                        StatsQuery.Breakdown.AGENT), Kind.METRICS),
                new Scenario("by day · 1 site · 1 month", random -> query(oneSite(random), month(random),
                        StatsQuery.Breakdown.DAY), Kind.METRICS),
                new Scenario("hours and weekdays · 1 site · year", random -> query(oneSite(random), year(),
                        StatsQuery.Breakdown.NONE), Kind.HOURS),
                new Scenario("one service, by month · 1 site · year", random -> serviceQuery(random),
                        Kind.METRICS),
                new Scenario("occupancy · 1 site · 1 month", random -> query(oneSite(random), month(random),
                        StatsQuery.Breakdown.NONE), Kind.OCCUPANCY),
                new Scenario("live view · 1 site · now", random -> query(oneSite(random), day(today),
                        StatsQuery.Breakdown.NONE), Kind.LIVE),
                new Scenario("by service · 10 sites · 1 month", random -> query(someSites(random, 10),
                        month(random), StatsQuery.Breakdown.SERVICE), Kind.METRICS),
                new Scenario("overview · 10 sites · year", random -> query(someSites(random, 10), year(),
                        StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("overview · all sites · today", random -> query(siteIds, day(today),
                        StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("overview · all sites · 1 month", random -> query(siteIds, month(random),
                        StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("overview · all sites · year", random -> query(siteIds, year(),
                        StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("overview · all sites · odd dates (~9 months)", random -> query(siteIds,
                        oddPeriod(random), StatsQuery.Breakdown.NONE), Kind.METRICS),
                new Scenario("by site · all sites · year", random -> query(siteIds, year(),
                        StatsQuery.Breakdown.SITE), Kind.METRICS),
                new Scenario("by month · all sites · year", random -> query(siteIds, year(),
                        StatsQuery.Breakdown.MONTH), Kind.METRICS),
                new Scenario("by day · all sites · 1 month", random -> query(siteIds, month(random),
                        StatsQuery.Breakdown.DAY), Kind.METRICS),
                new Scenario("hours and weekdays · all sites · year", random -> query(siteIds, year(),
                        StatsQuery.Breakdown.NONE), Kind.HOURS));
    }

    private void run(StatsService stats, Scenario scenario) {
        run(stats, scenario, 3, runs);
    }

    private void run(StatsService stats, Scenario scenario, int warmUps, int count) {
        Random random = new Random(scenario.name().hashCode());
        List<Double> millis = new ArrayList<>();
        String source = "";
        for (int i = 0; i < warmUps + count; i++) {
            StatsQuery query = scenario.query().apply(random);
            long t = System.nanoTime();
            Object result = await(execute(stats, scenario.kind(), query));
            double elapsed = (System.nanoTime() - t) / 1e6;
            if (i >= warmUps) {
                millis.add(elapsed);
            }
            source = result instanceof StatsService.Report report ? (report.fromRollup() ? "rollup" : "facts")
                    : result instanceof StatsService.Hours hours ? (hours.fromRollup() ? "rollup" : "facts")
                    : "events";
        }
        millis.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "%-58s %-7s %8.1f %8.1f %8.1f%n", scenario.name(), source,
                percentile(millis, 0.5), percentile(millis, 0.95), millis.get(millis.size() - 1));
        if (explain && (scenario.kind() == Kind.METRICS || scenario.kind() == Kind.HOURS)) {
            boolean hours = scenario.kind() == Kind.HOURS;
            StatsQuery explained = hours ? scenario.query().apply(random).withBy(StatsQuery.Breakdown.NONE)
                    : scenario.query().apply(random);
            String plan = await(explainer.explain(explained, hours, stats.usesRollup(explained)));
            System.out.println(plan.lines().filter(line -> line.startsWith("Planning Time")
                    || line.startsWith("Execution Time")).map(line -> "    " + line).reduce((a, b) -> a + b)
                    .orElse(""));
            if (System.getenv("GUICHET_BENCH_PLANS") != null) {
                System.out.println(plan);
            }
        }
    }

    private static Future<?> execute(StatsService stats, Kind kind, StatsQuery query) {
        return switch (kind) {
            case METRICS -> stats.breakdown(query);
            case HOURS -> stats.hours(query);
            case OCCUPANCY -> stats.occupancy(query);
            case LIVE -> stats.live(BENCH_ADMIN, query.siteIds().get(0), Map.of());
        };
    }

    /** Nearest-rank percentile of sorted timings. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private StatsQuery query(List<String> sites, LocalDate[] period, StatsQuery.Breakdown by) {
        return new StatsQuery(period[0], period[1], sites, null, null, null, null, by, 20, StatsQuery.Source.AUTO);
    }

    private StatsQuery serviceQuery(Random random) {
        String site = siteIds.get(random.nextInt(siteIds.size()));
        LocalDate[] period = year();
        return new StatsQuery(period[0], period[1], List.of(site), null, site + "-svc" + (1 + random.nextInt(5)),
                null, null, StatsQuery.Breakdown.MONTH, 20, StatsQuery.Source.AUTO);
    }

    private List<String> oneSite(Random random) {
        return List.of(siteIds.get(random.nextInt(siteIds.size())));
    }

    /** {@code count} consecutive sites (all of them when there are fewer). */
    private List<String> someSites(Random random, int count) {
        int size = Math.min(count, siteIds.size());
        int first = random.nextInt(siteIds.size() - size + 1);
        return siteIds.subList(first, first + size);
    }

    private LocalDate[] month(Random random) {
        LocalDate first = LocalDate.of(year, 1 + random.nextInt(12), 1);
        return new LocalDate[]{first, first.plusMonths(1).minusDays(1)};
    }

    private LocalDate[] quarter(Random random) {
        LocalDate first = LocalDate.of(year, 1 + 3 * random.nextInt(4), 1);
        return new LocalDate[]{first, first.plusMonths(3).minusDays(1)};
    }

    private LocalDate[] year() {
        return new LocalDate[]{LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
    }

    private LocalDate[] oddPeriod(Random random) {
        LocalDate from = LocalDate.of(year, 1, 1).plusDays(10 + random.nextInt(40));
        return new LocalDate[]{from, from.plusDays(250 + random.nextInt(30))};
    }

    private static LocalDate[] day(LocalDate day) {
        return new LocalDate[]{day, day};
    }

    private void printVolumes(Pool pool) {
        var rows = await(pool.query("""
                SELECT (SELECT count(*) FROM ticket) AS tickets, (SELECT count(*) FROM ticket_event) AS events,
                       (SELECT count(*) FROM counter_event) AS counter_events,
                       (SELECT count(*) FROM ticket_fact) AS facts,
                       (SELECT count(*) FROM ticket WHERE status = 'WAITING') AS waiting,
                       (SELECT count(*) FROM stats_rollup WHERE grain = 'D') AS day_rows,
                       (SELECT count(*) FROM stats_rollup WHERE grain = 'M') AS month_rows,
                       pg_size_pretty(pg_database_size(current_database())) AS size,
                       pg_size_pretty(pg_total_relation_size('ticket_fact')) AS fact_size,
                       pg_size_pretty(pg_total_relation_size('stats_rollup')) AS rollup_size""").execute());
        var row = rows.iterator().next();
        System.out.printf(Locale.ROOT, "volumes: %,d tickets (%,d still waiting), %,d ticket events, %,d counter "
                        + "events, %,d facts (%s), rollups %,d day + %,d month rows (%s); database %s%n",
                row.getLong("tickets"), row.getLong("waiting"), row.getLong("events"), row.getLong("counter_events"),
                row.getLong("facts"), row.getString("fact_size"), row.getLong("day_rows"), row.getLong("month_rows"),
                row.getString("rollup_size"), row.getString("size"));
    }

    /** Runs the statements on two connections at once (the machine has two cores), bulk-load settings on each. */
    private static void inParallel(DatabaseSettings db, List<String> statements) throws SQLException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(statements);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(workers.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                        execute(connection, "SET session_replication_role = replica");
                        for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                            execute(connection, sql);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        } finally {
            workers.shutdown();
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void timed(String name, SqlAction action) throws SQLException {
        long t = System.nanoTime();
        action.run();
        System.out.printf(Locale.ROOT, "%-44s %8.1f s%n", name, (System.nanoTime() - t) / 1e9);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
