package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;
import org.guichet.server.metrics.MetricsSettings;
import org.guichet.server.metrics.NodeMetrics;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.service.IssueRequest;
import org.guichet.server.service.Services;
import org.guichet.server.service.TicketTransitions;
import org.guichet.server.store.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Drives a Guichet server over HTTP on 127.0.0.1 with N concurrent clients and prints tickets issued per second and
 * call-next per second with p50/p99, next to the ceiling of the same database transactions sent straight through the
 * engine and the PG client (no HTTP, auth or JSON), measured in the same run on the same database.
 *
 * <pre>java -cp bench/target/guichet-bench.jar org.guichet.bench.QueueBenchmark \
 *     [--clients 32] [--counters 20] [--services-per-counter 20] [--seconds 10] [--rounds 3] [--rate 1000]
 *     [--history 200000]</pre>
 *
 * Every counter serves all 20 services by default; {@code --services-per-counter 3} gives each counter 3 of them
 * (counter i serves services i to i + 2), as reception desks usually do.
 *
 * It starts its own server with an embedded PostgreSQL in a temporary directory (fsync and synchronous_commit on:
 * durable commits), runs for a bounded time and stops by itself.
 */
public final class QueueBenchmark {

    private static final int SERVICES = 20;
    private static final int HISTORY_TICKETS_PER_DAY = 2_000;

    /** The clients: one event loop is plenty for them and leaves the cores to the server and its database. */
    private final Vertx clientVertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
    private final int clients;
    private final int counters;
    private final int servicesPerCounter;
    private final Duration phase;
    private final double pacedRate;
    private final int history;
    private final int rounds;
    private MetricsSettings metrics = MetricsSettings.off();
    private GuichetServer server;
    private ProcessCpu databaseCpu;
    private WebClient http;
    private Api api;
    private HttpClient rawHttp;

    private QueueBenchmark(int clients, int counters, int servicesPerCounter, Duration phase, double pacedRate,
                           int history, int rounds) {
        this.servicesPerCounter = servicesPerCounter;
        this.rounds = rounds;
        this.clients = clients;
        this.counters = counters;
        this.phase = phase;
        this.pacedRate = pacedRate;
        this.history = history;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "QueueBenchmark [--clients N] [--counters N] "
                + "[--services-per-counter N] [--seconds N] [--rounds N] [--rate N] [--history N] [--metrics on]");
        QueueBenchmark benchmark = new QueueBenchmark(Integer.parseInt(options.getOrDefault("clients", "32")),
                Integer.parseInt(options.getOrDefault("counters", "20")),
                Math.max(1, Math.min(SERVICES, Integer.parseInt(options.getOrDefault("services-per-counter",
                        String.valueOf(SERVICES))))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10"))),
                Double.parseDouble(options.getOrDefault("rate", "1000")),
                Integer.parseInt(options.getOrDefault("history", "200000")),
                Integer.parseInt(options.getOrDefault("rounds", "3")));
        benchmark.metrics = "on".equals(options.get("metrics"))
                ? MetricsSettings.withToken("benchmark-metrics-token-0123456789") : MetricsSettings.off();
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmark.close();
        }
        System.exit(status);
    }

    private void run() throws Exception {
        Path data = Files.createTempDirectory("guichet-bench-");
        // --metrics on: the server as Main starts it with a metrics token (Vert.x's meters and the domain's kept).
        Vertx serverVertx = Vertx.vertx(NodeMetrics.vertxOptions(new io.vertx.core.VertxOptions(), metrics));
        server = GuichetServer.start(serverVertx, new ServerOptions(0, null, data, deployment(), false, false,
                "benchmark-admin-password", null, null, 16, false).withMetrics(metrics)
                // One kiosk token stands for every kiosk of a network here: no per-device pace applies.
                .withDeviceIssuing(new IssuingRate(Integer.MAX_VALUE, Duration.ofNanos(1))))
                .await(180, TimeUnit.SECONDS);
        http = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients + 8));
        api = new Api(http, 0);
        rawHttp = clientVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients + 8));
        System.out.printf("Guichet queue benchmark: %d clients, %d counters of %d services each, %d rounds of %d s "
                + "phases, %d cores, durable commits, metrics %s, %s%n", clients, counters, servicesPerCounter, rounds,
                phase.toSeconds(), Runtime.getRuntime().availableProcessors(), metrics.enabled() ? "on" : "off",
                HugeMethods.describe());
        databaseCpu = ProcessCpu.ofDatabase(data.resolve("postgres"));
        loadHistory();

        String admin = api.login("admin", "benchmark-admin-password");
        String kiosk = api.send(HttpMethod.POST, "/api/v1/admin/devices/bench-kiosk/token", admin, null)
                .bodyAsJsonObject().getString("token");
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < counters; i++) {
            api.send(HttpMethod.POST, "/api/v1/admin/agents", admin, new JsonObject().put("username", "bench" + i)
                    .put("password", "benchmark-password").put("role", "agent")
                    .put("siteIds", new JsonArray().add("bench")));
            String token = api.login("bench" + i, "benchmark-password");
            api.send(HttpMethod.POST, "/api/v1/counters/bench-c" + i + "/open", token, null);
            agents.add(token);
        }
        Services engine = server.services();
        Principal kioskPrincipal = engine.authentication().authenticate(kiosk).await(10, TimeUnit.SECONDS);

        // Warm-up, not reported.
        timed(Duration.ofSeconds(5), clients, (i, latencies) -> measured(latencies, () -> issueOverHttp(kiosk, i)));

        BiFunction<Integer, Latencies, Future<Void>> issueDirect = (i, latencies) -> measured(latencies,
                () -> engine.issuer().issue(kioskPrincipal, new IssueRequest(null, service(i), PriorityClass.NORMAL,
                        "fr", UUID.randomUUID().toString())).mapEmpty());
        BiFunction<Integer, Latencies, Future<Void>> issueHttp = (i, latencies) -> measured(latencies,
                () -> issueOverHttp(kiosk, i));
        List<Principal> principals = new ArrayList<>();
        for (String token : agents) {
            principals.add(engine.authentication().authenticate(token).await(10, TimeUnit.SECONDS));
        }
        BiFunction<Integer, Latencies, Future<Void>> callDirect = (i, latencies) -> {
            Principal agent = principals.get(i % counters);
            return measured(latencies, () -> engine.calling().callNext(agent, "bench-c" + (i % counters)))
                    .compose(called -> called
                            .map(ticket -> engine.transitions().start(agent, ticket.id())
                                    .compose(started -> engine.transitions().finish(agent, ticket.id(), TicketTransitions.Closing.NONE))
                                    .<Void>mapEmpty())
                            .orElse(Future.succeededFuture()));
        };
        BiFunction<Integer, Latencies, Future<Void>> callHttp = (i, latencies) -> {
            String agent = agents.get(i % counters);
            return measured(latencies, () -> api.request(HttpMethod.POST, "/api/v1/counters/bench-c" + (i % counters)
                    + "/call-next", agent, null))
                    .compose(response -> {
                        if (response.statusCode() != 200) {
                            return Future.failedFuture("call-next " + response.statusCode());
                        }
                        long id = response.bodyAsJsonObject().getLong("id");
                        return api.request(HttpMethod.POST, "/api/v1/tickets/" + id + "/start", agent, null)
                                .compose(ok -> api.request(HttpMethod.POST, "/api/v1/tickets/" + id + "/finish", agent,
                                        null)).mapEmpty();
                    });
        };

        System.out.println();
        compare("issue", clients, issueDirect, issueHttp);
        Latencies issuePaced = paced(phase, clients, pacedRate, i -> issueOverHttp(kiosk, i));
        System.out.println(issuePaced.report(String.format("issue, HTTP API, %.0f/s offered", pacedRate),
                phase.toMillis() / 1000.0));
        compare("call-next", counters, callDirect, callHttp);
        System.out.println("(call-next latency is of the call alone; each counter then starts and finishes the "
                + "ticket before calling again)");
        server.stop().await(60, TimeUnit.SECONDS);
        serverVertx.close();
        ScratchDirectory.deleteQuietly(data);
    }

    /**
     * Measures the ceiling (services and PG client alone) and the HTTP API in alternate phases, {@code rounds} times:
     * on a shared machine the throughput drifts by tens of percent within a minute, so each HTTP phase is set against
     * the ceiling measured just before it, and the median of those ratios is the figure.
     */
    private void compare(String what, int concurrency, BiFunction<Integer, Latencies, Future<Void>> direct,
                         BiFunction<Integer, Latencies, Future<Void>> overHttp) {
        double seconds = phase.toMillis() / 1000.0;
        List<Double> ratios = new ArrayList<>();
        Latencies allDirect = new Latencies();
        Latencies allHttp = new Latencies();
        CpuPerOperation directCpu = new CpuPerOperation();
        CpuPerOperation httpCpu = new CpuPerOperation();
        for (int round = 1; round <= rounds; round++) {
            Latencies ceiling = directCpu.measure(() -> timed(phase, concurrency, direct));
            Latencies http = httpCpu.measure(() -> timed(phase, concurrency, overHttp));
            ratios.add(http.rate(seconds) / ceiling.rate(seconds));
            allDirect.addAll(ceiling);
            allHttp.addAll(http);
            System.out.printf("  round %d: %s ceiling %.0f/s, HTTP %.0f/s = %.0f %%; CPU per operation: ceiling "
                            + "%s, HTTP %s%n", round, what, ceiling.rate(seconds), http.rate(seconds),
                    100 * ratios.get(ratios.size() - 1), directCpu.lastRound(), httpCpu.lastRound());
        }
        System.out.println(allDirect.report(what + ", engine + PG client (ceiling)", seconds * rounds));
        System.out.println(allHttp.report(what + ", HTTP API", seconds * rounds));
        List<Double> sorted = ratios.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        System.out.printf("  HTTP %s throughput = %.0f %% of the ceiling (median of %d rounds; %.0f to %.0f %%)%n",
                what, 100 * median, rounds, 100 * sorted.get(0), 100 * sorted.get(sorted.size() - 1));
        System.out.printf("  CPU per %s, all rounds: ceiling %s, HTTP %s (steadier than the rates on a shared "
                + "machine)%n", what, directCpu.total(), httpCpu.total());
    }

    /**
     * CPU milliseconds per operation, of this JVM (server and clients) and of PostgreSQL, over the phases measured:
     * what an operation costs, whatever the neighbours take from the machine meanwhile.
     */
    private final class CpuPerOperation {
        private long jvmNanos;
        private long databaseNanos;
        private long operations;
        private String lastRound = "unknown";

        Latencies measure(java.util.function.Supplier<Latencies> phase) {
            long jvmBefore = ProcessCpu.jvmNanos();
            long databaseBefore = databaseCpu.databaseNanos();
            Latencies latencies = phase.get();
            long jvm = ProcessCpu.jvmNanos() - jvmBefore;
            long database = databaseCpu.databaseNanos() - databaseBefore;
            jvmNanos += jvm;
            databaseNanos += database;
            operations += latencies.count();
            lastRound = format(jvm, database, latencies.count());
            return latencies;
        }

        String lastRound() {
            return lastRound;
        }

        String total() {
            return format(jvmNanos, databaseNanos, operations);
        }

        private static String format(long jvm, long database, long count) {
            if (count == 0) {
                return "no operation";
            }
            return String.format(java.util.Locale.ROOT, "%.2f ms (JVM %.2f + PostgreSQL %.2f)",
                    (jvm + database) / 1e6 / count, jvm / 1e6 / count, database / 1e6 / count);
        }
    }

    private void loadHistory() throws Exception {
        if (history <= 0) {
            return;
        }
        long start = System.nanoTime();
        io.vertx.sqlclient.Pool pool = Database.pool(clientVertx, server.database(), 1);
        try {
            List<EndedHistory.Queue> queues = new ArrayList<>();
            for (int i = 0; i < SERVICES; i++) {
                queues.add(new EndedHistory.Queue("bench", "bench-s" + i, "bench-room",
                        String.valueOf((char) ('A' + i)), "bench-c" + (i % counters)));
            }
            EndedHistory.load(pool, queues, history, HISTORY_TICKETS_PER_DAY, Duration.ofMinutes(10));
        } finally {
            pool.close();
        }
        System.out.printf("history: %d ended tickets over %d earlier days, loaded and analysed in %.0f s%n", history,
                EndedHistory.days(history, HISTORY_TICKETS_PER_DAY), (System.nanoTime() - start) / 1e9);
    }

    /** The kiosk's request, sent through the bare HTTP client: the load generator shares the CPU, so it stays lean. */
    private Future<Void> issueOverHttp(String kiosk, int i) {
        Buffer body = Buffer.buffer("{\"serviceId\":\"" + service(i) + "\",\"idempotencyKey\":\""
                + UUID.randomUUID() + "\"}");
        return rawHttp.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/tickets")
                        .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + kiosk)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"))
                .compose(request -> request.send(body))
                .compose(response -> response.body().compose(answer -> response.statusCode() == 201
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture("issue " + response.statusCode() + " " + answer)));
    }

    private static String service(int i) {
        return "bench-s" + (i % SERVICES);
    }

    /** Runs {@code concurrency} loops of the operation for the duration; the operation times what it reports. */
    private Latencies timed(Duration duration, int concurrency,
                            BiFunction<Integer, Latencies, Future<Void>> operation) {
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Void>> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int worker = i;
            Promise<Void> done = Promise.promise();
            clientVertx.runOnContext(v -> loop(worker, operation, latencies, deadline, done));
            loops.add(done.future());
        }
        return awaitClients(loops, duration, latencies);
    }

    private static Latencies awaitClients(List<Future<Void>> clientsDone, Duration duration, Latencies latencies) {
        try {
            Future.all(clientsDone).await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return latencies;
    }

    /** The same clients, together offering {@code ratePerSecond} (see {@link PacedLoad}). */
    private Latencies paced(Duration duration, int concurrency, double ratePerSecond,
                            java.util.function.IntFunction<Future<Void>> operation) {
        return PacedLoad.run(clientVertx, duration, concurrency, ratePerSecond, operation);
    }

    private void loop(int worker, BiFunction<Integer, Latencies, Future<Void>> operation, Latencies latencies,
                      long deadline, Promise<Void> done) {
        if (System.nanoTime() >= deadline) {
            done.complete();
            return;
        }
        operation.apply(worker, latencies).onComplete(result -> {
            if (result.failed()) {
                latencies.error();
            }
            clientVertx.runOnContext(v -> loop(worker, operation, latencies, deadline, done));
        });
    }

    /** Records how long {@code step} took when it succeeds. */
    private static <T> Future<T> measured(Latencies latencies, java.util.function.Supplier<Future<T>> step) {
        long start = System.nanoTime();
        return step.get().onSuccess(result -> latencies.record(System.nanoTime() - start));
    }

    private JsonObject deployment() {
        JsonArray services = new JsonArray();
        JsonArray all = new JsonArray();
        for (int i = 0; i < SERVICES; i++) {
            services.add(new JsonObject().put("id", "bench-s" + i).put("name", "Service " + i)
                    .put("prefix", String.valueOf((char) ('A' + i))).put("room", "bench-room")
                    .put("targetWaitMinutes", 15));
            all.add("bench-s" + i);
        }
        JsonArray counterList = new JsonArray();
        for (int i = 0; i < counters; i++) {
            JsonArray served = new JsonArray();
            for (int k = 0; k < servicesPerCounter; k++) {
                served.add(all.getString((i + k) % SERVICES));
            }
            counterList.add(new JsonObject().put("id", "bench-c" + i).put("name", "Guichet " + i)
                    .put("room", "bench-room").put("services", served));
        }
        return new JsonObject().put("sites", new JsonArray().add(new JsonObject().put("id", "bench")
                .put("name", "Banc d'essai").put("timeZone", "Europe/Paris")
                .put("rooms", new JsonArray().add(new JsonObject().put("id", "bench-room").put("name", "Salle")))
                .put("services", services).put("counters", counterList)
                .put("devices", new JsonArray().add(new JsonObject().put("id", "bench-kiosk").put("kind", "kiosk")))));
    }

    private void close() {
        clientVertx.close();
    }
}
