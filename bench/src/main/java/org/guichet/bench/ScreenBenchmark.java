package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Call-to-screen latency with many waiting-room screens: connects N raw WebSocket clients to the event-bus bridge (as
 * the screens' browsers do, each registering with its screen's device token), makes calls through the REST API and
 * measures, for every screen of the room concerned, the time from sending the call request to receiving the call.
 * Prints p50/p90/p99/max latency, deliveries, and the heap of the JVM the server runs in.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/guichet-bench.jar org.guichet.bench.ScreenBenchmark \
 *      [--screens=2000] [--rooms=100] [--calls=300] [--rate=20] [--max-seconds=240]
 *      [--url=http://127.0.0.1:8080 --admin-password=...]
 * </pre>
 * Without --url it starts its own server on 127.0.0.1 with an embedded PostgreSQL in a temporary directory (removed at
 * the end); the screens' clients then live in the same JVM, so the heap printed is an upper bound of the server's. With
 * --url it targets a running server, adds a site "bench-…" through the admin API, and cannot report that server's heap.
 * It always stops by itself: after the calls, or after --max-seconds.
 */
public final class ScreenBenchmark {

    private record Settings(int screens, int rooms, int calls, int rate, int maxSeconds, String url,
                            String adminPassword) {

        static Settings parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("arguments look like --name=value, not " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Settings settings = new Settings(
                    Integer.parseInt(values.getOrDefault("screens", "2000")),
                    Integer.parseInt(values.getOrDefault("rooms", "100")),
                    Integer.parseInt(values.getOrDefault("calls", "300")),
                    Integer.parseInt(values.getOrDefault("rate", "20")),
                    Integer.parseInt(values.getOrDefault("max-seconds", "240")),
                    values.get("url"),
                    values.getOrDefault("admin-password", values.containsKey("url") ? null
                            : "bench-" + UUID.randomUUID()));
            if (settings.rooms < 1 || settings.rooms > 26 * 26 || settings.screens < settings.rooms
                    || settings.calls < 1 || settings.rate < 1) {
                throw new IllegalArgumentException("need 1 <= rooms <= 676, screens >= rooms, calls >= 1, rate >= 1");
            }
            if (settings.url != null && settings.adminPassword == null) {
                throw new IllegalArgumentException("--url needs --admin-password (of the 'admin' account)");
            }
            return settings;
        }
    }

    private final Settings settings;
    private final Vertx clientVertx = Vertx.vertx();
    private final String siteId = "bench-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final Map<Long, Long> callSentAt = new ConcurrentHashMap<>();
    private final AtomicLongArray latencies;
    /** From the server's publication ("at", same clock: same machine) to the screen, in nanoseconds. */
    private final AtomicLongArray fanOut;
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Queue<WebSocket> sockets = new ConcurrentLinkedQueue<>();
    private final int[] screensInRoom;
    private WebClient http;
    private WebSocketClient webSockets;
    private String adminToken;

    private ScreenBenchmark(Settings settings) {
        this.settings = settings;
        this.screensInRoom = new int[settings.rooms];
        for (int i = 0; i < settings.screens; i++) {
            screensInRoom[i % settings.rooms]++;
        }
        int samples = (int) Math.min(Integer.MAX_VALUE - 8,
                (long) settings.calls * (settings.screens / settings.rooms + 1));
        this.latencies = new AtomicLongArray(samples);
        this.fanOut = new AtomicLongArray(samples);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(settings.maxSeconds));
                System.out.println("time limit of " + settings.maxSeconds + " s reached: stopping.");
                System.out.flush();
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException ignored) {
                // finished in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int status = new ScreenBenchmark(settings).run();
        watchdog.interrupt();
        System.exit(status);
    }

    private int run() throws Exception {
        Vertx serverVertx = null;
        GuichetServer server = null;
        Path dataDirectory = null;
        String base = settings.url;
        try {
            if (base == null) {
                dataDirectory = Files.createTempDirectory("guichet-bench-");
                serverVertx = Vertx.vertx();
                System.out.println("starting a server with an embedded PostgreSQL in " + dataDirectory + " …");
                server = GuichetServer.start(serverVertx, new ServerOptions(0, null, dataDirectory, new JsonObject(),
                        false, false, settings.adminPassword, null, null, 16, false)).await(180, TimeUnit.SECONDS);
                base = "http://127.0.0.1:" + server.port();
            }
            startHeapSampler(server != null);
            URI uri = URI.create(base);
            http = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost(uri.getHost())
                    .setDefaultPort(uri.getPort()), new PoolOptions().setHttp1MaxSize(16));
            adminToken = login("admin", settings.adminPassword);
            Map<Integer, String> screenTokens = deploy();
            List<String> agents = openCounters();
            connectScreens(uri, screenTokens);
            warmUp(agents);
            long started = System.nanoTime();
            makeCalls(agents);
            long expected = expectedDeliveries();
            awaitDeliveries(expected, 15);
            double seconds = (System.nanoTime() - started) / 1e9;
            int droppedDuringRun = dropped.get();
            report(expected, seconds, server != null);
            System.out.println("screen connections closed by the server during the run: " + droppedDuringRun);
            return 0;
        } finally {
            for (WebSocket socket : sockets) {
                socket.close();
            }
            clientVertx.close().await(30, TimeUnit.SECONDS);
            if (server != null) {
                server.stop().await(60, TimeUnit.SECONDS);
                serverVertx.close().await(30, TimeUnit.SECONDS);
            }
            if (dataDirectory != null) {
                ScratchDirectory.deleteQuietly(dataDirectory);
            }
        }
    }

    // ---------------------------------------------------------------- setting up

    private String room(int index) {
        return siteId + "-r" + index;
    }

    private static String prefix(int index) {
        char first = (char) ('A' + index % 26);
        return index < 26 ? String.valueOf(first) : String.valueOf((char) ('A' + index / 26 - 1)) + first;
    }

    /** One site with one room, service, counter and screen device per room; returns each room's screen token. */
    private Map<Integer, String> deploy() {
        JsonArray rooms = new JsonArray();
        JsonArray services = new JsonArray();
        JsonArray counters = new JsonArray();
        JsonArray devices = new JsonArray();
        for (int i = 0; i < settings.rooms; i++) {
            rooms.add(new JsonObject().put("id", room(i)).put("name", "Salle " + i));
            services.add(new JsonObject().put("id", room(i) + "-svc").put("name", "Service " + i)
                    .put("prefix", prefix(i)).put("room", room(i)).put("targetWaitMinutes", 20));
            counters.add(new JsonObject().put("id", room(i) + "-c").put("name", "Guichet " + (i + 1))
                    .put("room", room(i)).put("services", new JsonArray().add(room(i) + "-svc")));
            devices.add(new JsonObject().put("id", room(i) + "-screen").put("kind", "screen")
                    .put("name", "Écran " + i).put("room", room(i)));
        }
        JsonObject deployment = new JsonObject().put("sites", new JsonArray().add(new JsonObject()
                .put("id", siteId).put("name", "Benchmark").put("timeZone", "Europe/Paris")
                .put("rooms", rooms).put("services", services).put("counters", counters).put("devices", devices)));
        JsonObject tokens = ok(send(HttpMethod.PUT, "/api/v1/admin/deployment", adminToken, deployment), 200)
                .bodyAsJsonObject().getJsonObject("deviceTokens");
        Map<Integer, String> byRoom = new HashMap<>();
        for (int i = 0; i < settings.rooms; i++) {
            byRoom.put(i, tokens.getString(room(i) + "-screen"));
        }
        return byRoom;
    }

    private List<String> openCounters() {
        List<String> agents = new ArrayList<>();
        String password = "bench-" + UUID.randomUUID();
        for (int i = 0; i < settings.rooms; i++) {
            String username = siteId + "-agent" + i;
            ok(send(HttpMethod.POST, "/api/v1/admin/agents", adminToken, new JsonObject().put("username", username)
                    .put("password", password).put("role", "agent")
                    .put("siteIds", new JsonArray().add(siteId))), 201);
            String token = login(username, password);
            ok(send(HttpMethod.POST, "/api/v1/counters/" + room(i) + "-c/open", token, null), 200);
            agents.add(token);
        }
        return agents;
    }

    private void connectScreens(URI uri, Map<Integer, String> screenTokens) throws Exception {
        // Kept in a field: Vert.x closes a client, and all its WebSockets, once the client is garbage collected.
        webSockets = clientVertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(settings.screens + 16).setConnectTimeout(30_000));
        Semaphore inFlight = new Semaphore(100);
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        BridgeScreen.keepAlive(clientVertx, sockets);
        List<Future<WebSocket>> connections = new ArrayList<>();
        for (int i = 0; i < settings.screens; i++) {
            int roomIndex = i % settings.rooms;
            inFlight.acquire();
            Future<WebSocket> connected = webSockets.connect(uri.getPort(), uri.getHost(), BridgeScreen.PATH)
                    .onSuccess(socket -> {
                        sockets.add(socket);
                        listen(socket, roomIndex, screenTokens.get(roomIndex));
                    })
                    .onFailure(failure -> failures.incrementAndGet())
                    .onComplete(done -> inFlight.release());
            connections.add(connected);
        }
        Future.join(connections).otherwiseEmpty().await(120, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " screens could not connect");
        }
        System.out.printf(Locale.ROOT, "%d screens connected in %.1f s (%d rooms, %d screens per room)%n",
                sockets.size(), (System.nanoTime() - started) / 1e9, settings.rooms, screensInRoom[0]);
    }

    private void listen(WebSocket socket, int roomIndex, String token) {
        socket.closeHandler(closed -> dropped.incrementAndGet());
        socket.handler(data -> {
            long now = System.nanoTime();
            Instant wallNow = Instant.now();
            BridgeScreen.Frame frame = BridgeScreen.parse(data.toString());
            if (frame.refused()) {
                System.out.println("bridge refused a screen: " + frame.body().encode());
            }
            Long ticketId = frame.calledTicketId();
            if (ticketId == null) {
                return;
            }
            received.incrementAndGet();
            Long sentAt = callSentAt.get(ticketId);
            if (sentAt != null) {
                int index = recorded.getAndIncrement();
                if (index < latencies.length()) {
                    latencies.set(index, now - sentAt);
                    fanOut.set(index, Duration.between(Instant.parse(frame.body().getString("at")), wallNow)
                            .toNanos());
                }
            }
        });
        BridgeScreen.register(socket, room(roomIndex), token);
    }

    /** One call per room, not measured: makes sure every screen's registration took effect. */
    private void warmUp(List<String> agents) {
        long before = received.get();
        for (int i = 0; i < settings.rooms; i++) {
            callAndServe(i, agents.get(i), false);
        }
        awaitDeliveries(before + settings.screens, 60);
        received.set(0);
    }

    // ---------------------------------------------------------------- measuring

    private void makeCalls(List<String> agents) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.rate;
        long next = System.nanoTime();
        for (int call = 0; call < settings.calls; call++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            int roomIndex = call % settings.rooms;
            callAndServe(roomIndex, agents.get(roomIndex), true);
        }
    }

    /** Issues a ticket, calls it (timed), then starts and finishes it so the counter is free for its next call. */
    private void callAndServe(int roomIndex, String agent, boolean measured) {
        JsonObject ticket = ok(send(HttpMethod.POST, "/api/v1/tickets", agent,
                new JsonObject().put("serviceId", room(roomIndex) + "-svc")), 201).bodyAsJsonObject();
        long id = ticket.getLong("id");
        if (measured) {
            callSentAt.put(id, System.nanoTime());
        }
        ok(send(HttpMethod.POST, "/api/v1/tickets/" + id + "/call", agent,
                new JsonObject().put("counterId", room(roomIndex) + "-c")), 200);
        ok(send(HttpMethod.POST, "/api/v1/tickets/" + id + "/start", agent, null), 200);
        ok(send(HttpMethod.POST, "/api/v1/tickets/" + id + "/finish", agent, null), 200);
    }

    private long expectedDeliveries() {
        long expected = 0;
        for (int call = 0; call < settings.calls; call++) {
            expected += screensInRoom[call % settings.rooms];
        }
        return expected;
    }

    private void awaitDeliveries(long expected, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (received.get() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void startHeapSampler(boolean local) {
        if (!local) {
            return;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void report(long expected, double seconds, boolean local) {
        int count = Math.min(recorded.get(), latencies.length());
        long[] values = sorted(latencies, count);
        long[] fanOutValues = sorted(fanOut, count);
        System.out.println();
        System.out.println("==== Guichet screen benchmark ====");
        System.out.printf(Locale.ROOT, "screens: %d in %d rooms; calls: %d at %d/s over %.1f s%n",
                settings.screens, settings.rooms, settings.calls, settings.rate, seconds);
        System.out.printf(Locale.ROOT, "deliveries: %d of %d expected (%s)%n", received.get(), expected,
                received.get() == expected ? "none lost" : (expected - received.get()) + " missing");
        if (count > 0) {
            System.out.printf(Locale.ROOT,
                    "call-to-screen latency (API request sent -> screen received): p50 %.1f ms, p90 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms (%d samples)%n",
                    Latencies.percentile(values, 0.50), Latencies.percentile(values, 0.90),
                    Latencies.percentile(values, 0.99),
                    values[count - 1] / 1e6, count);
            System.out.printf(Locale.ROOT,
                    "  of which server publication -> screen received: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms%n",
                    Latencies.percentile(fanOutValues, 0.50), Latencies.percentile(fanOutValues, 0.90),
                    Latencies.percentile(fanOutValues, 0.99),
                    fanOutValues[count - 1] / 1e6);
        }
        if (local) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long afterGc = memory.getHeapMemoryUsage().getUsed();
            long max = memory.getHeapMemoryUsage().getMax();
            System.out.printf(Locale.ROOT, "heap (server and the %d screen clients share this JVM): "
                            + "%d MB used after GC, %d MB peak, %s max%n", settings.screens, afterGc >> 20,
                    peakHeap.get() >> 20, max < 0 ? "no" : (max >> 20) + " MB");
        } else {
            System.out.println("heap: not measured (remote server; see its own monitoring)");
        }
    }

    private static long[] sorted(AtomicLongArray samples, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = samples.get(i);
        }
        Arrays.sort(values);
        return values;
    }

    // ---------------------------------------------------------------- HTTP

    /** A session's token, once the agent has replaced a password an administrator set (as asked). */
    private String login(String username, String password) {
        JsonObject session = ok(send(HttpMethod.POST, "/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password)), 200).bodyAsJsonObject();
        String token = session.getString("token");
        if (session.getBoolean("mustChangePassword", false)) {
            send(HttpMethod.POST, "/api/v1/auth/password", token, new JsonObject().put("currentPassword", password)
                    .put("newPassword", Api.ownPassword(password)));
        }
        return token;
    }

    private HttpResponse<Buffer> send(HttpMethod method, String path, String token, JsonObject body) {
        HttpRequest<Buffer> request = http.request(method, path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        Future<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendJson(body);
        try {
            return response.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    private static HttpResponse<Buffer> ok(HttpResponse<Buffer> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": "
                    + response.bodyAsString());
        }
        return response;
    }
}
