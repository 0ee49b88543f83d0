package org.guichet.server;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.domain.AppointmentSettings;
import org.guichet.server.domain.CallbackSettings;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.domain.PrivacyNotice;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.SatisfactionSettings;
import org.guichet.server.metrics.MetricsSettings;
import org.guichet.server.service.AuditLog;
import org.guichet.server.sms.SmsSettings;
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
 * @param sso            single sign-on of agents with an OpenID Connect provider ({@code sso:}); off by default
 * @param retention      how long notes, linkable tickets and tickets are kept ({@code retention:}; see docs/privacy.md)
 * @param privacy        who is responsible for the data and how to reach them, for the privacy notice ({@code privacy:})
 * @param deviceIssuing  how fast each device may issue ({@code issuing.deviceBurst},
 *                       {@code issuing.deviceRefillSeconds})
 * @param http           HTTP timeouts and the trusted reverse proxies ({@code http:}, see {@link HttpSettings})
 * @param satisfaction   who may read visitors' satisfaction answers ({@code satisfaction:})
 * @param callbacks      call-backs: how long callers' numbers are kept, retries ({@code callbacks:})
 * @param contactKeyFile the key sealing callers' numbers ({@code contactKeyFile}, GUICHET_CONTACT_KEY_FILE); null:
 *                       {@code contact.key} in the data directory, made at the first start
 * @param sms            the SMS gateway for visitors' reminders ({@code sms:}); off by default
 * @param appointments   when visitors with an appointment may check in ({@code appointments:})
 */
public record ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                            boolean demo, boolean demoReset, String adminPassword, Clock clock,
                            Duration sessionLifetime, int poolSize, boolean printSecrets, Duration auditRetention,
                            AccessibilityStatement accessibility, List<String> publicUrls,
                            MetricsSettings metrics, SsoSettings sso, RetentionPolicy retention,
                            PrivacyNotice privacy, IssuingRate deviceIssuing,
                            HttpSettings http, SatisfactionSettings satisfaction, CallbackSettings callbacks,
                            Path contactKeyFile, SmsSettings sms, AppointmentSettings appointments) {

    public ServerOptions {
        callbacks = callbacks == null ? CallbackSettings.defaults() : callbacks;
        sms = sms == null ? SmsSettings.off() : sms;
        appointments = appointments == null ? AppointmentSettings.defaults() : appointments;
        satisfaction = satisfaction == null ? SatisfactionSettings.defaults() : satisfaction;
        http = http == null ? HttpSettings.defaults() : http;
        deviceIssuing = deviceIssuing == null ? IssuingRate.DEVICE_DEFAULT : deviceIssuing;
        sso = sso == null ? SsoSettings.off() : sso;
        privacy = privacy == null ? PrivacyNotice.unconfigured() : privacy;
        retention = retention == null ? RetentionPolicy.defaults() : retention;
        publicUrls = publicUrls == null ? List.of() : List.copyOf(publicUrls);
        deployment = deployment == null ? new JsonObject() : deployment;
        clock = clock == null ? Clock.systemUTC() : clock;
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(12) : sessionLifetime;
        auditRetention = auditRetention == null ? Duration.ofDays(AuditLog.DEFAULT_RETENTION_DAYS) : auditRetention;
        accessibility = accessibility == null ? AccessibilityStatement.unconfigured() : accessibility;
        metrics = metrics == null ? MetricsSettings.off() : metrics;
    }

    /** Options with every other setting at its default (see each component's compact-constructor default). */
    public ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                         boolean demo, boolean demoReset, String adminPassword, Clock clock,
                         Duration sessionLifetime, int poolSize, boolean printSecrets) {
        this(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock, sessionLifetime,
                poolSize, printSecrets, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ServerOptions withClock(Clock other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, other,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withDeployment(JsonObject other) {
        return new ServerOptions(httpPort, database, dataDirectory, other, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withSessionLifetime(Duration other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                other, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withAuditRetention(Duration other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, other, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withPublicUrls(List<String> other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, other, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withAccessibility(AccessibilityStatement other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, other, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withMetrics(MetricsSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, other, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withSso(SsoSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, other,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withRetention(RetentionPolicy other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                other, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withPrivacy(PrivacyNotice other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, other, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withDeviceIssuing(IssuingRate other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, other, http, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withHttp(HttpSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, other, satisfaction, callbacks, contactKeyFile, sms, appointments);
    }

    /** The same HTTP settings but for the reverse proxies believed about the client (IP addresses or networks). */
    public ServerOptions withTrustedProxies(List<String> proxies) {
        return withHttp(new HttpSettings(http.idleTimeout(), http.headerTimeout(), proxies, http.refusedLoginDelay()));
    }

    public ServerOptions withSatisfaction(SatisfactionSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, other, callbacks, contactKeyFile, sms, appointments);
    }

    public ServerOptions withCallbacks(CallbackSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, other, contactKeyFile, sms, appointments);
    }

    public ServerOptions withContactKeyFile(Path other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, other, sms, appointments);
    }

    public ServerOptions withSms(SmsSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, other, appointments);
    }

    public ServerOptions withAppointments(AppointmentSettings other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets, auditRetention, accessibility, publicUrls, metrics, sso,
                retention, privacy, deviceIssuing, http, satisfaction, callbacks, contactKeyFile, sms, other);
    }

    /** Where the key sealing callers' numbers is read (and made, the first time). */
    public Path contactKey() {
        return contactKeyFile != null ? contactKeyFile : dataDirectory.resolve("contact.key");
    }
}
