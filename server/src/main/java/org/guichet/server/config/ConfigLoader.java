package org.guichet.server.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.ServerOptions;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.metrics.MetricsSettings;
import org.guichet.server.service.AuditLog;
import org.guichet.server.store.DatabaseSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the configuration with vertx-config: the YAML file (guichet.yaml, or the one given) and then the GUICHET_*
 * environment variables, which win.
 */
public final class ConfigLoader {

    static final JsonArray ENV_KEYS = new JsonArray().add("GUICHET_HTTP_PORT").add("GUICHET_DB_URL")
            .add("GUICHET_DB_USER").add("GUICHET_DB_PASSWORD").add("GUICHET_DATA_DIR").add("GUICHET_ADMIN_PASSWORD")
            .add("GUICHET_CLUSTER").add("GUICHET_CLUSTER_HOST").add("GUICHET_CLUSTER_PORT")
            .add("GUICHET_CLUSTER_MEMBERS").add("GUICHET_CLUSTER_NAME").add("GUICHET_PUBLIC_URLS")
            .add("GUICHET_METRICS_TOKEN");

    private ConfigLoader() {
    }

    public static Future<JsonObject> read(Vertx vertx, Path configFile) {
        ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false);
        if (configFile != null && Files.exists(configFile)) {
            options.addStore(new ConfigStoreOptions().setType("file").setFormat("yaml")
                    .setConfig(new JsonObject().put("path", configFile.toString())));
        } else if (configFile != null && !configFile.toString().equals("guichet.yaml")) {
            return Future.failedFuture(new IllegalArgumentException("Configuration file " + configFile
                    + " does not exist."));
        }
        options.addStore(new ConfigStoreOptions().setType("env")
                .setConfig(new JsonObject().put("keys", ENV_KEYS).put("raw-data", true)));
        ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
        return retriever.getConfig().eventually(() -> {
            retriever.close();
            return Future.succeededFuture();
        });
    }

    /** Turns the merged configuration and the command-line flags into server options. */
    public static ServerOptions toOptions(JsonObject config, boolean demo, boolean demoReset) {
        JsonObject http = config.getJsonObject("http", new JsonObject());
        JsonObject database = config.getJsonObject("database", new JsonObject());
        int port = Integer.parseInt(String.valueOf(config.getValue("GUICHET_HTTP_PORT", http.getValue("port", 8080))));
        String dbUrl = config.getString("GUICHET_DB_URL", database.getString("url"));
        String dbUser = config.getString("GUICHET_DB_USER", database.getString("user"));
        String dbPassword = config.getString("GUICHET_DB_PASSWORD", database.getString("password"));
        DatabaseSettings settings = dbUrl == null || dbUrl.isBlank() ? null
                : DatabaseSettings.parse(dbUrl, dbUser, dbPassword);
        Path data = Path.of(config.getString("GUICHET_DATA_DIR", config.getString("dataDirectory", "./data")));
        return new ServerOptions(port, settings, data, config.getJsonObject("deployment", new JsonObject()), demo,
                demoReset, config.getString("GUICHET_ADMIN_PASSWORD"), null, null,
                database.getInteger("poolSize", 16), true, auditRetention(config),
                AccessibilityStatement.fromConfig(config.getJsonObject("accessibility")), publicUrls(config),
                MetricsSettings.fromConfig(config), HttpSettings.fromConfig(http));
    }

    /**
     * {@code http.publicUrls} (a list) or GUICHET_PUBLIC_URLS (comma-separated, wins): every node's address as the
     * screens reach it, e.g. http://guichet-a:8080; each an http(s) origin, kept without a trailing slash. Empty by
     * default: screens stay with the node that served them.
     */
    static List<String> publicUrls(JsonObject config) {
        Object listed = config.getValue("GUICHET_PUBLIC_URLS",
                config.getJsonObject("http", new JsonObject()).getValue("publicUrls"));
        List<String> texts = new ArrayList<>();
        if (listed instanceof JsonArray array) {
            array.forEach(url -> texts.add(String.valueOf(url)));
        } else if (listed != null) {
            texts.addAll(List.of(String.valueOf(listed).split(",")));
        }
        List<String> urls = new ArrayList<>();
        for (String text : texts) {
            String url = text.trim().replaceAll("/+$", "");
            if (url.isEmpty()) {
                continue;
            }
            URI parsed;
            try {
                parsed = new URI(url);
            } catch (URISyntaxException e) {
                parsed = null;
            }
            if (parsed == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                || parsed.getHost() == null || !(parsed.getPath() == null || parsed.getPath().isEmpty())
                || parsed.getQuery() != null || parsed.getFragment() != null) {
                throw new IllegalArgumentException("http.publicUrls must list each node's address as "
                        + "http://host:port or https://host (no path), got " + text.trim() + ".");
            }
            if (!urls.contains(url)) {
                urls.add(url);
            }
        }
        return List.copyOf(urls);
    }

    /** {@code audit.retentionDays}: a whole number of days, at least 1. */
    static Duration auditRetention(JsonObject config) {
        Object days = config.getJsonObject("audit", new JsonObject())
                .getValue("retentionDays", AuditLog.DEFAULT_RETENTION_DAYS);
        if (!(days instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
            || number.longValue() < 1) {
            throw new IllegalArgumentException("audit.retentionDays must be a whole number of days, at least 1 (got "
                    + days + ").");
        }
        return Duration.ofDays(number.longValue());
    }

    /** How this node joins its cluster, if it does. */
    public static ClusterSettings cluster(JsonObject config) {
        return ClusterSettings.fromConfig(config);
    }
}
