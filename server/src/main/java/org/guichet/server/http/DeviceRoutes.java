package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Services;

/** Devices report that they are alive, with their health (printer paper, errors). */
public final class DeviceRoutes {

    private final Services services;

    public DeviceRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.post("/devices/heartbeat").handler(this::heartbeat);
    }

    private void heartbeat(RoutingContext ctx) {
        Reply.json(ctx, services.devices().heartbeat(Reply.principal(ctx), Json.body(ctx))
                .map(now -> new JsonObject().put("ok", true).put("serverTime", now.toString())));
    }
}
