package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.ConfigLoader;
import org.guichet.server.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar guichet-server.jar [--demo] [--demo-reset] [--config guichet.yaml]}, or its {@code backup} and
 * {@code restore} commands ({@link BackupCommand}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (BackupCommand.handles(arguments)) {
            if (arguments.contains("--help") || arguments.contains("-h")) {
                System.out.println(BackupCommand.USAGE_TEXT);
                return;
            }
            System.exit(BackupCommand.run(arguments));
            return;
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("""
                    Usage: java -jar guichet-server.jar [--demo] [--demo-reset] [--config FILE]
                      --demo        start with a demo head office (three buildings), demo agents and devices
                      --demo-reset  with --demo: give the demo accounts and devices new credentials
                      --config FILE YAML configuration (default ./guichet.yaml when it exists)
                    Environment: GUICHET_HTTP_PORT, GUICHET_DB_URL, GUICHET_DB_USER, GUICHET_DB_PASSWORD,
                                 GUICHET_DATA_DIR, GUICHET_ADMIN_PASSWORD, GUICHET_CLUSTER,
                                 GUICHET_CLUSTER_HOST, GUICHET_CLUSTER_PORT, GUICHET_CLUSTER_MEMBERS,
                                 GUICHET_CLUSTER_NAME, GUICHET_METRICS_TOKEN
                    Commands (java -jar guichet-server.jar backup --help):
                      backup [--config FILE] [--to FILE | --dir DIR [--keep-daily N --keep-monthly M]]
                      restore --from FILE [--config FILE] [--yes]""");
            return;
        }
        int configIndex = arguments.indexOf("--config");
        Path configFile = Path.of(configIndex >= 0 && configIndex + 1 < args.length ? args[configIndex + 1]
                : "guichet.yaml");
        boolean demoReset = arguments.contains("--demo-reset");
        boolean demo = arguments.contains("--demo") || demoReset;

        Vertx configVertx = Vertx.vertx();
        JsonObject config;
        try {
            config = ConfigLoader.read(configVertx, configFile).await(30, TimeUnit.SECONDS);
        } finally {
            configVertx.close();
        }
        ServerOptions options;
        try {
            options = ConfigLoader.toOptions(config, demo, demoReset);
        } catch (IllegalArgumentException e) {
            // A wrong value in the configuration: the sentence says which and what is expected; no stack trace.
            LOG.error("Guichet could not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        ClusterSettings cluster;
        try {
            cluster = ConfigLoader.cluster(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Guichet could not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        // With a metrics token, Vert.x keeps its meters (HTTP server, SQL pool, event bus) for GET /metrics.
        Vertx vertx = ServerVertx.create(cluster, NodeMetrics.vertxOptions(new VertxOptions(), options.metrics()))
                .await(60, TimeUnit.SECONDS);

        GuichetServer server;
        try {
            server = GuichetServer.start(vertx, options).await(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("Guichet could not start: {}", e.getMessage(), e);
            vertx.close();
            System.exit(1);
            return;
        }
        LOG.info("Guichet listening on http://localhost:{}", server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Guichet");
            try {
                server.stop().await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Unclean stop: {}", e.toString());
            }
            // Not awaited: the JVM is ending, and close() completes on an event loop that is itself shutting down.
            vertx.close();
        }, "guichet-shutdown"));
    }
}
