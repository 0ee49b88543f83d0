package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.CallbackOutcome;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.Callbacks;
import org.guichet.server.service.Services;
import org.guichet.server.view.CallbackView;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Phone call-backs: asked for by phone reception (or the caller), made from the counters' tablets. */
public final class CallbackRoutes {

    private final Services services;

    public CallbackRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.post("/sites/:siteId/callbacks").handler(this::request);
        api.get("/counters/:counterId/callbacks").handler(this::forCounter);
        api.post("/counters/:counterId/callbacks/take").handler(this::take);
        api.post("/callbacks/:callbackId/outcome").handler(this::outcome);
        api.post("/callbacks/:callbackId/release").handler(this::release);
    }

    public void mountPublic(Router api) {
        api.post("/public/sites/:siteId/callbacks").handler(this::requestFromPhone);
    }

    /** Body {serviceId, phone, subject, language?, date?, from?, to?}: 201 with the request (never its number). */
    private void request(RoutingContext ctx) {
        Reply.json(ctx, 201, services.callbacks().request(Reply.principal(ctx), ctx.pathParam("siteId"),
                        request(Json.body(ctx)))
                .map(callback -> CallbackView.created(callback, services.catalogs().get())));
    }

    /** The same from the site's phone page, for a site visitors may reach, within the address's allowance. */
    private void requestFromPhone(RoutingContext ctx) {
        Reply.json(ctx, 201, services.callbacks().requestFromPhonePage(
                        services.phoneTickets().site(ctx.pathParam("siteId")), request(Json.body(ctx)),
                        Reply.address(ctx))
                .map(callback -> CallbackView.created(callback, services.catalogs().get())));
    }

    private void forCounter(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        Reply.json(ctx, services.callbacks().forCounter(Reply.principal(ctx), ctx.pathParam("counterId"))
                .map(list -> CallbackView.forCounter(list, services.catalogs().get(), services.clock().instant())));
    }

    /** Body {callbackId?}: 200 with the request and the number to dial, or 204 when none is due. */
    private void take(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Object given = body.getValue("callbackId");
        if (given != null && !(given instanceof Integer || given instanceof Long)) {
            throw Failure.invalid("'callbackId' must be a call-back's id (a whole number).");
        }
        Long callbackId = given == null ? null : ((Number) given).longValue();
        ctx.response().putHeader("Cache-Control", "no-store");
        Reply.json(ctx, services.callbacks().take(Reply.principal(ctx), ctx.pathParam("counterId"), callbackId)
                .map(taken -> taken.map(shown -> CallbackView.item(shown, services.catalogs().get(),
                        services.clock().instant())).orElse(null)));
    }

    /** Body {outcome: answered | no_answer | wrong_number}. */
    private void outcome(RoutingContext ctx) {
        CallbackOutcome outcome = CallbackOutcome.parse(Json.requiredString(Json.body(ctx), "outcome"));
        Reply.json(ctx, services.callbacks().record(Reply.principal(ctx), Json.pathLong(ctx, "callbackId"), outcome)
                .map(callback -> CallbackView.created(callback, services.catalogs().get())));
    }

    private void release(RoutingContext ctx) {
        Reply.json(ctx, services.callbacks().release(Reply.principal(ctx), Json.pathLong(ctx, "callbackId")));
    }

    private static Callbacks.Request request(JsonObject body) {
        return new Callbacks.Request(Json.requiredString(body, "serviceId"), Json.requiredString(body, "phone"),
                Json.requiredString(body, "subject"), Json.language(body), date(Json.optionalString(body, "date")),
                time(Json.optionalString(body, "from"), "from"), time(Json.optionalString(body, "to"), "to"));
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Failure.invalid("bad_window", "'date' must be a date such as 2026-12-01.");
        }
    }

    private static LocalTime time(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Failure.invalid("bad_window", "'" + field + "' must be a time such as 14:30.");
        }
    }
}
