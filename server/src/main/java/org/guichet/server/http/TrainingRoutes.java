package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Services;
import org.guichet.server.view.TrainingView;

/** Training mode: copies of sites to practise on, their screens, simulated visitors, and trainees followed. */
public final class TrainingRoutes {

    private final Services services;

    public TrainingRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/training").handler(this::entries);
        api.post("/training/sites/:siteId").handler(this::prepare);
        api.post("/training/rooms/:roomId/screen").handler(this::screen);
        api.put("/training/copies/:copyId/simulation").handler(this::startSimulation);
        api.delete("/training/copies/:copyId/simulation").handler(this::stopSimulation);
        api.get("/training/copies/:copyId/follow").handler(this::follow);
    }

    private void entries(RoutingContext ctx) {
        Reply.send(ctx, 200, TrainingView.entries(services.training().entries(Reply.principal(ctx))));
    }

    private void prepare(RoutingContext ctx) {
        Reply.json(ctx, services.training().prepare(Reply.principal(ctx), Reply.address(ctx), ctx.pathParam("siteId"))
                .map(TrainingView::entry));
    }

    /** A fresh token for the room's training screen, and the address that opens it with it. */
    private void screen(RoutingContext ctx) {
        Reply.json(ctx, services.training().screenToken(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("roomId")).map(token -> new JsonObject().put("token", token)
                .put("url", "/display/?token=" + token)));
    }

    /** Body {perHour, minutes}: visitors arrive at that rate for that long, replacing a simulation running. */
    private void startSimulation(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, services.training().startSimulation(Reply.principal(ctx), ctx.pathParam("copyId"),
                Json.requiredInt(body, "perHour"), Json.requiredInt(body, "minutes")).map(TrainingView::simulation));
    }

    private void stopSimulation(RoutingContext ctx) {
        Reply.json(ctx, services.training().stopSimulation(Reply.principal(ctx), ctx.pathParam("copyId"))
                .map(done -> (Object) null));
    }

    private void follow(RoutingContext ctx) {
        Reply.json(ctx, services.training().follow(Reply.principal(ctx), ctx.pathParam("copyId"))
                .map(TrainingView::followed));
    }
}
