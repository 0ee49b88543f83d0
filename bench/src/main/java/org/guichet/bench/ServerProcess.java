package org.guichet.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.Main;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.store.DatabaseSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server node in a JVM of its own, started as an operator starts one ({@code Main} with a configuration file and
 * GUICHET_ADMIN_PASSWORD), so that a benchmark's nodes do not share their heap, collector pauses and compiler threads
 * with each other and with the load, as on separate machines. Its output goes to {@code <directory>/server.log}.
 */
final class ServerProcess {

    /** Each node's heap; the shared-JVM runs give all the nodes and the load 2 GiB together (`-Xmx2g`). */
    static final String HEAP = "-Xmx1g";

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node over the given database and waits until it is ready. {@code clusterPorts} empty: a node alone;
     * else it joins the others on 127.0.0.1 at those ports, {@code clusterPort} being its own.
     */
    static ServerProcess start(Path directory, DatabaseSettings database, int httpPort, int clusterPort,
                               List<Integer> clusterPorts, String clusterName, int poolSize, IssuingRate issuing,
                               Path contactKeyFile, String adminPassword) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        JsonObject config = new JsonObject()
                .put("http", new JsonObject().put("port", httpPort))
                .put("dataDirectory", directory.toString())
                .put("contactKeyFile", contactKeyFile.toString())
                .put("database", new JsonObject()
                        .put("url", "postgresql://" + database.host() + ":" + database.port() + "/"
                                + database.database())
                        .put("user", database.user()).put("password", database.password()).put("poolSize", poolSize))
                .put("issuing", new JsonObject().put("deviceBurst", issuing.burst())
                        .put("deviceRefillSeconds", issuing.refillEvery().toNanos() / 1e9));
        if (!clusterPorts.isEmpty()) {
            JsonArray members = new JsonArray();
            clusterPorts.forEach(member -> members.add("127.0.0.1:" + member));
            config.put("cluster", new JsonObject().put("enabled", true).put("host", "127.0.0.1")
                    .put("port", clusterPort).put("members", members).put("name", clusterName));
        }
        Path file = directory.resolve("guichet.yaml");
        // JSON is YAML.
        Files.writeString(file, config.encodePrettily());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                HEAP, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", file.toString()));
        Path log = directory.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("GUICHET_"));
        builder.environment().put("GUICHET_ADMIN_PASSWORD", adminPassword);
        ServerProcess server = new ServerProcess(builder.start(), httpPort, log);
        server.awaitReady(Duration.ofSeconds(180));
        return server;
    }

    int port() {
        return port;
    }

    /** CPU time this node's JVM has used so far (every thread), from /proc; -1 when unknown. */
    long cpuNanos() {
        long[] stat = ProcessCpu.stat(Path.of("/proc", String.valueOf(process.pid())));
        return stat == null ? -1 : (stat[1] + stat[2]) * ProcessCpu.TICK_NANOS;
    }

    /** SIGTERM, as systemd stops the service; SIGKILL if it has not ended within a minute. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(Duration within) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server node ended with status " + process.exitValue() + " while starting; "
                        + "its last lines:\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IOException("the server node was not ready within " + within.toSeconds() + " s; its last lines:\n"
                + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
