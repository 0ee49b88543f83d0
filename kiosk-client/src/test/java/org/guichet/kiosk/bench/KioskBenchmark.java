package org.guichet.kiosk.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.server.testing.TestServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the kiosk client's start time, resident memory and tap-to-last-byte time.
 * <p>
 * Starts a local Guichet server (embedded PostgreSQL) and a network printer double on 127.0.0.1, then, for each set of
 * JVM flags, launches the shaded kiosk jar as its own process (mock GPIO with a light and a button, like a Pi kiosk),
 * times it until GET /api/state says READY, reads VmRSS / VmHWM from /proc/&lt;pid&gt;/status, and taps
 * (POST /api/tickets, as the touch UI does) until the printer has received the ticket's last byte.
 * <p>
 * Run: {@code mvn -B -q -pl kiosk-client -am verify -DskipTests -Pbenchmark} (argument: the shaded jar).
 * Figures, not assertions: targets are ready &lt; 3 s, RSS &lt; 200 MB, tap-to-last-byte &lt; 300 ms.
 */
public final class KioskBenchmark {

    private static final int TAPS = 40;
    private static final Charset PC858 = Charset.forName("IBM00858");
    private static final Pattern READY_LINE = Pattern.compile("Kiosk ready to issue tickets \\((\\d+) ms after JVM start\\)");
    private static final List<String> SUGGESTED = List.of("-Xmx64m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path jar;
    private final Path work;
    private final TestServer server;
    private final FakeEscPosPrinter printer;
    private final String token;

    private KioskBenchmark(Path jar, Path work, TestServer server, FakeEscPosPrinter printer) {
        this.jar = jar;
        this.work = work;
        this.server = server;
        this.printer = printer;
        this.token = server.deviceToken("kiosk-1");
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "kiosk-client/target/guichet-kiosk-client-0.1.0-SNAPSHOT-all.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("No kiosk jar at " + jar + ": build it first (mvn -pl kiosk-client -am package -DskipTests)");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("guichet-kiosk-bench-");
        Vertx vertx = Vertx.vertx();
        TestServer server = TestServer.start(vertx);
        try (FakeEscPosPrinter printer = new FakeEscPosPrinter()) {
            KioskBenchmark benchmark = new KioskBenchmark(jar, work, server, printer);
            List<String> report = new ArrayList<>();
            report.add(benchmark.run("JVM defaults", List.of()));
            report.add(benchmark.run("suggested flags", SUGGESTED));
            Path archive = work.resolve("kiosk-cds.jsa");
            List<String> withCds = new ArrayList<>(SUGGESTED);
            withCds.add("-XX:+AutoCreateSharedArchive");
            withCds.add("-XX:SharedArchiveFile=" + archive);
            benchmark.run("(creating the AppCDS archive)", withCds);
            report.add(benchmark.run("suggested flags + AppCDS", withCds));

            System.out.println();
            System.out.println("Guichet kiosk client benchmark — " + Runtime.version() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
            System.out.println("jar: " + jar + " (" + Files.size(jar) / 1024 / 1024 + " MB)");
            System.out.println("targets: ready < 3000 ms, RSS < 200 MB, tap-to-last-byte < 300 ms");
            System.out.println("load average (1, 5, 15 min) at the end: " + loadAverage()
                    + " — wall-clock times grow with the machine's load; CPU time much less");
            System.out.println(String.format(Locale.ROOT, "%-26s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s",
                    "flags", "http ms", "ready ms", "jvm→rdy", "cpu ms", "RSS MB", "RSS+taps", "HWM MB", "1st tap",
                    "tap p50", "tap p95"));
            report.forEach(System.out::println);
            System.out.println("(http: launch → local UI answers; ready: launch → state READY (menu loaded, printer "
                    + "read); jvm→rdy: the kiosk's own log; taps: POST /api/tickets → last ticket byte at the printer, "
                    + TAPS + " taps after the first, local server on embedded PostgreSQL; cpu: user+system CPU time of the "
                    + "kiosk process until READY)");
        } finally {
            server.close();
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private String run(String name, List<String> jvmFlags) throws Exception {
        int port = freePort();
        Path config = work.resolve("kiosk-" + port + ".yaml");
        Files.writeString(config, new JsonObject()
                .put("server", new JsonObject().put("url", server.baseUrl()))
                .put("http", new JsonObject().put("port", port))
                .put("printer", new JsonObject().put("connection", printer.connectionSpec()))
                .put("gpio", new JsonObject().put("provider", "mock")
                        .put("light", new JsonObject().put("green", 5).put("amber", 6).put("red", 13))
                        .put("buttons", new JsonObject().put("map", new JsonArray()
                                .add(new JsonObject().put("pin", 17).put("entry", "svc-a")))))
                .encodePrettily());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--config", config.toString()));
        Path log = work.resolve("kiosk-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GUICHET_DEVICE_TOKEN", token);

        long launched = System.nanoTime();
        Process kiosk = builder.start();
        try {
            long httpMillis = -1;
            long readyMillis;
            while (true) {
                if (!kiosk.isAlive()) {
                    throw new IllegalStateException("the kiosk stopped; see " + log + ":\n" + Files.readString(log));
                }
                JsonObject state = state(port);
                long now = System.nanoTime();
                if (state != null && httpMillis < 0) {
                    httpMillis = TimeUnit.NANOSECONDS.toMillis(now - launched);
                }
                if (state != null && "READY".equals(state.getString("state"))) {
                    readyMillis = TimeUnit.NANOSECONDS.toMillis(now - launched);
                    break;
                }
                if (TimeUnit.NANOSECONDS.toSeconds(now - launched) > 60) {
                    throw new IllegalStateException("the kiosk was not ready within 60 s; see " + log);
                }
                Thread.sleep(10);
            }
            long cpuAtReady = kiosk.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            long rssAtReady = memory(kiosk.pid(), "VmRSS");
            List<Double> taps = new ArrayList<>();
            double firstTap = tap(port);
            for (int i = 0; i < TAPS; i++) {
                taps.add(tap(port));
            }
            long rssAfterTaps = memory(kiosk.pid(), "VmRSS");
            long peak = memory(kiosk.pid(), "VmHWM");
            Collections.sort(taps);
            String ownReady = ownReadyMillis(log);
            return String.format(Locale.ROOT, "%-26s %8d %8d %8s %8d %8.1f %8.1f %8.1f %8.0f %8.1f %8.1f", name,
                    httpMillis, readyMillis, ownReady, cpuAtReady, rssAtReady / 1024.0, rssAfterTaps / 1024.0,
                    peak / 1024.0, firstTap, percentile(taps, 50), percentile(taps, 95));
        } finally {
            kiosk.destroy();
            if (!kiosk.waitFor(20, TimeUnit.SECONDS)) {
                kiosk.destroyForcibly();
            }
        }
    }

    /** One tap: the time from sending the request to the last byte of the ticket at the printer, in ms. */
    private double tap(int port) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("entryId", "svc-a")
                        .put("priority", "NORMAL").put("language", "fr").put("key", "bench-" + UUID.randomUUID())
                        .encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("tap refused: " + response.statusCode() + " " + response.body());
        }
        String number = new JsonObject(response.body()).getString("number");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!printer.printedText(PC858).contains(number) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(20); // let the last bytes of the slip (feed, cut) land
        return (printer.lastByteNanos() - start) / 1_000_000.0;
    }

    private JsonObject state(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/state")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A value in kB from /proc/&lt;pid&gt;/status, e.g. VmRSS (resident now) or VmHWM (resident peak). */
    private static long memory(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException(field + " not found for " + pid);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String ownReadyMillis(Path log) throws IOException {
        Matcher match = READY_LINE.matcher(Files.readString(log));
        return match.find() ? match.group(1) : "?";
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
