package org.guichet.server;

import io.vertx.core.json.JsonObject;
import org.guichet.server.store.DatabaseSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a server instance is started with.
 *
 * @param database   an external PostgreSQL, or null to start the embedded one under {@code dataDirectory}
 * @param deployment sites, rooms, services, counters and devices to upsert at start (may be empty)
 */
public record ServerOptions(int httpPort, DatabaseSettings database, Path dataDirectory, JsonObject deployment,
                            boolean demo, boolean demoReset, String adminPassword, Clock clock,
                            Duration sessionLifetime, int poolSize, boolean printSecrets) {

    public ServerOptions {
        deployment = deployment == null ? new JsonObject() : deployment;
        clock = clock == null ? Clock.systemUTC() : clock;
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(12) : sessionLifetime;
    }

    public ServerOptions withClock(Clock other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, other,
                sessionLifetime, poolSize, printSecrets);
    }

    public ServerOptions withDeployment(JsonObject other) {
        return new ServerOptions(httpPort, database, dataDirectory, other, demo, demoReset, adminPassword, clock,
                sessionLifetime, poolSize, printSecrets);
    }

    public ServerOptions withSessionLifetime(Duration other) {
        return new ServerOptions(httpPort, database, dataDirectory, deployment, demo, demoReset, adminPassword, clock,
                other, poolSize, printSecrets);
    }
}
