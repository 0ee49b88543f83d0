package org.guichet.server.testing;

import io.vertx.core.json.JsonObject;
import org.guichet.server.Main;
import org.guichet.server.store.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server node in its own JVM, started as an operator would ({@code Main} with a configuration file and the
 * GUICHET_* variables), so that a test can kill it with SIGKILL. Its output goes to {@code target/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int httpPort;

    private NodeProcess(String name, Process process, int httpPort) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts a clustered node over the given database and waits until it is ready. */
    public static NodeProcess start(String name, DatabaseSettings database, int httpPort, int clusterPort,
                                    List<Integer> members, String clusterName) {
        try {
            Path config = Files.createTempFile("guichet-" + name, ".yaml");
            config.toFile().deleteOnExit();
            // JSON is YAML: the test deployment, as an operator's file would carry it.
            Files.writeString(config, new JsonObject().put("deployment", TestServer.deployment()).encode());
            Map<String, String> env = Map.of(
                    "GUICHET_HTTP_PORT", String.valueOf(httpPort),
                    "GUICHET_DB_URL", "postgresql://" + database.host() + ":" + database.port() + "/"
                                      + database.database(),
                    "GUICHET_DB_USER", database.user(),
                    "GUICHET_DB_PASSWORD", database.password(),
                    "GUICHET_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD,
                    "GUICHET_CLUSTER", "true",
                    "GUICHET_CLUSTER_HOST", "127.0.0.1",
                    "GUICHET_CLUSTER_PORT", String.valueOf(clusterPort),
                    "GUICHET_CLUSTER_NAME", clusterName,
                    "GUICHET_CLUSTER_MEMBERS", String.join(",",
                            members.stream().map(member -> "127.0.0.1:" + member).toList()));
            return launch(name, config, env, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a node alone on its embedded PostgreSQL under the given data directory (no database URL), as a trial
     * server runs, and waits until it is ready.
     */
    public static NodeProcess startEmbedded(String name, Path dataDirectory, int httpPort) {
        try {
            Path config = Files.createTempFile("guichet-" + name, ".yaml");
            config.toFile().deleteOnExit();
            Files.writeString(config, new JsonObject().put("deployment", TestServer.deployment()).encode());
            Map<String, String> env = Map.of(
                    "GUICHET_HTTP_PORT", String.valueOf(httpPort),
                    "GUICHET_DATA_DIR", dataDirectory.toString(),
                    "GUICHET_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
            return launch(name, config, env, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NodeProcess launch(String name, Path config, Map<String, String> env, int httpPort)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("GUICHET_"));
        builder.environment().putAll(env);
        NodeProcess node = new NodeProcess(name, builder.start(), httpPort);
        node.awaitHealthy(Duration.ofSeconds(120));
        return node;
    }

    /** The processes this node started and that still run (its embedded PostgreSQL, a watchdog). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    public int httpPort() {
        return httpPort;
    }

    public String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster, connections cut by the kernel. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration within) {
        ProcessProbe.awaitAnswering(process, name, "http://127.0.0.1:" + httpPort + "/health/ready", within);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
