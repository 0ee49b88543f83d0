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
import org.guichet.server.domain.AppointmentSettings;
import org.guichet.server.domain.CallbackSettings;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.domain.PrivacyNotice;
import org.guichet.server.domain.SatisfactionSettings;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.metrics.MetricsSettings;
import org.guichet.server.service.AuditLog;
import org.guichet.server.sms.SmsSettings;
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
            .add("GUICHET_METRICS_TOKEN").add("GUICHET_SSO_ISSUER").add("GUICHET_SSO_CLIENT_ID")
            .add("GUICHET_SSO_CLIENT_SECRET").add("GUICHET_SSO_CLIENT_SECRET_FILE").add("GUICHET_SSO_REDIRECT_BASE_URL")
            .add("GUICHET_SSO_LOCAL_PASSWORDS")
            .add("GUICHET_RETENTION_NOTES_DAYS")
            .add("GUICHET_RETENTION_PSEUDONYMISE_AFTER_DAYS").add("GUICHET_RETENTION_TICKET_MONTHS")
            .add("GUICHET_RETENTION_AUDIT_DAYS").add("GUICHET_TRUSTED_PROXIES").add("GUICHET_CONTACT_KEY_FILE")
            .add("GUICHET_SMS_URL").add("GUICHET_SMS_API_KEY").add("GUICHET_SMS_API_KEY_FILE");

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
                MetricsSettings.fromConfig(config), sso(config), retention(config),
                PrivacyNotice.fromConfig(config.getJsonObject("privacy")), deviceIssuing(config),
                HttpSettings.fromConfig(http(config)), SatisfactionSettings.fromConfig(config),
                CallbackSettings.fromConfig(config), contactKeyFile(config), SmsSettings.fromConfig(config),
                AppointmentSettings.fromConfig(config));
    }

    /** GUICHET_CONTACT_KEY_FILE, else {@code contactKeyFile}; null: the data directory's contact.key. */
    static Path contactKeyFile(JsonObject config) {
        Object file = config.getValue("GUICHET_CONTACT_KEY_FILE", config.getValue("contactKeyFile"));
        return file == null || String.valueOf(file).isBlank() ? null : Path.of(String.valueOf(file).trim());
    }

    /**
     * {@code sso:}, each of issuer, clientId, redirectBaseUrl and localPasswords overridden by its GUICHET_SSO_*
     * variable; the client secret from GUICHET_SSO_CLIENT_SECRET, else the file GUICHET_SSO_CLIENT_SECRET_FILE or
     * {@code sso.clientSecretFile} names, else {@code sso.clientSecret}.
     */
    static SsoSettings sso(JsonObject config) {
        Object given = config.getValue("sso");
        JsonObject sso = given instanceof JsonObject object ? object.copy() : new JsonObject();
        overrideFromEnv(config, sso, "GUICHET_SSO_ISSUER", "issuer");
        overrideFromEnv(config, sso, "GUICHET_SSO_CLIENT_ID", "clientId");
        overrideFromEnv(config, sso, "GUICHET_SSO_REDIRECT_BASE_URL", "redirectBaseUrl");
        overrideFromEnv(config, sso, "GUICHET_SSO_LOCAL_PASSWORDS", "localPasswords");
        String secret = config.getString("GUICHET_SSO_CLIENT_SECRET");
        String secretFile = config.getString("GUICHET_SSO_CLIENT_SECRET_FILE", sso.getString("clientSecretFile"));
        if ((secret == null || secret.isBlank()) && secretFile != null && !secretFile.isBlank()) {
            try {
                secret = Files.readString(Path.of(secretFile.trim())).trim();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("sso.clientSecretFile " + secretFile.trim()
                        + " cannot be read (" + e.getClass().getSimpleName() + ").", e);
            }
        }
        if (secret == null || secret.isBlank()) {
            secret = sso.getString("clientSecret");
        }
        return SsoSettings.fromConfig(sso, secret);
    }

    private static void overrideFromEnv(JsonObject config, JsonObject section, String variable, String key) {
        Object value = config.getValue(variable);
        if (value != null && !String.valueOf(value).isBlank()) {
            section.put(key, String.valueOf(value).trim());
        }
    }

    /**
     * {@code issuing.deviceBurst} (whole tickets, at least 1) and {@code issuing.deviceRefillSeconds} (a positive
     * number of seconds per ticket once the burst is spent): how fast each kiosk may issue; see
     * {@link IssuingRate#DEVICE_DEFAULT}.
     */
    static IssuingRate deviceIssuing(JsonObject config) {
        JsonObject issuing = config.getJsonObject("issuing", new JsonObject());
        Object burst = issuing.getValue("deviceBurst", IssuingRate.DEVICE_DEFAULT.burst());
        Object refill = issuing.getValue("deviceRefillSeconds",
                IssuingRate.DEVICE_DEFAULT.refillEvery().toMillis() / 1000.0);
        if (!(burst instanceof Number whole) || whole.doubleValue() != Math.rint(whole.doubleValue())
            || whole.doubleValue() < 1 || whole.doubleValue() > 10_000) {
            throw new IllegalArgumentException("issuing.deviceBurst must be a whole number of tickets from 1 to "
                    + "10000 (got " + burst + ").");
        }
        if (!(refill instanceof Number seconds) || !(seconds.doubleValue() >= 0.001)
            || seconds.doubleValue() > 3600) {
            throw new IllegalArgumentException("issuing.deviceRefillSeconds must be a number of seconds from 0.001 "
                    + "to 3600 (got " + refill + ").");
        }
        return new IssuingRate(whole.intValue(), Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)));
    }

    /** {@code http:}, its trusted proxies replaced by GUICHET_TRUSTED_PROXIES (comma-separated) when set. */
    static JsonObject http(JsonObject config) {
        JsonObject http = config.getJsonObject("http", new JsonObject()).copy();
        Object proxies = config.getValue("GUICHET_TRUSTED_PROXIES");
        if (proxies != null && !String.valueOf(proxies).isBlank()) {
            http.put("trustedProxies", String.valueOf(proxies));
        }
        return http;
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

    /**
     * {@code retention.auditDays} (GUICHET_RETENTION_AUDIT_DAYS), or the older {@code audit.retentionDays}: a whole
     * number of days, at least 1.
     */
    static Duration auditRetention(JsonObject config) {
        Object older = config.getJsonObject("audit", new JsonObject()).getValue("retentionDays");
        long days = period(config, "auditDays", "GUICHET_RETENTION_AUDIT_DAYS",
                older == null ? AuditLog.DEFAULT_RETENTION_DAYS : older, "retention.auditDays (or audit.retentionDays)");
        return Duration.ofDays(days);
    }

    /**
     * The {@code retention:} section, each period also settable by its environment variable (which wins):
     * notesDays (GUICHET_RETENTION_NOTES_DAYS), pseudonymiseAfterDays (GUICHET_RETENTION_PSEUDONYMISE_AFTER_DAYS),
     * ticketMonths (GUICHET_RETENTION_TICKET_MONTHS).
     */
    static RetentionPolicy retention(JsonObject config) {
        return new RetentionPolicy(
                (int) period(config, "notesDays", "GUICHET_RETENTION_NOTES_DAYS", RetentionPolicy.DEFAULT_NOTES_DAYS),
                (int) period(config, "pseudonymiseAfterDays", "GUICHET_RETENTION_PSEUDONYMISE_AFTER_DAYS",
                        RetentionPolicy.DEFAULT_PSEUDONYMISE_AFTER_DAYS),
                (int) period(config, "ticketMonths", "GUICHET_RETENTION_TICKET_MONTHS",
                        RetentionPolicy.DEFAULT_TICKET_MONTHS));
    }

    /** A whole number, at least 1 and at most 100 000, from the environment, else the section, else the default. */
    private static long period(JsonObject config, String key, String env, Object defaultValue) {
        return period(config, key, env, defaultValue, "retention." + key);
    }

    private static long period(JsonObject config, String key, String env, Object defaultValue, String name) {
        Object value = config.getValue(env, config.getJsonObject("retention", new JsonObject())
                .getValue(key, defaultValue));
        if (value instanceof String text && text.strip().matches("\\d{1,6}")) {
            value = Long.parseLong(text.strip());
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
            || number.longValue() < 1 || number.longValue() > 100_000) {
            throw new IllegalArgumentException(name + " (" + env + ") must be a whole number of at least 1 (got "
                    + value + ").");
        }
        return number.longValue();
    }

    /** How this node joins its cluster, if it does. */
    public static ClusterSettings cluster(JsonObject config) {
        return ClusterSettings.fromConfig(config);
    }
}
