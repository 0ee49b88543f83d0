package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Principal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Devices report that they are alive, with their health (printer paper, errors). */
public final class DeviceRoutes {

    public static final String DEVICE_HEALTH_ADDRESS = "guichet.internal.device.health";

    private static final String UPDATE_HEALTH =
            "UPDATE device SET last_seen_at = $2, health = $3 WHERE id = $1 AND revoked_at IS NULL";

    private final Pool pool;
    private final Clock clock;
    private final io.vertx.core.eventbus.EventBus eventBus;

    public DeviceRoutes(Pool pool, Clock clock, io.vertx.core.eventbus.EventBus eventBus) {
        this.pool = pool;
        this.clock = clock;
        this.eventBus = eventBus;
    }

    public void mount(Router api) {
        api.post("/devices/heartbeat").handler(this::heartbeat);
    }

    private void heartbeat(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        if (principal.deviceId() == null) {
            throw Failure.notAllowed("Only devices send heartbeats.");
        }
        JsonObject body = Json.body(ctx);
        if (body.encode().length() > 4000) {
            throw Failure.invalid("Health report too large.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Reply.json(ctx, pool.preparedQuery(UPDATE_HEALTH).execute(Tuple.of(principal.deviceId(), now, body))
                .map(done -> {
                    eventBus.publish(DEVICE_HEALTH_ADDRESS, new JsonObject().put("deviceId", principal.deviceId())
                            .put("siteId", principal.siteIds().iterator().next()).put("health", body)
                            .put("lastSeenAt", now.toInstant().toString()));
                    return new JsonObject().put("ok", true).put("serverTime", now.toInstant().toString());
                }));
    }
}
