package org.guichet.server;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.metrics.MetricsSettings;
import org.guichet.server.service.AuditLog;
import org.guichet.server.store.DatabaseSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything a server instance is started with.
 *
 * @param database   an external PostgreSQL, or null to start the embedded one under {@code dataDirectory}
 * @param deployment     sites, rooms, services, counters and devices to upsert at start (may be empty)
 * @param auditRetention how long audit log entries are kept ({@code audit.retentionDays}, default 400 days)
 * @param accessibility  the organisation's accessibility statement ({@code accessibility:}), shown to the public
 * @param publicUrls     every node's address as screens reach it ({@code http.publicUrls}), handed to screens so that
 *                       they move to another node when theirs is gone; empty: they stay with the one that served them
 * @param metrics        whether {@code GET /metrics} answers, and to which token ({@code metrics:}); off by default
 * @param http           HTTP timeouts and trusted proxies ({@code http:}, see {@link HttpSettings})
 */
public record ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                            boolean demo, boolean demoReset, String adminPassword, Clock clock,
                            Duration sessionLifetime, int poolSize, boolean printSecrets, Duration auditRetention,
                            AccessibilityStatement accessibility, List<String> publicUrls,
                            MetricsSettings metrics, HttpSettings http) {

    public ServerOptions {
        publicUrls = publicUrls == null ? List.of() : List.copyOf(publicUrls);
        deployment = deployment == null ? new JsonObject() : deployment;
        clock = clock == null ? Clock.systemUTC() : clock;
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(12) : sessionLifetime;
        auditRetention = auditRetention == null ? Duration.ofDays(AuditLog.DEFAULT_RETENTION_DAYS) : auditRetention;
        accessibility = accessibility == null ? AccessibilityStatement.unconfigured() : accessibility;
        metrics = metrics == null ? MetricsSettings.off() : metrics;
        http = http == null ? HttpSettings.defaults() : http;
    }

    /** Options with the default HTTP timeouts and no trusted proxy. */
    public ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                         boolean demo, boolean demoReset, String adminPassword, Clock clock,
                         Duration sessionLifetime, int poolSize, boolean printSecrets, Duration auditRetention,
                         AccessibilityStatement accessibility, List<String> publicUrls, MetricsSettings metrics) {
        this(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock, sessionLifetime,
                poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, null);
    }

    /** Options with no node addresses for screens and the metrics endpoint off. */
    public ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                         boolean demo, boolean demoReset, String adminPassword, Clock clock,
                         Duration sessionLifetime, int poolSize, boolean printSecrets, Duration auditRetention,
                         AccessibilityStatement accessibility) {
        this(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock, sessionLifetime,
                poolSize, printSecrets, auditRetention, accessibility, null, null);
    }

    /** Options with no accessibility statement filled in. */
    public ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                         boolean demo, boolean demoReset, String adminPassword, Clock clock,
                         Duration sessionLifetime, int poolSize, boolean printSecrets, Duration auditRetention) {
        this(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock, sessionLifetime,
                poolSize, printSecrets, auditRetention, null);
    }

    /** Options with the default audit retention. */
    public ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                         boolean demo, boolean demoReset, String adminPassword, Clock clock,
                         Duration sessionLifetime, int poolSize, boolean printSecrets) {
        this(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock, sessionLifetime,
                poolSize, printSecrets, null);
    }

    public ServerOptions withClock(Clock other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, other,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, http);
    }

    public ServerOptions withDeployment(JsonObject other) {
        return new ServerOptions(httpPort, database, dataDirectory, other, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, http);
    }

    public ServerOptions withSessionLifetime(Duration other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                other, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, http);
    }

    public ServerOptions withAuditRetention(Duration other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, other, accessibility, publicUrls, metrics, http);
    }

    public ServerOptions withPublicUrls(List<String> other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, other, metrics, http);
    }

    public ServerOptions withAccessibility(AccessibilityStatement other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, other, publicUrls, metrics, http);
    }

    public ServerOptions withMetrics(MetricsSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, other, http);
    }

    public ServerOptions withHttp(HttpSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, other);
    }
}
