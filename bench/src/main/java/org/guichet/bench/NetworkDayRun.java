package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;
import org.guichet.server.ServerVertx;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.store.Database;
import org.guichet.server.store.EmbeddedDatabase;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replay of the network day against N server nodes (1: a plain server; more: a Hazelcast cluster on 127.0.0.1)
 * over one embedded PostgreSQL, with its own fresh database: sets the network up, connects the screens, runs the day
 * and its drain, checks what came of it, and stops everything.
 */
final class NetworkDayRun {

    static final List<String> OPERATIONS = List.of("issue", "call-next", "call-next 204", "opening call",
            "start", "finish", "no-show", "transfer", "call-to-screen", "statistics");
    private static final String PASSWORD = "network-day-" + UUID.randomUUID();
    private static final String[] PREFIXES = {"A", "B", "C"};
    /** How long the agents may go on after the drain's end before they are stopped. */
    private static final Duration AGENTS_GRACE = Duration.ofSeconds(30);
    static final String WRONG_COUNTS_SHOWN = "screens showing another waiting count than the database";
    /** The queue calls by arrival: a ticket stamped before the one numbered before it would be called first. */
    static final String NUMBERS_BEFORE_THEIR_ARRIVAL = "tickets arrived before the one numbered before them";
    private static final String AUTOVACUUM_BY_TABLE = """
            SELECT relname, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables
            WHERE autovacuum_count + autoanalyze_count > 0
            ORDER BY autovacuum_count + autoanalyze_count DESC, relname""";
    private static final String WAL_SO_FAR = "SELECT wal_bytes::bigint, wal_records, wal_fpi FROM pg_stat_wal";

    /** What one run measured and checked. */
    record Result(int nodes, Map<String, Latencies> operations, Map<String, Integer> failures, double daySeconds,
                  int acknowledgedIssues, int calls, int lostDeliveries, int callsNotOnEveryScreen,
                  int doubleCallsSeen, int doubleNumbersSeen, Map<String, Long> database, int screensDropped,
                  String machine, List<String> byHour, double hostShare, String maintenance, String wal) {
    }

    /** A node in this JVM ({@code vertx} and {@code server}) or in its own ({@code process}). */
    private record Node(Vertx vertx, GuichetServer server, ServerProcess process, WebClient http) {

        int port() {
            return process != null ? process.port() : server.port();
        }
    }

    private record Call(long sentNanos, int site) {
    }

    private record Receipt(int screen, long nanos) {
    }

    /** The waiting count a screen shows: of the counts it heard, those read last, as the page keeps them. */
    private record Shown(Instant at, int waiting) {
    }

    /** One agent at one counter, driven by timers on the client's event loop. */
    private final class Agent {
        final int index;
        final int site;
        final String counterId;
        final Node node;
        String token;
        long idleTimer = -1;
        /** Its counter's first call-next is made: the next ones are the day's. */
        boolean opened;

        Agent(int index) {
            this.index = index;
            this.site = index % settings.sites();
            this.counterId = counterId(site, index / settings.sites());
            this.node = nodes.get(nodeOf(index));
        }
    }

    private final NetworkDayBenchmark.Settings settings;
    private final int nodeCount;
    private final NetworkDay day;
    private final Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Latencies> operations = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<Queue<Agent>> idleAt = new ArrayList<>();
    private final List<List<Integer>> screensOf = new ArrayList<>();
    private final List<List<Integer>> kiosksOf = new ArrayList<>();
    private final Map<Long, Call> calls = new ConcurrentHashMap<>();
    private final Map<Long, Queue<Receipt>> receipts = new ConcurrentHashMap<>();
    private final Map<Integer, Shown> shownByScreen = new ConcurrentHashMap<>();
    private final Set<String> numbers = ConcurrentHashMap.newKeySet();
    private final Queue<WebSocket> sockets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger doubleCalls = new AtomicInteger();
    private final AtomicInteger doubleNumbers = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger agentsDone = new AtomicInteger();
    private final Promise<Void> allAgentsDone = Promise.promise();
    private final AtomicLong cpuBusySamples = new AtomicLong();
    private final AtomicLong cpuSamples = new AtomicLong();
    private final AtomicLong jvmBusySamples = new AtomicLong();
    private final BusiestWindow busiestWindow = new BusiestWindow(30);
    private List<String> kioskTokens;
    private List<String> screenTokens;
    private String adminToken;
    private final AtomicInteger issuesPending = new AtomicInteger();
    private final int[] doneAt;
    private volatile boolean allSent;
    /** Every visitor's ticket asked for and answered: nothing more will arrive. */
    private volatile boolean allIssued;
    private volatile boolean stopped;
    private WebSocketClient webSockets;
    private EmbeddedDatabase database;
    private final List<Integer> clusterPorts = new ArrayList<>();
    private final String clusterName = "netday-" + Long.toString(System.nanoTime(), 36);
    private Path data;
    /** The day's p99 hour by hour; set when the day starts. */
    private volatile DayHours hours;
    private RequestTrace trace;
    private volatile ProcessCpu databaseCpu;

    NetworkDayRun(NetworkDayBenchmark.Settings settings, int nodeCount) {
        this.settings = settings;
        this.nodeCount = nodeCount;
        this.day = new NetworkDay(settings.seed(), settings.sites());
        OPERATIONS.forEach(name -> operations.put(name, new Latencies()));
        this.doneAt = new int[settings.sites()];
        for (int s = 0; s < settings.sites(); s++) {
            idleAt.add(new ConcurrentLinkedQueue<>());
            screensOf.add(new ArrayList<>());
            kiosksOf.add(new ArrayList<>());
        }
        for (int k = 0; k < settings.screens(); k++) {
            screensOf.get(k % settings.sites()).add(k);
        }
        for (int k = 0; k < settings.kiosks(); k++) {
            kiosksOf.get(k % settings.sites()).add(k);
        }
    }

    Result run() throws Exception {
        data = Files.createTempDirectory("guichet-netday-");
        try {
            startNodes();
            setUp();
            String before = machineLoad();
            databaseCpu = ProcessCpu.ofDatabase(data.resolve("db").resolve("postgres"));
            ThreadCpu threadCpu = ThreadCpu.withLoad(clientVertx);
            long jvmBefore = ProcessCpu.jvmNanos();
            Map<Long, ThreadCpu.Reading> threadsBefore = threadCpu.read();
            long nodesBefore = nodeJvmsNanos();
            long databaseBefore = databaseCpu.databaseNanos();
            long stolenBefore = ProcessCpu.stolenNanos();
            long[] walBefore = walSoFar();
            long started = System.nanoTime();
            sampleCpu();
            Map<String, long[]> collectorsBefore = collectors();
            LoopLag clientLag = LoopLag.start(clientVertx);
            LoopLag nodesLag = new LoopLag();
            List<LoopLag> nodeLags = nodes.stream().filter(node -> node.vertx() != null)
                    .map(node -> LoopLag.start(node.vertx())).toList();
            replayDay();
            double daySeconds = (System.nanoTime() - started) / 1e9;
            clientLag.stop();
            nodeLags.forEach(lag -> {
                lag.stop();
                nodesLag.addAll(lag);
            });
            String loops = "; event loops running what is due late by: the load's " + clientLag.summary()
                    + (nodeLags.isEmpty() ? "" : ", the nodes' " + nodesLag.summary())
                    + "; garbage collection during the day (this JVM): " + collectedSince(collectorsBefore);
            String thisJvm = settings.ownJvms() ? "this JVM (the load)" : "this JVM (servers and load)";
            String nodeJvms = settings.ownJvms() ? String.format(java.util.Locale.ROOT, "the nodes' JVMs %.0f s, ",
                    (nodeJvmsNanos() - nodesBefore) / 1e9) : "";
            int cores = Runtime.getRuntime().availableProcessors();
            // The JVM's total is read around the threads' readings (before them at the start, after them at the end):
            // what it has beyond their sum, the threads that ended, is then not made short by the readings' order.
            Map<Long, ThreadCpu.Reading> threadsAfter = threadCpu.read();
            double jvmSeconds = (ProcessCpu.jvmNanos() - jvmBefore) / 1e9;
            String byThreads = "; this JVM's CPU by threads: "
                    + ThreadCpu.summary(ThreadCpu.spent(threadsBefore, threadsAfter), jvmSeconds);
            long stolenAfter = ProcessCpu.stolenNanos();
            // Unknown (-1) where /proc/stat cannot be read: no share then, rather than a wrong one.
            double stolenSeconds = stolenBefore < 0 || stolenAfter < 0 ? Double.NaN
                    : (stolenAfter - stolenBefore) / 1e9;
            String used = String.format(java.util.Locale.ROOT, "; CPU used meanwhile: %s%s %.0f s, PostgreSQL %.0f s, "
                            + "of %.0f s of %d cores, %.0f s taken by the host (steal)", nodeJvms, thisJvm,
                    jvmSeconds, (databaseCpu.databaseNanos() - databaseBefore) / 1e9,
                    daySeconds, cores, stolenSeconds) + byThreads;
            String machine = "load average " + before + " before, " + machineLoad() + " after; machine CPU busy "
                    + Math.round(100.0 * cpuBusySamples.get() / Math.max(1, cpuSamples.get())) + " % on average and "
                    + Math.round(100.0 * busiestWindow.busiest()) + " % over its busiest 30 s, "
                    + thisJvm + " " + Math.round(100.0 * jvmBusySamples.get()
                    / Math.max(1, cpuSamples.get())) + " % of the machine" + used + loops;
            awaitDeliveries(Duration.ofSeconds(30));
            if (trace != null) {
                System.out.println("  trace: " + trace.write());
            }
            return result(daySeconds, machine, stolenSeconds / (daySeconds * cores), walBefore);
        } finally {
            stopAll();
        }
    }

    // ---------------------------------------------------------------- nodes and network

    private void startNodes() throws Exception {
        database = EmbeddedDatabase.start(data.resolve("db"));
        for (int i = 0; i < nodeCount; i++) {
            clusterPorts.add(LoopbackPorts.free());
        }
        if (!settings.ownJvms()) {
            for (int i = 0; i < nodeCount; i++) {
                ClusterSettings cluster = nodeCount == 1 ? ClusterSettings.single()
                        : ClusterSettings.onLoopback(clusterPorts.get(i), clusterPorts, clusterName);
                Vertx vertx = ServerVertx.create(cluster, new VertxOptions()).await(120, TimeUnit.SECONDS);
                nodes.add(new Node(vertx, null, null, null));
            }
        } else {
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(null);
            }
        }
        // The first node applies the deployment; the others start once it is in the database and read it.
        startNode(0);
    }

    private void startNode(int index) throws Exception {
        // The day runs `speed` times faster: so may each kiosk, as it would at the real pace.
        IssuingRate issuing = IssuingRate.DEVICE_DEFAULT.faster(settings.speed());
        // One key for the callers' numbers in the whole cluster: a node with another refuses to start.
        Path contactKey = data.resolve("contact.key");
        if (settings.ownJvms()) {
            ServerProcess process = ServerProcess.start(data.resolve("node-" + index), database.settings(),
                    LoopbackPorts.free(), clusterPorts.get(index), nodeCount == 1 ? List.of() : clusterPorts, clusterName,
                    settings.poolSize(), issuing, contactKey, PASSWORD);
            nodes.set(index, new Node(null, null, process, client(process.port())));
            return;
        }
        Vertx vertx = nodes.get(index).vertx();
        GuichetServer server = GuichetServer.start(vertx, new ServerOptions(0, database.settings(),
                data.resolve("node-" + index), new JsonObject(), false, false, PASSWORD, null, null,
                settings.poolSize(), false).withDeviceIssuing(issuing).withContactKeyFile(contactKey))
                .await(180, TimeUnit.SECONDS);
        nodes.set(index, new Node(vertx, server, null, client(server.port())));
    }

    private WebClient client(int port) {
        // Kept-alive connections are given up before the server's idle timeout closes them: a request sent on one
        // just as the server closes it fails ("Connection was closed"), and the agent it was for got stuck.
        return WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(port).setKeepAlive(true)
                .setKeepAliveTimeout((int) HttpSettings.DEFAULT_IDLE_TIMEOUT.dividedBy(2).toSeconds()),
                new PoolOptions().setHttp1MaxSize(128));
    }

    /** CPU time of the server nodes' own JVMs so far; 0 when they run in this one. */
    private long nodeJvmsNanos() {
        long sum = 0;
        for (Node node : nodes) {
            if (node != null && node.process() != null) {
                sum += Math.max(0, node.process().cpuNanos());
            }
        }
        return sum;
    }

    private void setUp() throws Exception {
        long t = System.nanoTime();
        Node first = nodes.get(0);
        adminToken = login(first, "admin", PASSWORD);
        JsonObject tokens = expect(send(first, HttpMethod.PUT, "/api/v1/admin/deployment", adminToken, deployment())
                .await(300, TimeUnit.SECONDS), 200).bodyAsJsonObject().getJsonObject("deviceTokens");
        kioskTokens = new ArrayList<>();
        for (int k = 0; k < settings.kiosks(); k++) {
            kioskTokens.add(tokens.getString(siteId(k % settings.sites()) + "-k" + k));
        }
        screenTokens = new ArrayList<>();
        for (int k = 0; k < settings.screens(); k++) {
            screenTokens.add(tokens.getString(siteId(k % settings.sites()) + "-e" + k));
        }
        HttpRequest<Buffer> importing = first.http().post("/api/v1/admin/agents/import")
                .bearerTokenAuthentication(adminToken).putHeader("Content-Type", "text/csv; charset=utf-8");
        expect(importing.sendBuffer(Buffer.buffer(agentsCsv())).await(600, TimeUnit.SECONDS), 200);
        for (int i = 1; i < nodeCount; i++) {
            startNode(i);
        }
        System.out.printf("  %d node(s) up, %d sites deployed, %d accounts imported in %.0f s%n", nodeCount,
                settings.sites(), settings.agents(), (System.nanoTime() - t) / 1e9);
        loadHistory();
        t = System.nanoTime();
        for (int j = 0; j < settings.agents(); j++) {
            agents.add(new Agent(j));
        }
        inBatches(agents, 8, agent -> login(agent.node, username(agent.index), PASSWORD, agent));
        inBatches(agents, 16, agent -> send(agent.node, HttpMethod.POST, "/api/v1/counters/" + agent.counterId
                + "/open", agent.token, null).map(response -> expect(response, 200)).mapEmpty());
        connectScreens();
        warmUp();
        System.out.printf("  %d agents logged in at their counters, %d screens and %d kiosks ready in %.0f s%n",
                settings.agents(), sockets.size(), settings.kiosks(), (System.nanoTime() - t) / 1e9);
    }

    /** --history-days: earlier days of ended tickets, each as busy as the day played, then analysed. */
    private void loadHistory() throws TimeoutException {
        if (settings.historyDays() == 0) {
            return;
        }
        long t = System.nanoTime();
        List<EndedHistory.Queue> queues = new ArrayList<>();
        for (int s = 0; s < settings.sites(); s++) {
            for (int v = 0; v < NetworkDay.SERVICES_PER_SITE; v++) {
                queues.add(new EndedHistory.Queue(siteId(s), serviceId(s, v), roomId(s), PREFIXES[v],
                        counterId(s, 0)));
            }
        }
        int perDay = Math.max(1, settings.visitors());
        Pool pool = Database.pool(clientVertx, database.settings(), 1);
        try {
            EndedHistory.load(pool, queues, settings.historyDays() * perDay, perDay, Duration.ofMinutes(30));
        } finally {
            pool.close();
        }
        System.out.printf("  history: %d ended tickets over %d earlier days, written and analysed in %.0f s%n",
                settings.historyDays() * perDay, settings.historyDays(), (System.nanoTime() - t) / 1e9);
    }

    private JsonObject deployment() {
        JsonArray sites = new JsonArray();
        for (int s = 0; s < settings.sites(); s++) {
            String site = siteId(s);
            JsonArray services = new JsonArray();
            JsonArray serviceIds = new JsonArray();
            for (int v = 0; v < NetworkDay.SERVICES_PER_SITE; v++) {
                services.add(new JsonObject().put("id", serviceId(s, v)).put("name", "Service " + PREFIXES[v])
                        .put("prefix", PREFIXES[v]).put("room", roomId(s)).put("targetWaitMinutes", 20));
                serviceIds.add(serviceId(s, v));
            }
            JsonArray counters = new JsonArray();
            for (int j = s, k = 0; j < settings.agents(); j += settings.sites(), k++) {
                counters.add(new JsonObject().put("id", counterId(s, k)).put("name", "Guichet " + (k + 1))
                        .put("room", roomId(s)).put("services", serviceIds));
            }
            JsonArray devices = new JsonArray();
            for (int k : kiosksOf.get(s)) {
                devices.add(new JsonObject().put("id", site + "-k" + k).put("kind", "kiosk"));
            }
            for (int k : screensOf.get(s)) {
                devices.add(new JsonObject().put("id", site + "-e" + k).put("kind", "screen")
                        .put("name", "Écran " + k).put("room", roomId(s)));
            }
            sites.add(new JsonObject().put("id", site).put("name", "Accueil " + (s + 1))
                    .put("timeZone", NetworkDay.SITE_ZONE.getId())
                    .put("rooms", new JsonArray().add(new JsonObject().put("id", roomId(s)).put("name", "Accueil")))
                    .put("services", services).put("counters", counters).put("devices", devices));
        }
        return new JsonObject().put("sites", sites);
    }

    private String agentsCsv() {
        StringBuilder csv = new StringBuilder("username;displayName;role;sites;password\n");
        for (int j = 0; j < settings.agents(); j++) {
            csv.append(username(j)).append(";Agent ").append(j).append(";agent;").append(siteId(j % settings.sites()))
                    .append(';').append(PASSWORD).append('\n');
        }
        return csv.toString();
    }

    private void connectScreens() throws Exception {
        // Kept in a field: Vert.x closes a client, and all its WebSockets, once the client is garbage collected.
        webSockets = clientVertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(settings.screens() + 16).setConnectTimeout(30_000));
        BridgeScreen.keepAlive(clientVertx, sockets);
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < settings.screens(); k++) {
            all.add(k);
        }
        inBatches(all, 50, k -> {
            Node node = nodes.get((k / settings.sites()) % nodeCount);
            return webSockets.connect(node.port(), "127.0.0.1", BridgeScreen.PATH).map(socket -> {
                sockets.add(socket);
                socket.closeHandler(closed -> dropped.incrementAndGet());
                socket.handler(frame -> heard(k, frame));
                BridgeScreen.register(socket, roomId(k % settings.sites()), screenTokens.get(k));
                return null;
            });
        });
    }

    private void heard(int screen, Buffer text) {
        long now = System.nanoTime();
        BridgeScreen.Frame frame = BridgeScreen.parse(text.toString());
        if (frame.refused()) {
            failures.merge("screen: bridge refused " + frame.body().getString("body"), 1, Integer::sum);
            return;
        }
        Long ticketId = frame.calledTicketId();
        if (ticketId != null) {
            receipts.computeIfAbsent(ticketId, id -> new ConcurrentLinkedQueue<>()).add(new Receipt(screen, now));
        } else if (frame.body() != null && "queue".equals(frame.body().getString("type"))) {
            Shown heard = new Shown(Instant.parse(frame.body().getString("at")),
                    frame.body().getJsonObject("room").getInteger("waiting"));
            shownByScreen.merge(screen, heard, (kept, later) -> later.at().isBefore(kept.at()) ? kept : later);
        }
    }

    /**
     * Rounds of one ticket per site, issued, called by the site's first agent (on its node), started and finished,
     * not measured: every screen must hear the calls, so every registration (across nodes too) has taken effect. The
     * rounds after the first warm the servers' code up as weeks of service would have: a compressed day would
     * otherwise put the compiler's whole warm-up into its first hour.
     */
    private void warmUp() throws Exception {
        List<Integer> sites = new ArrayList<>();
        for (int s = 0; s < settings.sites(); s++) {
            sites.add(s);
        }
        Map<Long, Integer> called = new ConcurrentHashMap<>();
        long t = System.nanoTime();
        for (int round = 0; round < settings.warmUpRounds(); round++) {
            warmUpRound(sites, round % NetworkDay.SERVICES_PER_SITE, called);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long missing;
        while ((missing = notHeard(called)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (missing > 0) {
            throw new IllegalStateException(missing + " screens did not hear the warm-up calls within 60 s");
        }
        called.keySet().forEach(receipts::remove);
        System.out.printf("  warmed up: %d rounds of a ticket per site issued, called, started and finished in %.0f s%n",
                settings.warmUpRounds(), (System.nanoTime() - t) / 1e9);
    }

    private void warmUpRound(List<Integer> sites, int service, Map<Long, Integer> called) throws Exception {
        inBatches(sites, 16, s -> {
            Agent agent = agents.get(s);
            return send(kioskNode(kiosksOf.get(s).get(0)), HttpMethod.POST, "/api/v1/tickets",
                    kioskTokens.get(kiosksOf.get(s).get(0)), new JsonObject().put("serviceId", serviceId(s, service)))
                    .compose(issued -> {
                        expect(issued, 201);
                        numbers.add(numberKey(s, issued.bodyAsJsonObject()));
                        acknowledged.incrementAndGet();
                        return send(agent.node, HttpMethod.POST, "/api/v1/counters/" + agent.counterId
                                + "/call-next", agent.token, null);
                    })
                    .compose(call -> {
                        long id = expect(call, 200).bodyAsJsonObject().getLong("id");
                        called.put(id, s);
                        return send(agent.node, HttpMethod.POST, "/api/v1/tickets/" + id + "/start", agent.token,
                                null).compose(ok -> send(agent.node, HttpMethod.POST, "/api/v1/tickets/" + id
                                + "/finish", agent.token, null));
                    }).mapEmpty();
        });
    }

    /** Screens that have not heard these calls (ticket id to site) yet. */
    private long notHeard(Map<Long, Integer> siteOfCall) {
        long missing = 0;
        for (Map.Entry<Long, Integer> call : siteOfCall.entrySet()) {
            missing += Math.max(0, screensOf.get(call.getValue()).size() - heardBy(call.getKey()));
        }
        return missing;
    }

    private int heardBy(long ticketId) {
        Queue<Receipt> heard = receipts.get(ticketId);
        if (heard == null) {
            return 0;
        }
        Set<Integer> screens = new HashSet<>();
        heard.forEach(receipt -> screens.add(receipt.screen()));
        return screens.size();
    }

    // ---------------------------------------------------------------- the day

    /** Fails before the day is played if it would cross the sites' midnight (see {@link NetworkDay#midnightWithin}). */
    private static void requireOneServiceDay(Instant from, Duration length) {
        NetworkDay.midnightWithin(from, from.plus(length), NetworkDay.SITE_ZONE).ifPresent(midnight -> {
            throw new IllegalStateException("the day played would run from " + from + " to " + from.plus(length)
                    + ", across midnight in " + NetworkDay.SITE_ZONE + " (" + midnight + "), where every site's service"
                    + " day changes: call-next would stop finding the tickets issued before it and the checks would"
                    + " fail for that alone. Run it so that it ends before that midnight or starts after it.");
        });
    }

    private void replayDay() throws Exception {
        List<NetworkDay.Visitor> visitors = day.visitors(settings.visitors());
        Duration window = Duration.ofMinutes(settings.openingMinutes());
        long opening = wall(window);
        long start = System.nanoTime() + 200_000_000L + opening;
        trace = settings.trace() == null ? null
                : new RequestTrace(settings.trace().resolve("trace-" + nodeCount + "-nodes.csv"), start)
                        .listenToCollections();
        hours = new DayHours(start, settings.speed(), NetworkDay.OPENING_HOURS,
                List.of("issue", "call-next", "call-next 204", "call-to-screen"), trace);
        long dayEnd = start + wall(NetworkDay.OPENING_HOURS);
        long drainEnd = dayEnd + TimeUnit.SECONDS.toNanos(settings.drainSeconds());
        requireOneServiceDay(Instant.now(), Duration.ofNanos(drainEnd - System.nanoTime() + AGENTS_GRACE.toNanos()));
        System.out.printf("  replaying %d visitors over %s of opening hours in %.0f s (speed %.0f), then up to %d s "
                        + "for the queues to empty%n", visitors.size(), NetworkDay.OPENING_HOURS,
                (dayEnd - start) / 1e9, settings.speed(), settings.drainSeconds());
        if (opening == 0) {
            clientVertx.runOnContext(v -> agents.forEach(this::callNext));
        } else {
            System.out.printf("  the agents open their counters over the %d min before 08:30 (%.1f s)%n",
                    settings.openingMinutes(), opening / 1e9);
            for (Agent agent : agents) {
                long at = start - wall(day.counterOpening(agent.index, window));
                clientVertx.setTimer(Math.max(1, (at - System.nanoTime()) / 1_000_000), id -> callNext(agent));
            }
        }
        AtomicInteger next = new AtomicInteger();
        long[] kioskTimer = new long[1];
        kioskTimer[0] = clientVertx.setPeriodic(10, id -> {
            long elapsed = System.nanoTime() - start;
            while (next.get() < visitors.size() && wall(visitors.get(next.get()).arrival()) <= elapsed) {
                issue(visitors.get(next.getAndIncrement()));
            }
            if (next.get() >= visitors.size()) {
                clientVertx.cancelTimer(kioskTimer[0]);
                allSent = true;
                if (issuesPending.get() == 0) {
                    allIssued = true;
                }
            }
        });
        long statsTimer = clientVertx.setPeriodic(Math.max(50, (long) (1000 / settings.statsPerSecond())),
                new java.util.function.Consumer<Long>() {
                    int round;

                    @Override
                    public void accept(Long id) {
                        askStatistics(round++);
                    }
                }::accept);
        long waitNanos = drainEnd - System.nanoTime() + AGENTS_GRACE.toNanos();
        try {
            allAgentsDone.future().await(Math.max(1, waitNanos / 1_000_000), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException timeout) {
            System.out.println("  the agents had not finished 30 s after the drain's end: stopping them");
        }
        while (System.nanoTime() < drainEnd && agentsDone.get() < agents.size()) {
            Thread.sleep(100);
        }
        stopped = true;
        clientVertx.cancelTimer(statsTimer);
    }

    private void issue(NetworkDay.Visitor visitor) {
        List<Integer> kiosks = kiosksOf.get(visitor.site());
        int kiosk = kiosks.get(visitor.index() % kiosks.size());
        JsonObject body = new JsonObject().put("serviceId", serviceId(visitor.site(), visitor.service()))
                .put("priority", visitor.priority()).put("idempotencyKey", "v" + visitor.index());
        issuesPending.incrementAndGet();
        // An appointment's ticket is given by an agent of the site (a kiosk may only self-declare a priority).
        Agent receptionist = "APPOINTMENT".equals(visitor.priority()) ? agents.get(visitor.site()) : null;
        Future<HttpResponse<Buffer>> sent = receptionist != null
                ? send(receptionist.node, HttpMethod.POST, "/api/v1/tickets", receptionist.token, body)
                : send(kioskNode(kiosk), HttpMethod.POST, "/api/v1/tickets", kioskTokens.get(kiosk), body);
        timed("issue", sent, 201)
                .onComplete(answered -> {
                    if (issuesPending.decrementAndGet() == 0 && allSent) {
                        allIssued = true;
                    }
                })
                .onSuccess(ticket -> {
                    acknowledged.incrementAndGet();
                    if (!numbers.add(numberKey(visitor.site(), ticket))) {
                        doubleNumbers.incrementAndGet();
                    }
                    wake(visitor.site());
                });
    }

    private void callNext(Agent agent) {
        if (stopped) {
            done(agent);
            return;
        }
        long sent = System.nanoTime();
        boolean opening = !agent.opened;
        agent.opened = true;
        send(agent.node, HttpMethod.POST, "/api/v1/counters/" + agent.counterId + "/call-next", agent.token, null)
                .onComplete(result -> {
                    Latencies latencies = operations.get("call-next");
                    if (opening && result.succeeded() && result.result().statusCode() / 100 == 2) {
                        operations.get("opening call").record(System.nanoTime() - sent);
                    }
                    if (result.succeeded() && result.result().statusCode() == 200) {
                        long elapsed = System.nanoTime() - sent;
                        latencies.record(elapsed);
                        hours.record("call-next", sent, elapsed);
                        JsonObject ticket = result.result().bodyAsJsonObject();
                        long id = ticket.getLong("id");
                        if (calls.putIfAbsent(id, new Call(sent, agent.site)) != null) {
                            doubleCalls.incrementAndGet();
                        }
                        serve(agent, id, ticket.getString("serviceId"));
                    } else if (result.succeeded() && result.result().statusCode() == 204) {
                        long elapsed = System.nanoTime() - sent;
                        latencies.record(elapsed);
                        operations.get("call-next 204").record(elapsed);
                        hours.record("call-next", sent, elapsed);
                        hours.record("call-next 204", sent, elapsed);
                        idle(agent);
                    } else {
                        failed("call-next", result.succeeded() ? result.result() : null, result.cause());
                        later(agent, Duration.ofSeconds(1), () -> callNext(agent));
                    }
                });
    }

    private void serve(Agent agent, long ticketId, String serviceId) {
        NetworkDay.Visit visit = day.visit(ticketId);
        String ticket = "/api/v1/tickets/" + ticketId + "/";
        later(agent, wallDuration(visit.walk()), () -> {
            if (visit.outcome() == NetworkDay.Outcome.NO_SHOW) {
                timed("no-show", send(agent.node, HttpMethod.POST, ticket + "no-show", agent.token, null), 200)
                        .onComplete(done -> callNext(agent));
                return;
            }
            timed("start", send(agent.node, HttpMethod.POST, ticket + "start", agent.token, null), 200)
                    .onComplete(started -> later(agent, wallDuration(visit.service()), () -> {
                        if (visit.outcome() == NetworkDay.Outcome.TRANSFER) {
                            JsonObject body = new JsonObject().put("serviceId", transferTarget(agent.site, serviceId,
                                    ticketId))
                                    .put("note", "Pièce à compléter au service suivant");
                            timed("transfer", send(agent.node, HttpMethod.POST, ticket + "transfer", agent.token,
                                    body), 200).onComplete(done -> {
                                wake(agent.site);
                                callNext(agent);
                            });
                        } else {
                            timed("finish", send(agent.node, HttpMethod.POST, ticket + "finish", agent.token,
                                    new JsonObject().put("outcome", "traité")), 200)
                                    .onComplete(done -> callNext(agent));
                        }
                    }));
        });
    }

    /** Another service of the site; which one does not matter, so it depends on the ticket's id. */
    private static String transferTarget(int site, String fromServiceId, long ticketId) {
        int from = Integer.parseInt(fromServiceId.substring(fromServiceId.lastIndexOf("-s") + 2));
        int step = 1 + (int) (ticketId % (NetworkDay.SERVICES_PER_SITE - 1));
        return serviceId(site, (from + step) % NetworkDay.SERVICES_PER_SITE);
    }

    /** Nobody waits for this agent: it waits for a ticket at its site, or calls again after a while. */
    private void idle(Agent agent) {
        if (stopped || allIssued && idleAt.get(agent.site).size() + doneAt(agent.site) + 1 >= agentsAt(agent.site)) {
            // Nothing more will arrive and every other agent of the site is idle or gone: the site is done.
            done(agent);
            return;
        }
        idleAt.get(agent.site).add(agent);
        agent.idleTimer = clientVertx.setTimer(settings.idleSeconds() * 1000L, id -> {
            if (idleAt.get(agent.site).remove(agent)) {
                agent.idleTimer = -1;
                callNext(agent);
            }
        });
    }

    private void wake(int site) {
        Agent agent = idleAt.get(site).poll();
        if (agent != null) {
            clientVertx.cancelTimer(agent.idleTimer);
            agent.idleTimer = -1;
            callNext(agent);
        }
    }

    private int doneAt(int site) {
        synchronized (doneAt) {
            return doneAt[site];
        }
    }

    private void done(Agent agent) {
        synchronized (doneAt) {
            doneAt[agent.site]++;
        }
        if (agentsDone.incrementAndGet() == agents.size()) {
            allAgentsDone.tryComplete();
        }
        // Idle colleagues at the site may be waiting for a transfer that will never come now.
        if (allIssued) {
            Agent idle;
            while ((idle = idleAt.get(agent.site).poll()) != null) {
                clientVertx.cancelTimer(idle.idleTimer);
                done(idle);
            }
        }
    }

    private int agentsAt(int site) {
        return (settings.agents() - site + settings.sites() - 1) / settings.sites();
    }

    private void askStatistics(int round) {
        String path = switch (round % 4) {
            case 0 -> "/api/v1/stats/live?siteId=" + siteId(round / 4 % settings.sites());
            case 1 -> "/api/v1/stats/overview";
            case 2 -> "/api/v1/stats/breakdown?by=site";
            default -> "/api/v1/stats/hours";
        };
        timed("statistics", send(nodes.get(round % nodeCount), HttpMethod.GET, path, adminToken, null), 200);
    }

    /** Runs the agent's next step after the delay, unless the run has stopped meanwhile. */
    private void later(Agent agent, Duration delay, Runnable action) {
        long millis = Math.max(1, delay.toMillis());
        clientVertx.setTimer(millis, id -> {
            if (!stopped) {
                action.run();
            }
        });
    }

    // ---------------------------------------------------------------- checks and figures

    private void awaitDeliveries(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && undelivered() > 0) {
            Thread.sleep(100);
        }
    }

    private long undelivered() {
        Map<Long, Integer> siteOfCall = new java.util.HashMap<>();
        calls.forEach((id, call) -> siteOfCall.put(id, call.site()));
        return notHeard(siteOfCall);
    }

    /** {@code walBefore}: the WAL written so far (bytes, records, full-page images) when the day began. */
    private Result result(double daySeconds, String machine, double hostShare, long[] walBefore) throws Exception {
        Latencies toScreen = operations.get("call-to-screen");
        int lost = 0;
        int callsNotEverywhere = 0;
        for (Map.Entry<Long, Call> entry : calls.entrySet()) {
            Call call = entry.getValue();
            Map<Integer, Long> first = new TreeMap<>();
            Queue<Receipt> heard = receipts.getOrDefault(entry.getKey(), new ArrayDeque<>());
            heard.forEach(receipt -> first.merge(receipt.screen(), receipt.nanos(), Math::min));
            first.values().forEach(at -> {
                toScreen.record(at - call.sentNanos());
                hours.record("call-to-screen", call.sentNanos(), at - call.sentNanos());
            });
            int missing = 0;
            for (int screen : screensOf.get(call.site())) {
                if (!first.containsKey(screen)) {
                    missing++;
                }
            }
            lost += missing;
            callsNotEverywhere += missing > 0 ? 1 : 0;
        }
        // What answers after this point (requests cut short as the nodes stop) is not the day's.
        Map<String, Latencies> frozen = new LinkedHashMap<>();
        operations.forEach((name, latencies) -> {
            Latencies copy = new Latencies();
            copy.addAll(latencies);
            frozen.put(name, copy);
        });
        Pool pool = Database.pool(clientVertx, database.settings(), 1);
        try {
            return new Result(nodeCount, frozen, new TreeMap<>(failures), daySeconds, acknowledged.get(),
                    calls.size(), lost, callsNotEverywhere, doubleCalls.get(), doubleNumbers.get(),
                    databaseChecks(pool), dropped.get(), machine, hours.table(), hostShare, maintenance(pool),
                    walWritten(walBefore, wal(pool), acknowledged.get()));
        } finally {
            pool.close();
        }
    }

    /** Counted by the database itself, after the day. */
    private Map<String, Long> databaseChecks(Pool pool) throws Exception {
        Map<String, Long> checks = new LinkedHashMap<>();
        checks.put("tickets issued (not successors)", count(pool,
                "SELECT count(*) FROM ticket WHERE transferred_from IS NULL AND "
                        + EndedHistory.NOT_FROM_HISTORY));
        checks.put("numbers given twice (site, prefix, day)", count(pool, """
                SELECT count(*) FROM (SELECT 1 FROM ticket WHERE transferred_from IS NULL
                                      GROUP BY site_id, prefix, service_day, seq HAVING count(*) > 1) d"""));
        checks.put(NUMBERS_BEFORE_THEIR_ARRIVAL, count(pool, """
                SELECT count(*) FROM (SELECT arrival_at < lag(arrival_at) OVER (PARTITION BY site_id, prefix,
                                             service_day ORDER BY seq) AS earlier
                                      FROM ticket WHERE transferred_from IS NULL AND %s) n
                WHERE earlier""".formatted(EndedHistory.NOT_FROM_HISTORY)));
        checks.put("tickets called more than once", count(pool, """
                SELECT count(*) FROM (SELECT 1 FROM ticket_event WHERE kind = 'CALL'
                                      GROUP BY ticket_id HAVING count(*) > 1) d"""));
        checks.put("still waiting at the end", count(pool, "SELECT count(*) FROM ticket WHERE status = 'WAITING'"));
        checks.put("still at a counter at the end", count(pool,
                "SELECT count(*) FROM ticket WHERE status IN ('CALLED', 'SERVING')"));
        checks.put(WRONG_COUNTS_SHOWN, screensShowingWrongCounts(pool));
        return checks;
    }

    /**
     * What autovacuum did to each table since the database was made for this day: each of its jobs can change the
     * table's statistics, and every connection then plans again each statement that reads the table.
     */
    private static String maintenance(Pool pool) throws Exception {
        List<String> tables = new ArrayList<>();
        pool.query(AUTOVACUUM_BY_TABLE).execute().await(60, TimeUnit.SECONDS).forEach(row -> tables.add(
                row.getString(0) + " " + row.getLong(1) + " and " + row.getLong(2)));
        return tables.isEmpty() ? "none" : String.join(", ", tables);
    }

    /**
     * Screens whose last counts (those read last) are not the database's, given a few seconds for the last changes'
     * counts to be published (every 250 ms) and heard.
     */
    private long screensShowingWrongCounts(Pool pool) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Map<String, Integer> waitingByRoom = new java.util.HashMap<>();
            pool.query("SELECT room_id, count(*) FROM ticket WHERE status = 'WAITING' GROUP BY room_id").execute()
                    .await(60, TimeUnit.SECONDS)
                    .forEach(row -> waitingByRoom.put(row.getString(0), row.getLong(1).intValue()));
            long wrong = shownByScreen.entrySet().stream().filter(entry -> entry.getValue().waiting()
                    != waitingByRoom.getOrDefault(roomId(entry.getKey() % settings.sites()), 0)).count();
            if (wrong == 0 || System.nanoTime() > deadline) {
                return wrong;
            }
            Thread.sleep(250);
        }
    }

    /**
     * What PostgreSQL wrote to its WAL during the day, in all and per ticket: every row version and index entry
     * written is in it, so it shows what a change of schema costs each visit whatever the machine's speed (full-page
     * images follow the checkpoints' timing).
     */
    static String walWritten(long[] before, long[] after, int tickets) {
        double megabytes = (after[0] - before[0]) / 1e6;
        long records = after[1] - before[1];
        return String.format(java.util.Locale.ROOT, "%.1f MB, %d records, %d full-page images (%.2f kB and %.1f "
                        + "records a ticket)", megabytes, records, after[2] - before[2],
                megabytes * 1000 / Math.max(1, tickets), (double) records / Math.max(1, tickets));
    }

    private long[] walSoFar() throws Exception {
        Pool pool = Database.pool(clientVertx, database.settings(), 1);
        try {
            return wal(pool);
        } finally {
            pool.close();
        }
    }

    private static long[] wal(Pool pool) throws Exception {
        Row row = pool.query(WAL_SO_FAR).execute().await(60, TimeUnit.SECONDS).iterator().next();
        return new long[] {row.getLong(0), row.getLong(1), row.getLong(2)};
    }

    private static long count(Pool pool, String sql) throws Exception {
        return pool.query(sql).execute().await(60, TimeUnit.SECONDS).iterator().next().getLong(0);
    }

    private void sampleCpu() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return;
        }
        clientVertx.setPeriodic(1000, id -> {
            if (stopped) {
                clientVertx.cancelTimer(id);
                return;
            }
            double load = os.getCpuLoad();
            double jvm = os.getProcessCpuLoad();
            if (load >= 0 && jvm >= 0) {
                cpuBusySamples.addAndGet(Math.round(load * 100));
                jvmBusySamples.addAndGet(Math.round(jvm * 100));
                cpuSamples.addAndGet(100);
                busiestWindow.add(load);
                DayHours byHour = hours;
                if (byHour != null) {
                    long now = System.nanoTime();
                    byHour.machineBusy(now, load);
                    clientVertx.executeBlocking(() -> {
                        byHour.cpuSpent(now, ProcessCpu.jvmNanos(), databaseCpu.databaseNanos(),
                                ProcessCpu.compilerNanos(),
                                ProcessCpu.stolenNanos());
                        return null;
                    });
                }
            }
        });
    }

    /** Each collector's collections and milliseconds spent so far in this JVM. */
    private static Map<String, long[]> collectors() {
        Map<String, long[]> seen = new LinkedHashMap<>();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(collector -> seen.put(collector.getName(),
                new long[] {collector.getCollectionCount(), collector.getCollectionTime()}));
        return seen;
    }

    private static String collectedSince(Map<String, long[]> before) {
        List<String> parts = new ArrayList<>();
        collectors().forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            parts.add(String.format(java.util.Locale.ROOT, "%s %d in %.1f s", name, now[0] - then[0],
                    (now[1] - then[1]) / 1e3));
        });
        return String.join(", ", parts);
    }

    static String machineLoad() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void stopAll() {
        stopped = true;
        sockets.forEach(WebSocket::close);
        try {
            clientVertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // stopping anyway
        }
        for (Node node : nodes) {
            try {
                if (node == null) {
                    continue;
                }
                if (node.process() != null) {
                    node.process().stop();
                    continue;
                }
                if (node.server() != null) {
                    node.server().stop().await(60, TimeUnit.SECONDS);
                }
                node.vertx().close().await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.out.println("  a node did not stop cleanly: " + e.getMessage());
            }
        }
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            System.out.println("  the database did not stop cleanly: " + e.getMessage());
        }
        if (data != null) {
            ScratchDirectory.deleteQuietly(data);
        }
    }

    // ---------------------------------------------------------------- HTTP and names

    private Future<JsonObject> timed(String operation, Future<HttpResponse<Buffer>> response, int expected) {
        long sent = System.nanoTime();
        return response.transform(result -> {
            if (result.succeeded() && result.result().statusCode() == expected) {
                long elapsed = System.nanoTime() - sent;
                operations.get(operation).record(elapsed);
                DayHours byHour = hours;
                if (byHour != null) {
                    byHour.record(operation, sent, elapsed);
                }
                Buffer body = result.result().body();
                return Future.succeededFuture(body == null || body.length() == 0 ? new JsonObject()
                        : result.result().bodyAsJsonObject());
            }
            failed(operation, result.succeeded() ? result.result() : null, result.cause());
            return Future.failedFuture(operation + " failed");
        });
    }

    private void failed(String operation, HttpResponse<Buffer> response, Throwable cause) {
        operations.get(operation).error();
        String why = response != null ? response.statusCode() + " " + errorCode(response)
                : cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        failures.merge(operation + ": " + why, 1, Integer::sum);
    }

    private static String errorCode(HttpResponse<Buffer> response) {
        try {
            return response.bodyAsJsonObject().getString("error", "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private Future<HttpResponse<Buffer>> send(Node node, HttpMethod method, String path, String token,
                                              JsonObject body) {
        HttpRequest<Buffer> request = node.http().request(method, path).timeout(30_000);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return body == null ? request.send() : request.sendJson(body);
    }

    private String login(Node node, String username, String password) throws Exception {
        return expect(send(node, HttpMethod.POST, "/api/v1/auth/login", null, new JsonObject()
                .put("username", username).put("password", password)).await(120, TimeUnit.SECONDS), 200)
                .bodyAsJsonObject().getString("token");
    }

    /** Logs the agent in; an imported account first replaces its password by its own, as the server asks. */
    private Future<Void> login(Node node, String username, String password, Agent agent) {
        return send(node, HttpMethod.POST, "/api/v1/auth/login", null, new JsonObject().put("username", username)
                .put("password", password)).compose(response -> {
                    JsonObject session = expect(response, 200).bodyAsJsonObject();
                    agent.token = session.getString("token");
                    return session.getBoolean("mustChangePassword", false)
                            ? send(node, HttpMethod.POST, "/api/v1/auth/password", agent.token, new JsonObject()
                                    .put("currentPassword", password).put("newPassword", Api.ownPassword(password)))
                                    .map(changed -> {
                                        expect(changed, 204);
                                        return null;
                                    })
                            : Future.succeededFuture(null);
                });
    }

    private static HttpResponse<Buffer> expect(HttpResponse<Buffer> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": "
                    + response.bodyAsString());
        }
        return response;
    }

    /** Runs the step for every item, {@code parallel} at a time, and waits for all of them. */
    private <T> void inBatches(List<T> items, int parallel, java.util.function.Function<T, Future<?>> step)
            throws Exception {
        for (int from = 0; from < items.size(); from += parallel) {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items.subList(from, Math.min(items.size(), from + parallel))) {
                Promise<Object> done = Promise.promise();
                clientVertx.runOnContext(v -> step.apply(item).onComplete(r -> {
                    if (r.succeeded()) {
                        done.complete();
                    } else {
                        done.fail(r.cause());
                    }
                }));
                running.add(done.future());
            }
            Future.all(running).await(180, TimeUnit.SECONDS);
        }
    }

    private Node kioskNode(int kiosk) {
        return nodes.get((kiosk + kiosk / settings.sites()) % nodeCount);
    }

    private int nodeOf(int agent) {
        return (agent + agent / settings.sites()) % nodeCount;
    }

    private long wall(Duration simulated) {
        return (long) (simulated.toNanos() / settings.speed());
    }

    private Duration wallDuration(Duration simulated) {
        return Duration.ofNanos(wall(simulated));
    }

    private static String numberKey(int site, JsonObject ticket) {
        return site + "|" + ticket.getString("serviceDay", "") + "|" + ticket.getString("number");
    }

    private static String siteId(int s) {
        return String.format("nd-%03d", s);
    }

    private static String roomId(int s) {
        return siteId(s) + "-r";
    }

    private static String serviceId(int s, int v) {
        return siteId(s) + "-s" + v;
    }

    private static String counterId(int s, int k) {
        return siteId(s) + "-c" + k;
    }

    private static String username(int j) {
        return String.format("netday.%03d", j);
    }
}
