package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketEvent;
import org.guichet.server.domain.TicketNumber;
import org.guichet.server.service.Issued;
import org.guichet.server.service.TicketQueries;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as JSON, for each audience, in one place. Agents see everything an agent recorded (who, the note, the
 * outcome). Screens — devices visitors look at — and visitors get what it takes to show, announce and follow the
 * ticket: never an agent's id, name or note, the outcome, nor (screens) the visitor's status token.
 */
public final class TicketView {

    private TicketView() {
    }

    /** The counter tablet and supervision: the whole ticket, service named as configured. */
    public static JsonObject forAgent(Ticket ticket, Catalog catalog) {
        return whole(ticket, serviceName(ticket, catalog, null))
                .put("firstCalledAt", text(ticket.firstCalledAt()))
                .put("calledAt", text(ticket.calledAt()))
                .put("startedAt", text(ticket.startedAt()))
                .put("endedAt", text(ticket.endedAt()))
                .put("counterId", ticket.counterId())
                .put("counterName", catalog.counterName(ticket.counterId()))
                .put("agentId", ticket.agentId())
                .put("recallCount", ticket.recallCount())
                .put("outcome", ticket.outcome())
                .put("note", ticket.note())
                .put("targetCounterId", ticket.targetCounterId())
                .put("transferredFrom", ticket.transferredFrom())
                .put("appointmentAt", text(ticket.appointmentAt()))
                .put("where", where(catalog, ticket.roomId(), null));
    }

    /** An entry of a counter's waiting list, for its agent. */
    public static JsonObject waiting(TicketQueries.Waiting waiting, Catalog catalog) {
        return forAgent(waiting.ticket(), catalog)
                .put("waitedSeconds", waiting.waitedSeconds())
                .put("targetWaitMinutes", waiting.targetWaitMinutes())
                .put("overTarget", waiting.overTarget())
                .put("appointmentName", waiting.appointmentName());
    }

    /** A ticket's history, for agents. */
    public static JsonArray history(List<TicketEvent> events) {
        JsonArray history = new JsonArray();
        events.forEach(event -> history.add(new JsonObject()
                .put("kind", event.kind())
                .put("at", text(event.at()))
                .put("counterId", event.counterId())
                .put("agentId", event.agentId())
                .put("data", event.data())));
        return history;
    }

    /** Waiting-room and counter-top screens: enough to show and announce the call; small, as every screen gets it. */
    public static JsonObject forScreen(Ticket ticket, Catalog catalog) {
        return new JsonObject()
                .put("id", ticket.id())
                .put("number", ticket.number())
                .put("spoken", TicketNumber.spoken(ticket.number()))
                .put("serviceId", ticket.serviceId())
                .put("serviceName", serviceName(ticket, catalog, null))
                .put("roomId", ticket.roomId())
                .put("counterId", ticket.counterId())
                .put("counterName", catalog.counterName(ticket.counterId()))
                .put("status", ticket.status().name())
                .put("calledAt", text(ticket.calledAt()))
                .put("recallCount", ticket.recallCount())
                .put("language", ticket.language())
                .put("priority", ticket.priority().name());
    }

    /**
     * The answer to whoever issued the ticket (a kiosk the visitor stands at, or an agent for a visitor): what the
     * slip prints, in the visitor's language, with the status link of the QR code.
     */
    public static JsonObject issued(Issued issued, Catalog catalog) {
        Ticket ticket = issued.ticket();
        return whole(ticket, serviceName(ticket, catalog, ticket.language()))
                .put("statusToken", ticket.statusToken())
                .put("statusPath", "/ticket/" + ticket.statusToken())
                .put("peopleAhead", issued.peopleAhead())
                .put("estimatedWaitMinutes", issued.estimatedWaitMinutes())
                .put("appointmentAt", text(ticket.appointmentAt()))
                .put("where", where(catalog, ticket.roomId(), ticket.language()));
    }

    /**
     * Where to wait for a ticket: its room (after a transfer, the new service's), the building and floor, and the way
     * there, in the language given (the configured texts for null).
     */
    public static JsonObject where(Catalog catalog, String roomId, String language) {
        Catalog.Room room = catalog.rooms().get(roomId);
        if (room == null) {
            return null;
        }
        return new JsonObject().put("roomId", room.id())
                .put("room", language == null ? room.name() : room.name(language))
                .put("building", room.where().building()).put("floor", room.where().floor())
                .put("directions", language == null ? room.where().directions() : room.where().directions(language));
    }

    /** The visitor's page, opened from the ticket's QR code. */
    public static JsonObject forVisitor(TicketQueries.VisitorTicket visitor, Catalog catalog) {
        Ticket ticket = visitor.ticket();
        return new JsonObject()
                .put("number", ticket.number())
                .put("status", ticket.status().name())
                .put("serviceName", serviceName(ticket, catalog, ticket.language()))
                .put("siteName", catalog.site(ticket.siteId()).name())
                .put("language", ticket.language())
                .put("peopleAhead", visitor.peopleAhead())
                .put("estimatedWaitMinutes", visitor.estimatedWaitMinutes())
                .put("counterName", catalog.counterName(ticket.counterId()))
                .put("issuedAt", text(ticket.issuedAt()))
                .put("calledAt", text(ticket.calledAt()))
                .put("appointmentAt", text(ticket.appointmentAt()))
                .put("where", where(catalog, ticket.roomId(), ticket.language()));
    }

    /** What the visitor's page hears live: the change only; the page then reads its ticket again. */
    public static JsonObject visitorNews(Ticket ticket, TicketAction action, Catalog catalog) {
        return new JsonObject()
                .put("type", action.pathName())
                .put("number", ticket.number())
                .put("status", ticket.status().name())
                .put("counterName", catalog.counterName(ticket.counterId()));
    }

    /** A change to show on screens: {type, at, ticket}. */
    public static JsonObject screenMessage(Ticket ticket, TicketAction action, Instant at, Catalog catalog) {
        return new JsonObject().put("type", action.pathName()).put("at", at.toString())
                .put("ticket", forScreen(ticket, catalog));
    }

    /** What the agent's and the issuer's views both show: the ticket itself, up to its issue. */
    private static JsonObject whole(Ticket ticket, String serviceName) {
        return new JsonObject()
                .put("id", ticket.id())
                .put("number", ticket.number())
                .put("spoken", TicketNumber.spoken(ticket.number()))
                .put("siteId", ticket.siteId())
                .put("serviceId", ticket.serviceId())
                .put("serviceName", serviceName)
                .put("roomId", ticket.roomId())
                .put("priority", ticket.priority().name())
                .put("language", ticket.language())
                .put("status", ticket.status().name())
                .put("serviceDay", ticket.serviceDay().toString())
                .put("arrivalAt", text(ticket.arrivalAt()))
                .put("issuedAt", text(ticket.issuedAt()));
    }

    private static String serviceName(Ticket ticket, Catalog catalog, String language) {
        Catalog.Service service = catalog.services().get(ticket.serviceId());
        if (service == null) {
            return ticket.serviceId();
        }
        return language == null ? service.name() : service.name(language);
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
