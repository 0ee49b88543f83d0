package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.Services;
import org.guichet.server.view.AppointmentView;
import org.guichet.server.view.QrSvg;
import org.guichet.server.view.TicketView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Appointments: booked by visitors (public) or agents, seen and cancelled by their link, checked in at the kiosk. */
public final class AppointmentRoutes {

    private static final int MAX_NAME = 80;
    private static final int MAX_TOKEN = 64;
    private static final int MAX_PHONE = 40;

    private final Services services;

    public AppointmentRoutes(Services services) {
        this.services = services;
    }

    public void mountPublic(Router api) {
        api.get("/public/sites/:siteId/appointments/services").handler(this::bookableServices);
        api.get("/public/sites/:siteId/appointments/slots").handler(this::slots);
        api.post("/public/sites/:siteId/appointments").handler(this::book);
        api.get("/public/appointments/:token").handler(this::read);
        api.post("/public/appointments/:token/cancel").handler(this::cancel);
        api.get("/public/appointments/:token/code.svg").handler(this::codeQr);
    }

    public void mount(Router api) {
        api.post("/sites/:siteId/appointments").handler(this::bookFor);
        api.post("/sites/:siteId/appointments/check-in").handler(this::checkIn);
        api.get("/sites/:siteId/appointments/at-hand").handler(this::atHand);
    }

    private void bookableServices(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-cache");
        Reply.send(ctx, 200, AppointmentView.services(services.appointments().services(ctx.pathParam("siteId"))));
    }

    /** ?serviceId=…&date=2026-12-02: the day's slots still to come, with the places left. */
    private void slots(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        Reply.json(ctx, services.appointments().slots(ctx.pathParam("siteId"), ctx.queryParams().get("serviceId"),
                date(ctx.queryParams().get("date"))).map(AppointmentView::slots));
    }

    /** Body {serviceId, startsAt, name?, language?}: 201 with the code and the appointment's link. */
    private void book(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, 201, services.appointments().book(ctx.pathParam("siteId"),
                        Json.requiredString(body, "serviceId"), instant(Json.requiredString(body, "startsAt")),
                        Json.optionalString(body, "name", MAX_NAME), Json.language(body),
                        Json.optionalString(body, "smsPhone", MAX_PHONE), Reply.address(ctx))
                .map(appointment -> AppointmentView.forVisitor(appointment, services.catalogs().get())));
    }

    private void bookFor(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, 201, services.appointments().bookFor(Reply.principal(ctx), ctx.pathParam("siteId"),
                        Json.requiredString(body, "serviceId"), instant(Json.requiredString(body, "startsAt")),
                        Json.optionalString(body, "name", MAX_NAME), Json.language(body),
                        Json.optionalString(body, "smsPhone", MAX_PHONE))
                .map(appointment -> AppointmentView.forVisitor(appointment, services.catalogs().get())));
    }

    private void read(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        Reply.json(ctx, services.appointments().byToken(token(ctx))
                .map(appointment -> AppointmentView.forVisitor(appointment, services.catalogs().get())));
    }

    private void cancel(RoutingContext ctx) {
        Reply.json(ctx, services.appointments().cancel(token(ctx))
                .map(appointment -> AppointmentView.forVisitor(appointment, services.catalogs().get())));
    }

    /** The code as a QR code, for the kiosk's scanner: the code alone, nothing else. */
    private void codeQr(RoutingContext ctx) {
        services.appointments().byToken(token(ctx))
                .onSuccess(appointment -> ctx.response().putHeader("Content-Type", "image/svg+xml")
                        .putHeader("Cache-Control", "private, max-age=3600").end(QrSvg.svg(appointment.code())))
                .onFailure(ctx::fail);
    }

    /**
     * ?serviceId=…: for a visitor who lost their code, the service's appointments they may check in for now, by
     * time and initial (a kiosk shows them): [{id, startsAt, initial}].
     */
    private void atHand(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        Reply.json(ctx, services.appointments().atHand(Reply.principal(ctx), ctx.pathParam("siteId"),
                ctx.queryParams().get("serviceId")).map(AppointmentView::atHand));
    }

    /**
     * Body {code, language?} (or {appointmentId, language?}, one picked from the appointments at hand): 201 with the
     * ticket, as a kiosk gets it, and the booked time.
     */
    private void checkIn(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String language = body.getValue("language") == null ? null : Json.language(body);
        Integer picked = Json.optionalInt(body, "appointmentId");
        Reply.json(ctx, 201, (picked != null
                        ? services.appointments().checkInPicked(Reply.principal(ctx), ctx.pathParam("siteId"), picked,
                                language)
                        : services.appointments().checkIn(Reply.principal(ctx), ctx.pathParam("siteId"),
                                Json.requiredString(body, "code"), language))
                .map(checkedIn -> TicketView.issued(checkedIn.issued(), services.catalogs().get())
                        .put("appointment", new JsonObject()
                                .put("startsAt", checkedIn.appointment().startsAt().toString()))));
    }

    private static String token(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        if (token == null || token.length() > MAX_TOKEN) {
            throw Failure.notFound("No such appointment.");
        }
        return token;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw Failure.invalid("'date' must be a date such as 2026-12-02.");
        }
    }

    /** An instant a slot may be at: of this century, as the slots list gives it. */
    private static Instant instant(String text) {
        try {
            Instant instant = Instant.parse(text.strip());
            if (instant.isBefore(Instant.parse("2000-01-01T00:00:00Z"))
                || instant.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw Failure.invalid("bad_slot", "'startsAt' must be a slot's time as the slots list gives it.");
        }
    }
}
