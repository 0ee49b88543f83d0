package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.store.DatabaseSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A PostgreSQL failover under a running Guichet server, on 127.0.0.1, with the system's PostgreSQL binaries: a primary
 * and a synchronous streaming standby initdb'd in a scratch directory; the server reaches the database through one
 * address that forwards to the primary (standing for the virtual IP, DNS name or HAProxy of docs/operations.md);
 * kiosks issue tickets continuously, each retrying its own idempotency key until it is acknowledged; the primary is
 * killed (SIGKILL, postmaster and backends); after a detection delay the standby is promoted and the address switched
 * to it. It prints what was acknowledged, what the promoted standby holds, the seconds of 503 and the first success
 * after the promotion, then stops both servers and deletes the scratch directory.
 */
public final class FailoverDrill {

    private static final String USAGE = "FailoverDrill [--kiosks 4] [--before 5] [--detect 2] [--after 5]";
    private static final String ADMIN_PASSWORD = "drill-admin-password";
    /** A kiosk waits this long before trying a refused ticket again, as the kiosk client does after a failure. */
    private static final long RETRY_PAUSE_MILLIS = 100;

    private final int kiosks;
    private final Duration before;
    private final Duration detect;
    private final Duration after;
    private final Vertx vertx = Vertx.vertx();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicLong transportErrors = new AtomicLong();
    private final AtomicLong first503 = new AtomicLong();
    private final AtomicLong last503 = new AtomicLong();
    private final AtomicLong firstSuccessAfterPromotion = new AtomicLong();
    private volatile long promotedAt;
    private volatile boolean issuing = true;
    private WebClient http;
    private Api api;

    private FailoverDrill(int kiosks, Duration before, Duration detect, Duration after) {
        this.kiosks = kiosks;
        this.before = before;
        this.detect = detect;
        this.after = after;
    }

    public static void main(String[] args) {
        Map<String, String> options = Options.parse(args, USAGE);
        FailoverDrill drill = new FailoverDrill(Integer.parseInt(options.getOrDefault("kiosks", "4")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("before", "5"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("detect", "2"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("after", "5"))));
        int status;
        try {
            status = drill.run() ? 0 : 2;
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private boolean run() throws Exception {
        Path scratch = Files.createTempDirectory("guichet-failover-");
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = PostgresNode.systemBinaries();
        String runAs = PostgresNode.runAsUser();
        PostgresNode primary = null;
        PostgresNode standby = null;
        TcpSwitch address = null;
        GuichetServer server = null;
        try {
            System.out.printf("Guichet failover drill: PostgreSQL from %s%s, %d kiosks, primary killed after %d s, "
                    + "standby promoted %d s later%n", bin, runAs == null ? "" : " run as " + runAs, kiosks,
                    before.toSeconds(), detect.toSeconds());
            primary = PostgresNode.initPrimary(bin, scratch.resolve("primary"), LoopbackPorts.free(), runAs);
            primary.start(List.of("wal_level=replica", "max_wal_senders=4", "max_connections=60",
                    "synchronous_commit=on", "synchronous_standby_names=standby1", "fsync=on"));
            standby = PostgresNode.baseBackup(primary, scratch.resolve("standby"), LoopbackPorts.free(), "standby1");
            standby.start(List.of("hot_standby=on", "max_connections=60", "fsync=on", "synchronous_commit=on"));
            awaitSynchronous(primary);
            primary.execute("CREATE DATABASE guichet");

            address = new TcpSwitch(vertx, primary.port());
            int addressPort = address.listen().await(10, TimeUnit.SECONDS);
            server = GuichetServer.start(vertx, new ServerOptions(0,
                    new DatabaseSettings("127.0.0.1", addressPort, "guichet", "postgres", "unused"),
                    scratch.resolve("server"), deployment(), false, false, ADMIN_PASSWORD, null, null, 16, false)
                    // Its kiosks issue faster than a hall's, to find a lost ticket sooner: no per-device limit.
                    .withDeviceIssuing(new IssuingRate(Integer.MAX_VALUE, Duration.ofNanos(1))))
                    .await(180, TimeUnit.SECONDS);
            http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(kiosks + 4));
            api = new Api(http, 30_000);
            String admin = api.send(HttpMethod.POST, "/api/v1/auth/login", null, new JsonObject()
                    .put("username", "admin").put("password", ADMIN_PASSWORD)).bodyAsJsonObject().getString("token");
            String kiosk = api.send(HttpMethod.POST, "/api/v1/admin/devices/drill-kiosk/token", admin, null)
                    .bodyAsJsonObject().getString("token");

            long start = System.nanoTime();
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < kiosks; i++) {
                running.add(issueUntilStopped(kiosk));
            }
            Thread.sleep(before.toMillis());
            long ackedBeforeKill = acknowledged.size();
            long killedAt = System.nanoTime();
            primary.kill();
            System.out.printf("primary killed at %.1f s with %d tickets acknowledged%n", seconds(killedAt - start),
                    ackedBeforeKill);
            Thread.sleep(Math.max(0, detect.toMillis() - (System.nanoTime() - killedAt) / 1_000_000));
            standby.promote();
            address.switchTo(standby.port());
            promotedAt = System.nanoTime();
            System.out.printf("standby promoted and the address switched at %.1f s%n", seconds(promotedAt - start));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (firstSuccessAfterPromotion.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(after.toMillis());
            issuing = false;
            Future.join(running).await(60, TimeUnit.SECONDS);

            Verification verification = verify(admin);
            print(verification, start, killedAt);
            return verification.lost() == 0 && verification.reused() == 0 && firstSuccessAfterPromotion.get() != 0;
        } finally {
            issuing = false;
            if (server != null) {
                server.stop().await(60, TimeUnit.SECONDS);
            }
            if (address != null) {
                address.close().await(10, TimeUnit.SECONDS);
            }
            vertx.close().await(30, TimeUnit.SECONDS);
            if (standby != null) {
                standby.stopQuietly();
            }
            if (primary != null) {
                primary.stopQuietly();
            }
            ScratchDirectory.deleteQuietly(scratch);
        }
    }

    /** The primary confirms its standby as synchronous: from now on a commit returns once the standby has it. */
    private static void awaitSynchronous(PostgresNode primary) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"sync".equals(primary.queryOne(
                "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby did not become synchronous within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** One kiosk: issues ticket after ticket, each with its own idempotency key retried until acknowledged. */
    private Future<Void> issueUntilStopped(String kiosk) {
        Promise<Void> done = Promise.promise();
        issueNext(kiosk, UUID.randomUUID().toString(), done);
        return done.future();
    }

    private void issueNext(String kiosk, String key, Promise<Void> done) {
        if (!issuing) {
            done.complete();
            return;
        }
        api.request(HttpMethod.POST, "/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "drill-service")
                .put("idempotencyKey", key)).onComplete(answer -> {
                    long now = System.nanoTime();
                    if (answer.failed()) {
                        transportErrors.incrementAndGet();
                        vertx.setTimer(RETRY_PAUSE_MILLIS, id -> issueNext(kiosk, key, done));
                        return;
                    }
                    int status = answer.result().statusCode();
                    answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status == 201 || status == 200) {
                        JsonObject ticket = answer.result().bodyAsJsonObject();
                        acknowledged.put(String.valueOf(ticket.getValue("id")), ticket.getString("number"));
                        if (promotedAt != 0 && now > promotedAt) {
                            firstSuccessAfterPromotion.compareAndSet(0, now);
                        }
                        issueNext(kiosk, UUID.randomUUID().toString(), done);
                        return;
                    }
                    if (status == 503) {
                        first503.compareAndSet(0, now);
                        last503.set(now);
                    }
                    vertx.setTimer(RETRY_PAUSE_MILLIS, id -> issueNext(kiosk, key, done));
                });
    }

    private record Verification(int acknowledged, int found, int lost, int reused, List<String> missing) {
    }

    /** Every acknowledged ticket read back through the server, now on the promoted standby. */
    private Verification verify(String admin) {
        int found = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> ticket : new TreeMap<>(acknowledged).entrySet()) {
            HttpResponse<Buffer> stored = api.send(HttpMethod.GET, "/api/v1/tickets/" + ticket.getKey(), admin, null);
            if (stored.statusCode() == 200 && ticket.getValue().equals(stored.bodyAsJsonObject().getString("number"))) {
                found++;
            } else {
                missing.add(ticket.getKey() + " " + ticket.getValue() + " -> " + stored.statusCode());
            }
        }
        return new Verification(acknowledged.size(), found, acknowledged.size() - found,
                reusedNumbers(acknowledged), missing);
    }

    /** How many acknowledged tickets carry a number another acknowledged ticket carries (one site, one day). */
    static int reusedNumbers(Map<String, String> numberById) {
        Map<String, Integer> holders = new HashMap<>();
        numberById.values().forEach(number -> holders.merge(number, 1, Integer::sum));
        return holders.values().stream().mapToInt(count -> count - 1).sum();
    }

    private void print(Verification verification, long start, long killedAt) {
        System.out.printf("tickets acknowledged:               %d%n", verification.acknowledged());
        System.out.printf("tickets found after failover:       %d%n", verification.found());
        System.out.printf("tickets lost:                       %d%n", verification.lost());
        System.out.printf("numbers reused:                     %d%n", verification.reused());
        System.out.printf("answers:                            %s, transport errors %d%n",
                new TreeMap<>(Map.copyOf(answers)), transportErrors.get());
        System.out.printf("seconds of 503:                     %s%n", first503.get() == 0 ? "none"
                : String.format("%.1f (first %.1f s after the kill, last %.1f s after the promotion)",
                        seconds(last503.get() - first503.get()), seconds(first503.get() - killedAt),
                        seconds(last503.get() - promotedAt)));
        System.out.printf("first success after the promotion:  %s%n", firstSuccessAfterPromotion.get() == 0
                ? "none within 60 s"
                : String.format("%.2f s", seconds(firstSuccessAfterPromotion.get() - promotedAt)));
        System.out.printf("outage seen by kiosks:              %.1f s (kill to first success)%n",
                firstSuccessAfterPromotion.get() == 0 ? Double.NaN
                        : seconds(firstSuccessAfterPromotion.get() - killedAt));
        verification.missing().stream().limit(10).forEach(line -> System.out.println("  missing: " + line));
        System.out.printf("(run took %.1f s)%n", seconds(System.nanoTime() - start));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static JsonObject deployment() {
        return new JsonObject().put("sites", new JsonArray().add(new JsonObject().put("id", "drill")
                .put("name", "Exercice de bascule").put("timeZone", "Europe/Paris")
                .put("rooms", new JsonArray().add(new JsonObject().put("id", "drill-room").put("name", "Salle")))
                .put("services", new JsonArray().add(new JsonObject().put("id", "drill-service")
                        .put("name", "Accueil").put("prefix", "A").put("room", "drill-room")
                        .put("targetWaitMinutes", 15)))
                .put("devices", new JsonArray().add(new JsonObject().put("id", "drill-kiosk").put("kind", "kiosk")))));
    }
}
